package dev.tenderkit.core.payment;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentCodeMask;
import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cashier asks for when the buyer shows a payment code. {@link #toString()} masks the
 * code.
 *
 * @param orderId the POS's own order id: asking again while its trade is in progress or paid returns that
 *     trade; after a failed or reversed attempt a new attempt is made (at most one of them is ever paid)
 * @param amount the amount to charge
 * @param paymentCode the scanned payment code, whole
 * @param subject what is sold, shown to the buyer (at most 128 characters)
 * @param installments an installment plan, if the buyer chose one (the wallet's credit method in that
 *     many periods; the resolver refuses a plan the wallet does not offer)
 * @param pinnedChannel a channel to use instead of the cheapest capable one
 * @param creditAllowed whether this sale may be paid with consumer credit ({@link #withoutCredit()})
 */
public record BarcodePaymentRequest(String orderId, Money amount, String paymentCode, String subject,
        Optional<InstallmentPlan> installments, Optional<String> pinnedChannel, boolean creditAllowed) {

    /** Checks presence; the engine validates content and says which field is wrong. */
    public BarcodePaymentRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentCode, "paymentCode");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(installments, "installments");
        Objects.requireNonNull(pinnedChannel, "pinnedChannel");
        if (installments.isPresent() && !creditAllowed) {
            throw new InvalidInputException("installments", "installments are consumer credit, and this sale "
                    + "allows no credit: drop the plan or allow credit");
        }
    }

    /** A request that allows consumer credit where the merchant may take it. */
    public BarcodePaymentRequest(String orderId, Money amount, String paymentCode, String subject,
            Optional<InstallmentPlan> installments, Optional<String> pinnedChannel) {
        this(orderId, amount, paymentCode, subject, installments, pinnedChannel, true);
    }

    /** @return a request paid at once through the cheapest capable channel */
    public static BarcodePaymentRequest of(String orderId, Money amount, String paymentCode, String subject) {
        return new BarcodePaymentRequest(orderId, amount, paymentCode, subject, Optional.empty(), Optional.empty());
    }

    /** @return this request with an installment plan */
    public BarcodePaymentRequest withInstallments(InstallmentPlan plan) {
        return new BarcodePaymentRequest(orderId, amount, paymentCode, subject, Optional.of(plan), pinnedChannel,
                creditAllowed);
    }

    /** @return this request pinned to a channel */
    public BarcodePaymentRequest withChannel(String channelId) {
        return new BarcodePaymentRequest(orderId, amount, paymentCode, subject, installments, Optional.of(channelId),
                creditAllowed);
    }

    /**
     * @return this request with consumer credit (Huabei, 分付, credit cards behind the wallet) switched
     *     off for this sale only: the wallet is told to refuse credit funding, whatever the merchant
     *     may otherwise take
     */
    public BarcodePaymentRequest withoutCredit() {
        return new BarcodePaymentRequest(orderId, amount, paymentCode, subject, installments, pinnedChannel, false);
    }

    @Override
    public String toString() {
        return "BarcodePaymentRequest[" + orderId + " " + amount + " " + PaymentCodeMask.mask(paymentCode)
                + installments.map(p -> " " + p).orElse("") + pinnedChannel.map(c -> " via " + c).orElse("") + (creditAllowed ? "" : " no credit") + "]";
    }
}
