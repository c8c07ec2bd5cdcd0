package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;

/**
 * When a save to the {@link JournalTransactionStore} is durable: before it returns, or with the
 * next durable save. Which one a record gets follows from the record itself, so the engine's calls
 * stay as they are: a record that <em>begins</em> a trade or a refund (revision 0 — the engine's
 * intent saves: a new trade's intent, a further attempt of an order, a refund's request) must be
 * durable before any byte of its request reaches a gateway (invariant 1); every later revision (the
 * engine's progress saves: awaiting the buyer, paid, failed, reversing, reversed, refunded, problems
 * and flags) is a consequence of what the wallet said, which {@code recover()} can ask again. The
 * package documentation goes through each kind and why a lost progress record is safe.
 */
public enum SaveDurability {
    /** Forced to the device before {@code save} returns (shared with concurrent saves: group commit). */
    BEFORE_RETURN,
    /**
     * Written to the journal file before {@code save} returns (it survives the process's death) and
     * forced with the next {@link #BEFORE_RETURN} save, {@link JournalTransactionStore#flush()},
     * compaction or close, whichever comes first; a power cut before then may lose it.
     */
    WITH_NEXT_COMMIT;

    /**
     * @param trade a trade record about to be saved
     * @return {@link #BEFORE_RETURN} for a trade's first record (its intent), else {@link #WITH_NEXT_COMMIT}
     */
    public static SaveDurability of(TradeRecord trade) {
        return trade.revision() == 0 ? BEFORE_RETURN : WITH_NEXT_COMMIT;
    }

    /**
     * @param refund a refund record about to be saved
     * @return {@link #BEFORE_RETURN} for a refund's first record (its request), else {@link #WITH_NEXT_COMMIT}
     */
    public static SaveDurability of(RefundRecord refund) {
        return refund.revision() == 0 ? BEFORE_RETURN : WITH_NEXT_COMMIT;
    }
}
