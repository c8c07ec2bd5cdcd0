package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.StoreDamage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of length-prefixed, CRC-32C-checked records: the durable memory of the
 * payment engine. See {@link RecordFormat} for the layout.
 *
 * <ul>
 *   <li><b>Durable appends.</b> With {@link JournalOptions#syncOnAppend()} each append is forced to
 *       the device before it returns.</li>
 *   <li><b>High-water mark.</b> A small file apart from the journal, {@code <journal>.anchor}, keeps
 *       a lower bound of the committed length, raised after each append: a journal found shorter
 *       than it (truncated at a record boundary or not, or emptied) has lost committed records, which
 *       is damage, never a fresh start. A missing anchor beside an existing journal is created from
 *       it (journals written before the anchor existed open unchanged).</li>
 *   <li><b>Torn tail.</b> On open, a last record cut short by a crash (see {@link JournalScanner}
 *       for exactly what counts) is cut off after its bytes are copied to a side file
 *       ({@code <journal>.torn-<offset>}), and the {@link #openReport()} says so.</li>
 *   <li><b>Damage.</b> A record that was complete but fails its checksum, an impossible length, a
 *       bad header, or a journal shorter than its anchor is damage: it is never cut off. The journal
 *       opens in <em>salvage mode</em> with every record it could read (it resynchronises past a
 *       damaged record at the next valid one), the damaged bytes are copied to side files
 *       ({@code <journal>.damaged-<offset>}), {@link #damage()} lists them, and the anchor remembers
 *       the damage until {@link #repair} so that later opens still report it. Appends still work in
 *       salvage mode (recovery must journal what it settles) and go after the damaged bytes, which
 *       stay in the file; compaction is refused.</li>
 *   <li><b>One writer.</b> An exclusive lock on {@code <journal>.lock} keeps a second process (or a
 *       second journal object in this process) out: {@link JournalLockedException}.</li>
 *   <li><b>Compaction.</b> {@link #compact(List)} rewrites the journal to the given records in a
 *       temporary file, forces it, lowers the anchor to the new length, and atomically renames it
 *       over the journal.</li>
 *   <li><b>Fail-stop.</b> After a failed write the journal refuses further appends until it is
 *       reopened (reopening repairs a torn tail), so no one writes after bytes of unknown state.</li>
 * </ul>
 *
 * What the anchor cannot see: a journal and anchor both replaced or rolled back together (a restored
 * backup of both), or a truncation of records whose anchor raise never reached the disk before a
 * power cut (the mark is a lower bound). Recovery's search of the wallets for lost numbers covers
 * some of that ({@code PaymentEngine#recover()}).
 *
 * Reading the journal back at open (scan, side files, torn tail, anchor) is {@code JournalOpening}'s;
 * the files beside the journal and the forced writes are {@code JournalFiles}'. This class owns the
 * open journal: appends, rewrites and the fail-stop rule.
 *
 * Thread-safe: appends and compaction are serialised.
 */
public final class AppendOnlyJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyJournal.class);

    private final Path file;
    private final JournalOptions options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JournalOpenReport openReport;
    private final List<JournalRecord> recordsAtOpen;
    private final long crcBytesAtOpen;
    private final JournalAnchor anchor;
    private FileChannel channel;
    private long size;
    private volatile List<StoreDamage> damage;
    private TenderKitException failure;
    private boolean closed;

    private AppendOnlyJournal(Path file, JournalOptions options, FileChannel lockChannel, FileLock lock)
            throws IOException {
        this.file = file;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        JournalOpening opened = JournalOpening.read(file, options);
        this.channel = opened.channel();
        this.size = opened.size();
        this.anchor = opened.anchor();
        this.damage = opened.damage();
        this.recordsAtOpen = opened.records();
        this.openReport = opened.report();
        this.crcBytesAtOpen = opened.crcBytes();
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
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Path lockFile = JournalFiles.lockFile(file);
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new JournalLockedException(lockFile);
            }
            return new AppendOnlyJournal(file.toAbsolutePath(), options, lockChannel, lock);
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
        return openReport;
    }

    /** @return the valid records found when the journal was opened, in file order */
    public List<JournalRecord> recordsAtOpen() {
        return recordsAtOpen;
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
        return crcBytesAtOpen;
    }

    /**
     * Durably notes an out_trade_no run prefix in the anchor (the last few are kept).
     *
     * @param prefix 1-32 ASCII characters
     */
    public synchronized void reserveNumberPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.length() > JournalAnchor.MAX_PREFIX_LENGTH
                || !prefix.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException("prefix", "must be 1-" + JournalAnchor.MAX_PREFIX_LENGTH
                    + " printable ASCII characters, got \"" + prefix + "\"");
        }
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
     * Appends a record and, with {@link JournalOptions#syncOnAppend()}, forces it to the device
     * before returning; then raises the anchor's mark.
     *
     * @param payload the record's bytes
     * @return the record's offset
     * @throws TenderKitException with {@link ErrorCode#JOURNAL_IO} if the write fails; the journal
     *     then refuses further appends until reopened
     */
    public synchronized long append(byte[] payload) {
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
            if (options.syncOnAppend()) {
                channel.force(false);
            }
            anchor.raise(next);
        } catch (IOException e) {
            throw fail("append at offset " + offset, e);
        }
        size = next;
        return offset;
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

    /**
     * The repair step: rewrites a damaged journal to the given records (atomically, as a
     * compaction), resets the anchor to the new length and forgets the damage. The side files stay.
     */
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
        Path tmp = JournalFiles.compactionFile(file);
        try {
            long length;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                length = JournalFiles.writeFully(out, RecordFormat.header(), 0);
                for (byte[] p : payloads) {
                    length += JournalFiles.writeFully(out, RecordFormat.encode(p), length);
                }
                out.force(true);
            }
            anchor.set(length);   // lowered (forced) before the rename: the mark is a lower bound throughout
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename atomically; " + what + " needs it", e);
            }
            JournalFiles.syncDirectory(file);
            channel.close();
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            size = channel.size();
        } catch (IOException e) {
            throw fail(what, e);
        }
    }

    private void ensureWritable() {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        if (failure != null) {
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "journal " + file + " failed earlier and refuses "
                    + "writes until it is reopened (reopening repairs a torn tail)", failure);
        }
    }

    private TenderKitException fail(String what, IOException e) {
        failure = new TenderKitException(ErrorCode.JOURNAL_IO, "journal " + file + ": " + what + " failed: " + e, e);
        LOG.error("journal {}: {} failed; refusing further writes until reopened", file, what, e);
        return failure;
    }

    /** Releases the lock and closes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (AutoCloseable c : new AutoCloseable[] {channel, anchor, lock, lockChannel}) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof IOException io ? io : new IOException(e);
                }
            }
        }
        if (first != null) {
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "closing journal " + file + " failed: " + first, first);
        }
    }
}
