package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.StoreDamage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds a {@link TradeIndex} from the records a journal found when it opened. What does not
 * decode, contradicts itself or the other records of its trade, or is a refund of a trade the
 * journal does not hold, is reported to the journal as damage with the offset of its record, and
 * everything that can be indexed still is (salvage).
 */
final class JournalReadBack {
    private JournalReadBack() {
    }

    /**
     * @param journal the journal, just opened
     * @param codec the record format
     * @return the index of every record read back
     */
    static TradeIndex rebuild(AppendOnlyJournal journal, JournalCodec codec) {
        TradeIndex index = new TradeIndex();
        Map<String, JournalRecord> refundRecords = new HashMap<>();
        for (JournalRecord r : journal.recordsAtOpen()) {
            JournalCodec.Decoded d;
            try {
                d = codec.decode(r.payload(), journal.file() + "@" + r.offset());
            } catch (MalformedDocumentException e) {
                journal.reportDamage(StoreDamage.Kind.UNREADABLE_RECORD, r, "the record passes its checksum but is "
                        + "not a trade or refund record: " + e.getMessage());
                continue;
            } catch (RuntimeException e) {
                journal.reportDamage(StoreDamage.Kind.INCONSISTENT_RECORD, r, "the record passes its checksum but "
                        + "contradicts itself: " + e.getMessage());
                continue;
            }
            Optional<String> problem = d.trade().isPresent() ? index.readBack(d.trade().get())
                    : index.readBack(d.refund().orElseThrow());
            d.refund().ifPresent(f -> refundRecords.putIfAbsent(refundKey(f), r));
            problem.ifPresent(p -> journal.reportDamage(StoreDamage.Kind.INCONSISTENT_RECORD, r, p));
        }
        for (RefundRecord f : index.refundsOfUnknownTrades()) {
            journal.reportDamage(StoreDamage.Kind.INCONSISTENT_RECORD, refundRecords.get(refundKey(f)), "refund "
                    + f.refundRequestNo() + " is of trade " + f.outTradeNo() + ", which the journal does "
                    + "not hold (its records are missing)");
        }
        return index;
    }

    private static String refundKey(RefundRecord r) {
        return r.outTradeNo() + "\u0000" + r.refundRequestNo();
    }
}
