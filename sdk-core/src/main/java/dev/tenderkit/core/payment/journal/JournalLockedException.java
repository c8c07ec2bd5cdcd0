package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.nio.file.Path;

/**
 * The journal is already open, by another process or by another journal object in this one. Two
 * writers on one journal would interleave records and break the one-order-one-charge guarantee,
 * so the second open is refused.
 */
public final class JournalLockedException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    /** @param lockFile the lock file that is held */
    public JournalLockedException(Path lockFile) {
        super(ErrorCode.JOURNAL_LOCKED, "journal lock " + lockFile + " is held by another process or another open "
                + "journal in this process; close the other one first (one journal per terminal process)");
    }
}
