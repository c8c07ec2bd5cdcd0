package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * A promotion that waives the processing fee on the first part of each month's volume, e.g. "the
 * first 10,000.00 yuan a month by Alipay are free".
 *
 * <p>Quotes stay pure functions: the waiver does not count anything itself. The caller passes the
 * month-to-date volume (see {@link QuoteRequest#monthToDateVolume()}) and the quote waives the
 * percentage fee on the part of the payment that still fits in the allowance. A payment entirely
 * within the allowance pays no processing fee at all (no fixed fee, no minimum); a payment that
 * crosses the end of the allowance pays the percentage on the part beyond it, plus the fixed fee,
 * within the minimum and cap. Settlement surcharges and installment fees are never waived.
 * Immutable.
 *
 * @param monthlyVolume the allowance per business month (UTC+8), more than zero
 */
public record PromotionalWaiver(Money monthlyVolume) {
    /** Validates. */
    public PromotionalWaiver {
        Objects.requireNonNull(monthlyVolume, "monthlyVolume");
        if (monthlyVolume.isZero()) {
            throw new InvalidInputException("monthlyVolume", "a waiver of 0.00 a month waives nothing; leave it out");
        }
    }

    /**
     * @param amountFen the payment amount
     * @param monthToDateFen the volume already taken this month before this payment
     * @return the part of the payment within the remaining allowance, in fen
     */
    long waivedFen(long amountFen, long monthToDateFen) {
        long remaining = Math.max(0, monthlyVolume.fen() - monthToDateFen);
        return Math.min(remaining, amountFen);
    }
}
