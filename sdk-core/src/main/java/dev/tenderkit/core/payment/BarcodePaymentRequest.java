package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentCodeMask;
import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cashier asks for when the buyer shows a payment code. {@link #toString()} masks the
 * code.
 *
 * @param orderId the POS's own order id: one order id has one trade, so asking again returns it
 * @param amount the amount to charge
 * @param paymentCode the scanned payment code, whole
 * @param subject what is sold, shown to the buyer (at most 128 characters)
 * @param installments a Huabei installment plan, if the buyer chose one
 * @param pinnedChannel a channel to use instead of the cheapest capable one
 */
public record BarcodePaymentRequest(String orderId, Money amount, String paymentCode, String subject,
        Optional<InstallmentPlan> installments, Optional<String> pinnedChannel) {

    /** Checks presence; the engine validates content and says which field is wrong. */
    public BarcodePaymentRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentCode, "paymentCode");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(installments, "installments");
        Objects.requireNonNull(pinnedChannel, "pinnedChannel");
    }

    /** @return a request paid at once through the cheapest capable channel */
    public static BarcodePaymentRequest of(String orderId, Money amount, String paymentCode, String subject) {
        return new BarcodePaymentRequest(orderId, amount, paymentCode, subject, Optional.empty(), Optional.empty());
    }

    /** @return this request with an installment plan */
    public BarcodePaymentRequest withInstallments(InstallmentPlan plan) {
        return new BarcodePaymentRequest(orderId, amount, paymentCode, subject, Optional.of(plan), pinnedChannel);
    }

    /** @return this request pinned to a channel */
    public BarcodePaymentRequest withChannel(String channelId) {
        return new BarcodePaymentRequest(orderId, amount, paymentCode, subject, installments, Optional.of(channelId));
    }

    @Override
    public String toString() {
        return "BarcodePaymentRequest[" + orderId + " " + amount + " " + PaymentCodeMask.mask(paymentCode)
                + installments.map(p -> " " + p).orElse("") + pinnedChannel.map(c -> " via " + c).orElse("") + "]";
    }
}
