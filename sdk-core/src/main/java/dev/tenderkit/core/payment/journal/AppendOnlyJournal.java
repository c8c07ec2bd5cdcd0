package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.StoreDamage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of length-prefixed, CRC-32C-checked records: the durable memory of the
 * payment engine. See {@link RecordFormat} for the layout, and the package documentation for which
 * of the engine's records are durable before their save returns, and why that is safe.
 *
 * <ul>
 *   <li><b>Durable appends, with group commit.</b> {@link #append} returns once its record is
 *       durable (with {@link JournalOptions#syncOnAppend()}); {@link #appendLazily} once it is
 *       written (it survives the process's death, not a power cut), and it becomes durable with the
 *       next durable append, {@link #flush()}, compaction or {@link #close()}, the file being forced
 *       whole. Concurrent durable appends share forces ({@code GroupCommit}): one force runs at a
 *       time and covers every record written before it began.</li>
 *   <li><b>High-water mark.</b> {@code <journal>.anchor} keeps a lower bound of the committed
 *       length: a journal found shorter than it (truncated anywhere, emptied) has lost committed
 *       records, which is damage, never a fresh start. It is not rewritten per append: the append
 *       that finds it 64 KiB or more behind the <em>durable</em> length raises
 *       it to that length (a plain write); open, compaction, repair, a run prefix and close write it
 *       forced, close to the whole journal. A journal without one (older versions) gets one.</li>
 *   <li><b>Torn tail, damage, salvage mode</b>: see {@link JournalScanner} and the package
 *       documentation. Appends still work in salvage mode, after the damaged bytes; compaction is
 *       refused.</li>
 *   <li><b>One writer.</b> An exclusive lock on {@code <journal>.lock}: {@link JournalLockedException}.</li>
 *   <li><b>Compaction.</b> {@link #compact(List)} writes the given records to a temporary file,
 *       forces it, lowers the anchor to its length and renames it atomically over the journal.</li>
 *   <li><b>Fail-stop.</b> After a failed write or force the journal refuses every write until it is
 *       reopened. A failed force fails every caller waiting for it and is not retried (see
 *       {@code GroupCommit}: the kernel may have dropped the pages), so nothing is taken for
 *       durable that may not be.</li>
 * </ul>
 *
 * What the anchor cannot see: a journal and anchor both replaced or rolled back together (a restored
 * backup), or a truncation of the records past the mark — while the journal is open, less than
 * 64 KiB of durable records and the lazy ones not yet durable. Recovery queries
 * every unfinished trade and searches the wallets for lost numbers ({@code PaymentEngine#recover()}).
 *
 * Reading the journal back at open is {@code JournalOpening}'s; the files beside it and the forced
 * writes are {@code JournalFiles}'. Thread-safe: writes and rewrites are serialised; waiting for a
 * force is not.
 */
public final class AppendOnlyJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyJournal.class);
    /** How far the anchor may fall behind the durable length before an append raises it. */
    static final int ANCHOR_STEP = 64 * 1024;

    private final Path file;
    private final JournalOptions options;
    private final FileLock lock;
    private final JournalOpening opened;
    private final JournalAnchor anchor;
    private final GroupCommit commit;
    private volatile FileChannel channel;
    private long size;
    private volatile List<StoreDamage> damage;
    private TenderKitException failure;
    private boolean closed;

    private AppendOnlyJournal(Path file, JournalOptions options, FileLock lock, DeviceSync sync) throws IOException {
        this.file = file;
        this.options = options;
        this.lock = lock;
        this.opened = JournalOpening.read(file, options);
        this.channel = opened.channel();
        this.size = opened.size();
        this.anchor = opened.anchor();
        this.damage = opened.damage();
        this.commit = new GroupCommit(() -> sync.force(channel), options.syncOnAppend(), size);
    }

    /**
     * Opens (creating if absent) a journal, takes its lock, and reads it back. A damaged journal
     * opens in salvage mode (see the class documentation) rather than failing.
     *
     * @param file the journal file; its directory must exist
     * @param options behaviour
     * @return the open journal
     * @throws JournalLockedException if another holder has it open
     * @throws JournalCorruptedException if the file is not a journal (and no anchor says it is one)
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the file cannot be read or written
     */
    public static AppendOnlyJournal open(Path file, JournalOptions options) {
        return open(file, options, DeviceSync.FORCE);
    }

    /** As {@link #open(Path, JournalOptions)}, forcing the file with {@code sync} (tests count or fail forces). */
    static AppendOnlyJournal open(Path file, JournalOptions options, DeviceSync sync) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Path lockFile = JournalFiles.lockFile(file);
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = JournalFiles.lockExclusively(lockChannel, lockFile);
            return new AppendOnlyJournal(file.toAbsolutePath(), options, lock, Objects.requireNonNull(sync, "sync"));
        } catch (IOException e) {
            JournalFiles.closeQuietly(lockChannel, null);
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "cannot open journal " + file + ": " + e, e);
        } catch (RuntimeException e) {
            JournalFiles.closeQuietly(lockChannel, e);
            throw e;
        }
    }

    /**
     * @param journal a journal file
     * @return the file beside it that holds its durable high-water mark and run prefixes
     */
    public static Path anchorFile(Path journal) {
        return JournalAnchor.fileFor(journal);
    }

    /** @return what opening found */
    public JournalOpenReport openReport() {
        return opened.report();
    }

    /** @return the valid records found when the journal was opened, in file order */
    public List<JournalRecord> recordsAtOpen() {
        return opened.records();
    }

    /** @return the journal file */
    public Path file() {
        return file;
    }

    /** @return the journal's current length in bytes */
    public synchronized long size() {
        return size;
    }

    /** @return the damage found (by the open, or reported since by the store), until {@link #repair}; empty when intact */
    public List<StoreDamage> damage() {
        return damage;
    }

    /** @return whether the journal is in salvage mode */
    public boolean isDamaged() {
        return !damage.isEmpty();
    }

    /** @return the out_trade_no run prefixes noted in the anchor, oldest first */
    public synchronized List<String> numberPrefixes() {
        return anchor.state().prefixes();
    }

    /** Bytes checksummed while opening: bounded even for a crafted damaged file. */
    long crcBytesAtOpen() {
        return opened.crcBytes();
    }

    /**
     * Durably notes an out_trade_no run prefix in the anchor (the last few are kept).
     *
     * @param prefix 1-32 ASCII characters
     */
    public synchronized void reserveNumberPrefix(String prefix) {
        JournalAnchor.checkPrefix(prefix);
        ensureWritable();
        try {
            anchor.reservePrefix(prefix);
        } catch (IOException e) {
            throw fail("noting run prefix " + prefix + " in " + anchor.file(), e);
        }
    }

    /**
     * Records damage that the reader of the records found (a record that checks out but is not
     * sound): its bytes are copied to a side file and the anchor remembers it.
     *
     * @return the finding
     */
    synchronized StoreDamage reportDamage(StoreDamage.Kind kind, JournalRecord record, String problem) {
        Optional<Path> copy;
        try {
            copy = Optional.of(JournalFiles.preserve(file, "damaged", record.offset(),
                    RecordFormat.encode(record.payload()).array()));
            anchor.markDamaged(record.offset());
        } catch (IOException e) {
            throw fail("saving the damaged record at byte " + record.offset(), e);
        }
        StoreDamage d = new StoreDamage(kind, file, record.offset(), RecordFormat.OVERHEAD + record.payload().length,
                problem, copy);
        List<StoreDamage> all = new ArrayList<>(damage);
        all.add(d);
        damage = List.copyOf(all);
        LOG.error("journal {} is DAMAGED, opened in salvage mode (nothing was cut off): {}", file, d.describe());
        return d;
    }

    /**
     * Appends a record and, with {@link JournalOptions#syncOnAppend()}, returns once it is durable:
     * it shares a force of the file with the appends written at the same time (group commit), and
     * that force also makes every earlier lazy append durable.
     *
     * @param payload the record's bytes
     * @return the record's offset
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the write or the force fails;
     *     the journal then refuses further appends until reopened
     */
    public long append(byte[] payload) {
        Written w = write(payload);
        awaitDurable(w.ticket());
        return w.offset();
    }

    /**
     * Appends a record without waiting for it to be durable: written to the file (it survives the
     * process's death, not a power cut), durable with the next durable {@link #append},
     * {@link #flush()}, compaction or {@link #close()}; a later record durable means this one is.
     *
     * @param payload the record's bytes
     * @return the record's offset
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the write fails, or the journal
     *     failed earlier
     */
    public long appendLazily(byte[] payload) {
        return write(payload).offset();
    }

    /**
     * Makes every record appended so far durable (one force, shared with any running).
     *
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the force fails or failed before
     */
    public void flush() {
        awaitDurable(commit.lastTicket());
    }

    /** @return the journal's length known to be on the device: records past it may be lost in a power cut */
    public long durableSize() {
        return commit.durableLength();
    }

    /** @return how many times the journal file was forced for appends since it was opened (one per group commit) */
    public long forces() {
        return commit.forces();
    }

    /**
     * Writes a record at the end of the file, in order, without waiting for a force.
     *
     * @return the record's offset and its ticket for {@link #awaitDurable}
     */
    synchronized Written write(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > options.maxRecordBytes()) {
            throw new InvalidInputException("payload", payload.length + " bytes exceed the journal's limit of "
                    + options.maxRecordBytes());
        }
        ensureWritable();
        long offset = size;
        long next = offset + RecordFormat.OVERHEAD + payload.length;
        try {
            JournalFiles.writeFully(channel, RecordFormat.encode(payload), offset);
            long durable = commit.durableLength();
            if (durable - anchor.state().committed() >= ANCHOR_STEP) {
                anchor.raise(durable, false);   // never past the durable length: the mark stays a lower bound
            }
        } catch (IOException e) {
            throw fail("append at offset " + offset, e);
        }
        size = next;
        return new Written(offset, commit.wrote(next));
    }

    /** A record written: where it starts, and the ticket that says when it is durable. */
    record Written(long offset, long ticket) { }

    /** Returns once the bytes of {@code ticket} are durable, forcing the file unless a running force covers them. */
    void awaitDurable(long ticket) {
        try {
            commit.await(ticket);
        } catch (IOException e) {
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "journal " + file + ": " + e.getMessage()
                    + "; the journal refuses writes until it is reopened", e);
        }
    }

    /**
     * Replaces the journal's content with the given records, atomically: after a crash at any
     * point the journal holds either the old content or the new, never a mixture.
     *
     * @param payloads the records to keep, in order
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED} in salvage mode: compaction
     *     would drop the damaged bytes, which must stay until a person repairs the journal
     */
    public synchronized void compact(List<byte[]> payloads) {
        if (isDamaged()) {
            throw new TenderKitException(ErrorCode.JOURNAL_DAMAGED, "journal " + file + " is damaged ("
                    + damage.get(0).describe() + "); it is not compacted until a person repairs it");
        }
        rewrite(payloads, "compaction");
        LOG.info("journal {} compacted to {} records, {} bytes", file, payloads.size(), size);
    }

    /** The repair: rewrites to these records (as a compaction), resets the anchor, forgets the damage; side files stay. */
    synchronized void repair(List<byte[]> payloads) {
        rewrite(payloads, "repair");
        try {
            anchor.repaired(size);
        } catch (IOException e) {
            throw fail("resetting the anchor after the repair", e);
        }
        damage = List.of();
    }

    private void rewrite(List<byte[]> payloads, String what) {
        ensureWritable();
        try {
            commit.rewrite(() -> replaceFile(payloads, what));
        } catch (IOException e) {
            throw fail(what, e);
        }
    }

    /** Holding the monitor, no force running: writes the new file, forces it, renames it over the journal. */
    private long replaceFile(List<byte[]> payloads, String what) throws IOException {
        long length = JournalFiles.writeCompacted(file, payloads);
        anchor.set(length);   // lowered (forced) before the rename: the mark is a lower bound throughout
        JournalFiles.installCompacted(file, what);
        channel.close();
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        size = channel.size();
        return size;
    }

    private void ensureWritable() {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        Exception earlier = failure != null ? failure : commit.failure();
        if (earlier != null) {
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "journal " + file + " failed earlier (" + earlier
                    + ") and refuses writes until it is reopened (reopening repairs a torn tail)", earlier);
        }
    }

    private TenderKitException fail(String what, IOException e) {
        failure = new TenderKitException(ErrorCode.JOURNAL_IO, "journal " + file + ": " + what + " failed: " + e, e);
        commit.fail(e);   // whoever waits for a force hears it too
        LOG.error("journal {}: {} failed; refusing further writes until reopened", file, what, e);
        return failure;
    }

    /**
     * Makes every record durable (unless a force failed before), raises the anchor to the whole
     * journal (forced), releases the lock and closes the file.
     *
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the last force fails, or one
     *     failed before: records may not be durable, and this says so (the lock is released anyway)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        TenderKitException unflushed = null;
        if (failure == null && commit.failure() == null) {
            try {
                flush();
                anchor.raise(commit.durableLength(), true);   // forced: the next open knows the whole journal
            } catch (IOException e) {
                unflushed = fail("raising the anchor at close", e);
            } catch (TenderKitException e) {
                unflushed = e;
            }
        } else if (!commit.allDurable()) {   // after a failure nothing is forced again: say what may be lost
            unflushed = new TenderKitException(ErrorCode.JOURNAL_IO, "journal " + file + " closed after a failure: "
                    + "records written past byte " + commit.durableLength() + " may not be durable", commit.failure());
        }
        closed = true;
        IOException first = JournalFiles.closeAll(channel, anchor, lock, lock.channel());
        if (unflushed != null) {
            throw unflushed;
        }
        if (first != null) {
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "closing journal " + file + " failed: " + first, first);
        }
    }
}
