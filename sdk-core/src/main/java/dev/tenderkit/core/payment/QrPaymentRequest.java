package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cashier asks for when the terminal shows a QR code for the buyer to scan.
 *
 * @param orderId the POS's own order id: one order id has one trade
 * @param amount the amount to charge
 * @param subject what is sold
 * @param method the wallet method the code is for, e.g. {@code PaymentMethods.ALIPAY}
 * @param validity how long the code may be paid; the trade is closed after it
 * @param pinnedChannel a channel to use instead of the cheapest capable one
 */
public record QrPaymentRequest(String orderId, Money amount, String subject, PaymentMethod method, Duration validity,
        Optional<String> pinnedChannel) {

    /** Checks presence; the engine validates content. */
    public QrPaymentRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(pinnedChannel, "pinnedChannel");
    }
}
