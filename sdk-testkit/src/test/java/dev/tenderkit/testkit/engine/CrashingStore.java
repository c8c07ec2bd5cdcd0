package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.journal.AppendOnlyJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A store that lets the process "die" at its k-th save: the save completes (its record is on
 * disk) and then the process stops — or, with {@code beforeWrite}, the process dies as the k-th
 * save begins, so that nothing of it reaches the disk. The file offset where each record started
 * is kept, and the journal's anchor as it was before each save, so a test can also cut the last
 * record short at any byte (a torn write, which never returned and so never raised the anchor).
 * With no file (a store that is not a journal), only the crash points are kept.
 */
final class CrashingStore extends ForwardingStore {
    /** Thrown to stop the engine where the process would have died. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated power loss");
        }
    }

    private final Path file;
    private final int crashAtSave;
    private final boolean beforeWrite;
    final List<Long> recordStarts = new ArrayList<>();
    final List<byte[]> anchorsBefore = new ArrayList<>();
    boolean crashed;
    private int saves;

    CrashingStore(TransactionStore delegate, Path file, int crashAtSave) {
        this(delegate, file, crashAtSave, false);
    }

    CrashingStore(TransactionStore delegate, Path file, int crashAtSave, boolean beforeWrite) {
        super(delegate);
        this.file = file;
        this.crashAtSave = crashAtSave;
        this.beforeWrite = beforeWrite;
    }

    private void beforeSave() {
        if (crashed) {
            throw new Crash();
        }
        saves++;
        if (file != null) {   // a journal: where each record starts, for torn writes
            try {
                recordStarts.add(Files.size(file));
                anchorsBefore.add(Files.readAllBytes(AppendOnlyJournal.anchorFile(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (beforeWrite && saves == crashAtSave) {
            crashed = true;
            throw new Crash();
        }
    }

    private void afterSave() {
        if (saves == crashAtSave) {
            crashed = true;
            throw new Crash();
        }
    }

    @Override
    public void save(TradeRecord trade) {
        beforeSave();
        delegate.save(trade);
        afterSave();
    }

    @Override
    public void save(RefundRecord refund) {
        beforeSave();
        delegate.save(refund);
        afterSave();
    }
}
