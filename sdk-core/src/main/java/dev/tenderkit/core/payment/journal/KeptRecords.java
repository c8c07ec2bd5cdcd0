package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a rewrite of the journal keeps, as the records to write in order: each kept trade's latest
 * record followed by its refunds, in the order the trades first appeared, then the refunds of
 * trades the journal does not hold (never dropped: they are evidence). Compaction keeps by
 * retention ({@link #retained}); the repair keeps everything ({@link #everything}).
 *
 * @param payloads the encoded records to write, in order
 * @param dropped the out_trade_no of each trade left out
 */
record KeptRecords(List<byte[]> payloads, List<String> dropped) {

    /**
     * The compaction rule: every unfinished or flagged trade, every trade with an unfinished refund,
     * and every trade updated at or after {@code keepSince}, each with all its refunds.
     */
    static KeptRecords retained(TradeIndex index, JournalCodec codec, Instant keepSince) {
        List<byte[]> keep = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (TradeRecord t : index.trades()) {
            if (isOpen(t, index.refundsAsIndexed(t.outTradeNo())) || !t.updatedAt().isBefore(keepSince)) {
                keep.add(codec.encode(t));
                index.refunds(t.outTradeNo()).forEach(r -> keep.add(codec.encode(r)));
            } else {
                dropped.add(t.outTradeNo());
            }
        }
        index.refundsOfUnknownTrades().forEach(r -> keep.add(codec.encode(r)));
        return new KeptRecords(keep, dropped);
    }

    /** Unfinished, flagged, or with an unfinished refund (a loop: this runs for every trade held). */
    private static boolean isOpen(TradeRecord t, Collection<RefundRecord> refunds) {
        if (!t.state().isFinal() || t.needsAttention()) {
            return true;
        }
        for (RefundRecord r : refunds) {
            if (!r.state().isFinal()) {
                return true;
            }
        }
        return false;
    }

    /** The repair rule: every record the index holds. */
    static KeptRecords everything(TradeIndex index, JournalCodec codec) {
        List<byte[]> keep = new ArrayList<>();
        for (TradeRecord t : index.trades()) {
            keep.add(codec.encode(t));
            index.refundsAsIndexed(t.outTradeNo()).forEach(r -> keep.add(codec.encode(r)));
        }
        index.refundsOfUnknownTrades().forEach(r -> keep.add(codec.encode(r)));
        return new KeptRecords(keep, List.of());
    }
}
