package dev.tenderkit.core.fee;

import dev.tenderkit.core.method.PaymentMethod;
import java.time.LocalDate;

/**
 * What a fee schedule says about one payment on one channel: either a {@link FeeQuote} (what it
 * costs) or {@link NotPriced} (why the schedule cannot say).
 */
public sealed interface QuoteOutcome permits FeeQuote, NotPriced {
    /** @return the channel asked about */
    String channelId();

    /** @return the method of the payment */
    PaymentMethod method();

    /** @return the business day (UTC+8) the payment was priced for */
    LocalDate businessDate();
}
