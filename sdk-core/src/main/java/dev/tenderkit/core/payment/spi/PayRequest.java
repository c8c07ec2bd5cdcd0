package dev.tenderkit.core.payment.spi;

import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentCode;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * A barcode payment as sent to a gateway. {@link #toString()} masks the payment code.
 *
 * @param trade the trade number and channel
 * @param amount the amount to charge
 * @param paymentCode the buyer's scanned payment code (never log {@link PaymentCode#value()})
 * @param subject what is sold, shown to the buyer
 * @param method the method requested (e.g. Huabei in 6 installments)
 * @param installments the installment plan, if any
 * @param creditAllowed whether the buyer may pay with consumer credit; false when the merchant may
 *     not take it, so the gateway is told to exclude it
 */
public record PayRequest(TradeRef trade, Money amount, PaymentCode paymentCode, String subject, PaymentMethod method,
        Optional<InstallmentPlan> installments, boolean creditAllowed) {
    /** Validates. */
    public PayRequest {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentCode, "paymentCode");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(installments, "installments");
    }

    @Override
    public String toString() {
        return "PayRequest[" + trade.outTradeNo() + " " + amount + " " + paymentCode + " via " + trade.channelId()
                + " " + method.id() + installments.map(p -> " " + p).orElse("") + "]";
    }
}
