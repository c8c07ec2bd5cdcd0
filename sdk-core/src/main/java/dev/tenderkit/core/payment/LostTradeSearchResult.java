package dev.tenderkit.core.payment;

import java.util.List;
import java.util.Objects;

/**
 * What recovery's search for lost trades found in one earlier run: the wallets were asked about
 * the out_trade_no values after the highest one the store knows for the run, one by one, until
 * several in a row were not found. A trade found there (paid, awaiting the buyer, or without a
 * verified answer) was missing from the store: it is adopted as a trade flagged for attention,
 * under the order id {@code LOST-<outTradeNo>}.
 *
 * @param prefix the run's out_trade_no prefix
 * @param afterSequence the highest sequence the store knew for the run (0: none); the search began after it
 * @param numbersQueried how many numbers were asked about
 * @param adopted the trades adopted, as first recorded
 * @param complete whether the search ended as it should (enough consecutive "not found" answers)
 * @param note why it is incomplete, or empty
 */
public record LostTradeSearchResult(String prefix, long afterSequence, int numbersQueried, List<TradeRecord> adopted,
        boolean complete, String note) {
    /** Copies and validates. */
    public LostTradeSearchResult {
        Objects.requireNonNull(prefix, "prefix");
        adopted = List.copyOf(adopted);
        Objects.requireNonNull(note, "note");
    }
}
