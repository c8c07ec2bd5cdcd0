package dev.tenderkit.core.payment;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cashier asks for when the terminal shows a QR code for the buyer to scan.
 *
 * @param orderId the POS's own order id: asking again returns the same code while its trade is in
 *     progress; after a failed or closed attempt a new attempt (and code) is made
 * @param amount the amount to charge
 * @param subject what is sold
 * @param method the wallet method the code is for, e.g. {@code PaymentMethods.ALIPAY}
 * @param validity how long the code may be paid; the trade is closed after it
 * @param pinnedChannel a channel to use instead of the cheapest capable one
 * @param creditAllowed whether this sale may be paid with consumer credit ({@link #withoutCredit()})
 */
public record QrPaymentRequest(String orderId, Money amount, String subject, PaymentMethod method, Duration validity,
        Optional<String> pinnedChannel, boolean creditAllowed) {

    /** Checks presence; the engine validates content. */
    public QrPaymentRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(pinnedChannel, "pinnedChannel");
        if (method.isCredit() && !creditAllowed) {
            throw new InvalidInputException("method", method.id() + " is consumer credit, and this sale allows no "
                    + "credit: ask for the wallet's plain method or allow credit");
        }
    }

    /** A request that allows consumer credit where the merchant may take it. */
    public QrPaymentRequest(String orderId, Money amount, String subject, PaymentMethod method, Duration validity,
            Optional<String> pinnedChannel) {
        this(orderId, amount, subject, method, validity, pinnedChannel, true);
    }

    /** @return this request with consumer credit switched off for this sale only */
    public QrPaymentRequest withoutCredit() {
        return new QrPaymentRequest(orderId, amount, subject, method, validity, pinnedChannel, false);
    }
}
