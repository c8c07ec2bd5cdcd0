package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.nio.file.Path;

/**
 * The journal holds a damaged record that cannot be a torn tail (valid data follows it). The
 * journal is left exactly as found — nothing is truncated or discarded — so that a person can
 * inspect it; the message names the file and the byte offset.
 */
public final class JournalCorruptedException extends TenderKitException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    /**
     * @param file the journal file
     * @param offset byte offset of the damaged record
     * @param problem what is wrong with it
     */
    public JournalCorruptedException(Path file, long offset, String problem) {
        super(ErrorCode.JOURNAL_CORRUPT, "journal " + file + " is damaged at byte " + offset + ": " + problem
                + "; valid records follow, so this is not a torn write. The file was left untouched: restore it "
                + "from backup or have it inspected before taking payments on this journal.");
        this.file = file;
        this.offset = offset;
    }

    /** @return the journal file */
    public Path file() {
        return file;
    }

    /** @return the byte offset of the damaged record */
    public long offset() {
        return offset;
    }
}
