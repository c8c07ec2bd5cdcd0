package dev.tenderkit.core.payment.spi;

import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.time.Duration;
import java.util.Objects;

/**
 * A QR payment to create: the gateway returns a code the terminal shows for the buyer to scan.
 *
 * @param trade the trade number and channel
 * @param amount the amount to charge
 * @param subject what is sold
 * @param method the method requested
 * @param validity how long the QR code may be paid
 * @param creditAllowed whether the buyer may pay with consumer credit
 */
public record PrecreateRequest(TradeRef trade, Money amount, String subject, PaymentMethod method, Duration validity,
        boolean creditAllowed) {
    /** Validates. */
    public PrecreateRequest {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(validity, "validity");
    }
}
