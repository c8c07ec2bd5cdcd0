package dev.tenderkit.core.method;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The set of payment methods a resolver, a policy and a fee schedule agree on, looked up by id.
 * It is also where a wallet's plans are known: which installment methods a wallet has (so which
 * {@link InstallmentPlan}s it offers), and which method a payment funded one way or another is
 * priced as. Every method's parent is registered, of the same wallet, and parents form no cycle.
 * Immutable and thread-safe; {@link #toBuilder()} derives an extended registry.
 */
public final class PaymentMethodRegistry {
    private static final Comparator<PaymentMethod> BY_PERIODS = Comparator.comparingInt(PaymentMethod::installmentPeriods);

    private final List<PaymentMethod> methods;
    private final Map<String, PaymentMethod> byId;
    /** Each registered method's ancestors, parent first: read on the resolver's hot path, so computed once. */
    private final Map<String, List<PaymentMethod>> ancestors;

    private PaymentMethodRegistry(List<PaymentMethod> methods) {
        this.methods = List.copyOf(methods);
        Map<String, PaymentMethod> index = new HashMap<>();
        for (PaymentMethod m : methods) {
            index.put(m.id(), m);
        }
        this.byId = Collections.unmodifiableMap(index);
        Map<String, List<PaymentMethod>> lineages = new HashMap<>();
        for (PaymentMethod m : methods) {
            lineages.put(m.id(), List.copyOf(lineage(m, index)));
        }
        this.ancestors = Collections.unmodifiableMap(lineages);
    }

    /** @throws ConfigurationException naming the method whose parent is unknown, of another wallet, or cyclic */
    private static List<PaymentMethod> lineage(PaymentMethod method, Map<String, PaymentMethod> index) {
        List<PaymentMethod> out = new ArrayList<>();
        List<String> path = new ArrayList<>(List.of(method.id()));
        PaymentMethod child = method;
        while (child.parentId().isPresent()) {
            String parentId = child.parentId().get();
            PaymentMethod parent = index.get(parentId);
            if (parent == null) {
                throw new ConfigurationException("methods", "payment method \"" + child.id() + "\" declares the parent \""
                        + parentId + "\", which is not registered; register it first or remove the parent");
            }
            if (parent.wallet() != child.wallet()) {
                throw new ConfigurationException("methods", "payment method \"" + child.id() + "\" (" + child.wallet()
                        + ") declares the parent \"" + parentId + "\" of another wallet (" + parent.wallet() + ")");
            }
            path.add(parentId);
            if (parent.equals(method) || out.contains(parent)) {
                throw new ConfigurationException("methods", "payment method \"" + method.id()
                        + "\" is its own ancestor: " + String.join(" -> ", path));
            }
            out.add(parent);
            child = parent;
        }
        return out;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this registry's methods, to add more */
    public Builder toBuilder() {
        Builder b = new Builder();
        methods.forEach(b::add);
        return b;
    }

    /** @return every method, in registration order */
    public List<PaymentMethod> all() {
        return methods;
    }

    /** @return the method with this id, if registered */
    public Optional<PaymentMethod> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * @param id the method id
     * @param field the name of the input the id came from, for the error message
     * @return the method
     * @throws InvalidInputException with {@link ErrorCode#UNKNOWN_PAYMENT_METHOD} if unknown
     */
    public PaymentMethod require(String id, String field) {
        PaymentMethod m = byId.get(id);
        if (m == null) {
            throw new InvalidInputException(ErrorCode.UNKNOWN_PAYMENT_METHOD, field,
                    "unknown payment method \"" + id + "\"; known: " + byId.keySet().stream().sorted().toList());
        }
        return m;
    }

    /** @return whether the method is registered (by id and identity of definition) */
    public boolean contains(PaymentMethod method) {
        return byId.get(method.id()) != null;
    }

    /** @return the registered parent of the method, whose requirements it inherits, if it declares one */
    public Optional<PaymentMethod> parentOf(PaymentMethod method) {
        List<PaymentMethod> line = ancestorsOf(method);
        return line.isEmpty() ? Optional.empty() : Optional.of(line.get(0));
    }

    /**
     * @param method a method registered here, or one whose ancestors are
     * @return its parent, the parent's parent and so on, nearest first; empty for a method without a
     *     parent (no allocation for a registered method)
     * @throws InvalidInputException with {@link ErrorCode#UNKNOWN_PAYMENT_METHOD} if an ancestor is
     *     not registered
     */
    public List<PaymentMethod> ancestorsOf(PaymentMethod method) {
        List<PaymentMethod> line = ancestors.get(method.id());
        if (line != null && byId.get(method.id()) == method) {
            return line;
        }
        if (method.parentId().isEmpty()) {
            return List.of();
        }
        PaymentMethod parent = require(method.parentId().get(), "parentId of " + method.id());
        List<PaymentMethod> out = new ArrayList<>();
        out.add(parent);
        out.addAll(ancestorsOf(parent));
        return List.copyOf(out);
    }

    /**
     * The wallet's method for a payment code paid with consumer credit: what a payment the wallet
     * reports as credit-funded is priced as.
     *
     * @param wallet the wallet
     * @param installmentPeriods 0 for credit paid at once, else the number of installments
     * @return the first registered {@link EntryMode#BUYER_CODE} credit method of the wallet with those
     *     installments (e.g. {@code alipay.huabei} for 0, {@code alipay.huabei.installment.6} for 6),
     *     or empty when the wallet has none
     */
    public Optional<PaymentMethod> creditMethodOf(Wallet wallet, int installmentPeriods) {
        return creditMethodOf(wallet, EntryMode.BUYER_CODE, installmentPeriods);
    }

    /**
     * @param wallet the wallet
     * @param entryMode how the buyer presents payment
     * @param installmentPeriods 0 for credit paid at once, else the number of installments
     * @return the first registered credit method of the wallet, entered that way, with those
     *     installments, or empty when there is none
     */
    public Optional<PaymentMethod> creditMethodOf(Wallet wallet, EntryMode entryMode, int installmentPeriods) {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(entryMode, "entryMode");
        for (PaymentMethod m : methods) {
            if (m.wallet() == wallet && m.entryMode() == entryMode && m.isCredit()
                    && m.installmentPeriods() == installmentPeriods) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * @param wallet the wallet
     * @return the first registered {@link EntryMode#BUYER_CODE} method of the wallet that is neither
     *     credit nor installments: what a scanned payment code of the wallet pays with by default
     *     ({@code alipay}, {@code wechat}, {@code unionpay.qr}, {@code ecny}), or empty
     */
    public Optional<PaymentMethod> plainMethodOf(Wallet wallet) {
        Objects.requireNonNull(wallet, "wallet");
        for (PaymentMethod m : methods) {
            if (m.wallet() == wallet && m.entryMode() == EntryMode.BUYER_CODE && !m.isCredit()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * @param wallet the wallet
     * @param entryMode how the buyer presents payment
     * @return the wallet's installment methods entered that way, fewest periods first: the plans it
     *     offers; empty when it offers none
     */
    public List<PaymentMethod> installmentMethodsOf(Wallet wallet, EntryMode entryMode) {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(entryMode, "entryMode");
        List<PaymentMethod> out = new ArrayList<>();
        for (PaymentMethod m : methods) {
            if (m.wallet() == wallet && m.entryMode() == entryMode && m.isInstallment()) {
                out.add(m);
            }
        }
        out.sort(BY_PERIODS);
        return List.copyOf(out);
    }

    /**
     * Collects methods; ids must be unique, and {@link #build()} checks that every declared parent is
     * registered, of the same wallet, and that parents form no cycle. Not thread-safe.
     */
    public static final class Builder {
        private final LinkedHashMap<String, PaymentMethod> methods = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param method a method whose id is not yet registered
         * @return this builder
         */
        public Builder add(PaymentMethod method) {
            Objects.requireNonNull(method, "method");
            if (methods.putIfAbsent(method.id(), method) != null) {
                throw new ConfigurationException("methods", "payment method id \"" + method.id()
                        + "\" is registered twice");
            }
            return this;
        }

        /**
         * @return the registry
         * @throws ConfigurationException naming the method whose parent is unknown, of another wallet,
         *     or its own ancestor
         */
        public PaymentMethodRegistry build() {
            return new PaymentMethodRegistry(new ArrayList<>(methods.values()));
        }
    }
}
