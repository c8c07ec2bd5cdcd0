package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.fee.QuoteRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A business day (UTC+8, the wallets' zone) and the margin around its midnights within which the wallet may date
 * a trade into the neighbouring day.
 */
final class DayWindow {
    /** Where a time falls, seen from the day. */
    enum Zone {
        /** Before the day: the previous day's, unless carried over from it. */
        BEFORE,
        /** Inside the day, away from its end. */
        DAY,
        /** Inside the day, within the margin of its end: the wallet may have dated it into the next day. */
        END,
        /** After the day: the next day's. */
        AFTER
    }

    final LocalDate day;
    final Instant start;
    final Instant end;
    final Duration margin;

    DayWindow(LocalDate day, Duration margin) {
        this.day = day;
        this.start = day.atStartOfDay(QuoteRequest.BUSINESS_ZONE).toInstant();
        this.end = day.plusDays(1).atStartOfDay(QuoteRequest.BUSINESS_ZONE).toInstant();
        this.margin = margin;
    }

    Zone zoneOf(Instant at) {
        if (at.isBefore(start)) {
            return Zone.BEFORE;
        }
        if (!at.isBefore(end)) {
            return Zone.AFTER;
        }
        return at.isBefore(end.minus(margin)) ? Zone.DAY : Zone.END;
    }

    /** @return from when the store's trades may belong to the day: a margin before it, and a payment's longest wait */
    Instant createdFrom() {
        return start.minus(margin).minus(LONGEST_PAYMENT);
    }

    /** @return until when (exclusive) the store's trades may belong to the day */
    Instant createdUntil() {
        return end.plus(margin);
    }

    /** The longest a payment takes from its intent to its confirmation: the wallets revoke at about a minute. */
    static final Duration LONGEST_PAYMENT = Duration.ofMinutes(15);
}
