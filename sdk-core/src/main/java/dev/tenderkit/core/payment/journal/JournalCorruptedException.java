package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.nio.file.Path;

/**
 * The journal is not one, or holds damage and the caller asked for an intact one
 * ({@link JournalTransactionStore#requireIntact()}). Nothing is truncated or discarded because of
 * it: the file is left as found so that a person can inspect it; the message names the file and the
 * byte offset.
 */
public final class JournalCorruptedException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    /**
     * @param file the journal file
     * @param offset byte offset of the damage
     * @param problem what is wrong there
     */
    public JournalCorruptedException(Path file, long offset, String problem) {
        super(ErrorCode.JOURNAL_CORRUPT, "journal " + file + " is damaged at byte " + offset + ": " + problem
                + ". The damaged bytes were not cut off: have the journal inspected (or restore it from backup) "
                + "before taking payments on it.");
        this.file = file;
        this.offset = offset;
    }

    /** @return the journal file */
    public Path file() {
        return file;
    }

    /** @return the byte offset of the damage */
    public long offset() {
        return offset;
    }
}
