package dev.tenderkit.core.payment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PaymentEngine#recover()} settled and found.
 *
 * @param trades the outcome of each unfinished trade that settled normally, adopted lost ones included
 * @param refunds the outcome of each unfinished refund that settled normally
 * @param failure the first exceptional failure, if any (e.g. the journal could not be written)
 * @param integrity what the store's open found wrong with its data; while damaged, new payments are refused
 * @param searches the search for lost trades, one entry per earlier run searched
 */
public record RecoveryReport(List<TradeOutcome> trades, List<RefundOutcome> refunds, Optional<Throwable> failure,
        StoreIntegrity integrity, List<LostTradeSearchResult> searches) {
    /** Validates. */
    public RecoveryReport {
        trades = List.copyOf(trades);
        refunds = List.copyOf(refunds);
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(integrity, "integrity");
        searches = List.copyOf(searches);
    }

    /** A report on an intact store, without a search. */
    public RecoveryReport(List<TradeOutcome> trades, List<RefundOutcome> refunds, Optional<Throwable> failure) {
        this(trades, refunds, failure, StoreIntegrity.INTACT, List.of());
    }

    /** @return the trades found at a wallet but missing from the store, adopted and flagged */
    public List<TradeRecord> adopted() {
        return searches.stream().flatMap(s -> s.adopted().stream()).toList();
    }
}
