package dev.tenderkit.core.payment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PaymentEngine#recover()} settled.
 *
 * @param trades the outcome of each unfinished trade that settled normally
 * @param refunds the outcome of each unfinished refund that settled normally
 * @param failure the first exceptional failure, if any (e.g. the journal could not be written)
 */
public record RecoveryReport(List<TradeOutcome> trades, List<RefundOutcome> refunds, Optional<Throwable> failure) {
    /** Validates. */
    public RecoveryReport {
        trades = List.copyOf(trades);
        refunds = List.copyOf(refunds);
        Objects.requireNonNull(failure, "failure");
    }
}
