package dev.tenderkit.core.payment;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;

/**
 * Keeps money from moving on a damaged store: while {@link TransactionStore#integrity()} reports
 * damage, records of charged trades may be among what was lost, so a new payment could charge an
 * order a second time, and a refund could exceed what is left to refund. Reads, {@code recover()}
 * and the settling of trades already under way go on.
 */
final class JournalDamageGuard {
    private JournalDamageGuard() {
    }

    /**
     * @param store the engine's store
     * @param what what is being refused, for the message (e.g. "payment for order X")
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED}, naming the file(s), offset(s)
     *     and what to do, while the store is damaged
     */
    static void requireIntact(TransactionStore store, String what) {
        StoreIntegrity integrity = store.integrity();
        if (integrity.isDamaged()) {
            throw new TenderKitException(ErrorCode.JOURNAL_DAMAGED, what + " refused: the journal is damaged, so "
                    + "trades it held may be missing and this could charge twice. " + integrity.describe());
        }
    }
}
