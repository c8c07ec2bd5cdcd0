package dev.tenderkit.core.method;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A way to pay that a terminal may or may not accept: Alipay, Huabei in 6 installments, a UnionPay
 * debit card. Identified by a stable string {@link #id()} that appears in policy documents, fee
 * schedules, journals and logs; two methods are equal when their ids are equal.
 *
 * <p>A method may declare a {@linkplain #parentId() parent}: the method it is a variant of, whose
 * requirements it inherits (Huabei in 6 installments is paid with Huabei, so a terminal, a channel
 * or a merchant that cannot take Huabei cannot take its installments either). The
 * {@link PaymentMethodRegistry} checks that the parent is registered, belongs to the same wallet and
 * that parents form no cycle.
 *
 * <p>The well-known methods are constants in {@link PaymentMethods}. A wallet module or a vendor
 * adds its own by constructing one and registering it in a {@link PaymentMethodRegistry}.
 * Immutable and thread-safe.
 */
public final class PaymentMethod {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final Pattern PRODUCT = Pattern.compile("[a-z][a-z0-9_]*");

    private final String id;
    private final Wallet wallet;
    private final LocalizedText name;
    private final String product;
    private final EntryMode entryMode;
    private final boolean credit;
    private final int installmentPeriods;
    private final Optional<String> parentId;

    /**
     * A method without a parent.
     *
     * @param id stable id: lower-case dotted segments of letters, digits and '_', at most 64 chars
     * @param wallet the scheme the buyer pays from
     * @param name display name
     * @param product the product code a merchant is qualified for per channel (e.g. {@code huabei});
     *     several methods may share one product
     * @param entryMode how the buyer presents payment
     * @param credit whether the buyer pays with consumer credit (Huabei, 分付, credit card); merchant
     *     category restrictions on credit apply to these
     * @param installmentPeriods number of installments, or 0 when paid at once
     */
    public PaymentMethod(String id, Wallet wallet, LocalizedText name, String product, EntryMode entryMode,
            boolean credit, int installmentPeriods) {
        this(id, wallet, name, product, entryMode, credit, installmentPeriods, Optional.empty());
    }

    /**
     * @param id stable id: lower-case dotted segments of letters, digits and '_', at most 64 chars
     * @param wallet the scheme the buyer pays from
     * @param name display name
     * @param product the product code a merchant is qualified for per channel
     * @param entryMode how the buyer presents payment
     * @param credit whether the buyer pays with consumer credit
     * @param installmentPeriods number of installments, or 0 when paid at once
     * @param parentId the id of the method this one is a variant of and inherits the requirements of
     *     (e.g. {@code alipay.huabei} for Huabei installments), or empty
     */
    public PaymentMethod(String id, Wallet wallet, LocalizedText name, String product, EntryMode entryMode,
            boolean credit, int installmentPeriods, Optional<String> parentId) {
        if (id == null || id.length() > 64 || !ID.matcher(id).matches()) {
            throw new InvalidInputException("id",
                    "payment method id must be lower-case dotted segments of [a-z0-9_], at most 64 chars, got \""
                            + id + "\"");
        }
        if (product == null || !PRODUCT.matcher(product).matches()) {
            throw new InvalidInputException("product", "product code must match [a-z][a-z0-9_]*, got \""
                    + product + "\" for method " + id);
        }
        if (installmentPeriods < 0 || installmentPeriods > 60) {
            throw new InvalidInputException("installmentPeriods",
                    "must be 0 (no installments) or 1..60, got " + installmentPeriods + " for method " + id);
        }
        if (installmentPeriods > 0 && !credit) {
            throw new InvalidInputException("credit", "an installment method is a credit method: " + id);
        }
        Objects.requireNonNull(parentId, "parentId");
        if (parentId.isPresent() && (parentId.get().length() > 64 || !ID.matcher(parentId.get()).matches())) {
            throw new InvalidInputException("parentId", "the parent of method " + id + " must be a payment method id, got \""
                    + parentId.get() + "\"");
        }
        if (parentId.isPresent() && parentId.get().equals(id)) {
            throw new InvalidInputException("parentId", "method " + id + " cannot be its own parent");
        }
        this.id = id;
        this.parentId = parentId;
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.name = Objects.requireNonNull(name, "name");
        this.product = product;
        this.entryMode = Objects.requireNonNull(entryMode, "entryMode");
        this.credit = credit;
        this.installmentPeriods = installmentPeriods;
    }

    /** @return the stable id, e.g. {@code alipay.huabei.installment.6} */
    public String id() {
        return id;
    }

    /** @return the scheme the buyer pays from */
    public Wallet wallet() {
        return wallet;
    }

    /** @return the display name in Chinese and English */
    public LocalizedText name() {
        return name;
    }

    /** @return the product code qualification reviews are held under, e.g. {@code huabei_installment} */
    public String product() {
        return product;
    }

    /** @return how the buyer presents payment */
    public EntryMode entryMode() {
        return entryMode;
    }

    /** @return whether the buyer pays with consumer credit */
    public boolean isCredit() {
        return credit;
    }

    /** @return the number of installments, 0 when paid at once */
    public int installmentPeriods() {
        return installmentPeriods;
    }

    /** @return whether this is an installment method */
    public boolean isInstallment() {
        return installmentPeriods > 0;
    }

    /**
     * @return the id of the method this one is a variant of, whose requirements it inherits, or
     *     empty when it stands alone
     */
    public Optional<String> parentId() {
        return parentId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaymentMethod other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** @return the id */
    @Override
    public String toString() {
        return id;
    }
}
