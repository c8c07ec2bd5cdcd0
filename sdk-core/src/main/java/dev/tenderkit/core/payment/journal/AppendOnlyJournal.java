package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.StoreDamage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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
    private JournalAnchor anchor;
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
        Files.deleteIfExists(compactionFile(file));
        Path anchorFile = anchorFile(file);
        JournalAnchor.Read anchorRead = JournalAnchor.read(anchorFile);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            byte[] bytes = readAll();
            JournalScanner.Result scan = JournalScanner.scan(file, bytes, options.maxRecordBytes(),
                    anchorRead.state().map(JournalAnchor.State::committed).orElse(0L), anchorRead.exists());
            this.crcBytesAtOpen = scan.crcBytes();
            List<StoreDamage> found = new ArrayList<>();
            for (JournalScanner.Region r : scan.damage()) {
                Optional<Path> copy = r.length() == 0 ? Optional.empty()
                        : Optional.of(preserve("damaged", r.offset(), Arrays.copyOfRange(bytes, r.offset(),
                                r.offset() + r.length())));
                found.add(new StoreDamage(r.kind(), file, r.offset(), r.length(), r.problem(), copy));
            }
            if (anchorRead.problem().isPresent()) {
                Path copy = preserve("damaged-anchor", 0, Files.readAllBytes(anchorFile));
                found.add(new StoreDamage(StoreDamage.Kind.ANCHOR_UNREADABLE, anchorFile, 0, JournalAnchor.FILE_BYTES,
                        anchorRead.problem().get() + ": a truncation of the journal cannot be ruled out",
                        Optional.of(copy)));
            }
            if (scan.rewriteHeader()) {
                channel.truncate(0);
                writeFully(channel, RecordFormat.header(), 0);
                channel.force(true);
                syncDirectory(file);
            }
            long torn = 0;
            Optional<Path> tornCopy = Optional.empty();
            if (scan.tornAt() >= 0) {
                int pos = scan.tornAt();
                tornCopy = Optional.of(preserve("torn", pos, Arrays.copyOfRange(bytes, pos, bytes.length)));
                channel.truncate(pos);
                channel.force(true);
                torn = (long) bytes.length - pos;
                LOG.warn("journal {}: cut off a torn tail of {} bytes at offset {} (the unfinished write of a crash); "
                        + "its bytes are saved in {}", file, torn, pos, tornCopy.get());
            }
            this.size = channel.size();
            this.anchor = openAnchor(anchorFile, anchorRead, found);
            this.damage = List.copyOf(found);
            this.recordsAtOpen = List.copyOf(scan.records());
            this.openReport = new JournalOpenReport(recordsAtOpen.size(), size, torn, tornCopy, damage);
            for (StoreDamage d : damage) {
                LOG.error("journal {} is DAMAGED, opened in salvage mode (nothing was cut off): {}", file, d.describe());
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e instanceof RuntimeException r ? r : null);
            if (anchor != null) {
                anchor.close();
            }
            throw e;
        }
    }

    private byte[] readAll() throws IOException {
        long fileSize = channel.size();
        if (fileSize > Integer.MAX_VALUE - 16) {
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "journal " + file + " is " + fileSize
                    + " bytes, more than this reader handles; compaction keeps journals small — was it disabled?");
        }
        byte[] bytes = new byte[(int) fileSize];
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            if (channel.read(buf, buf.position()) < 0) {
                break;
            }
        }
        return bytes;
    }

    /** Brings the anchor up to date with what the open found (forced), creating it when missing or unreadable. */
    private JournalAnchor openAnchor(Path anchorFile, JournalAnchor.Read read, List<StoreDamage> found)
            throws IOException {
        long damageAt = found.isEmpty() ? -1 : found.get(0).offset();
        if (read.state().isEmpty()) {
            if (!read.exists() && size > RecordFormat.HEADER_BYTES) {
                LOG.info("journal {} has no anchor (written by an earlier version): creating {} at {} bytes", file,
                        anchorFile, size);
            }
            return JournalAnchor.create(anchorFile, size, damageAt, List.of());
        }
        JournalAnchor.State state = read.state().get();
        if (state.damageAt() >= 0 && found.isEmpty()) {
            found.add(new StoreDamage(StoreDamage.Kind.NOT_REPAIRED, file, state.damageAt(), 0, "an earlier open "
                    + "found damage here, and the journal has not been repaired since (the evidence may no longer "
                    + "be visible in the file; see the side files beside it)", Optional.empty()));
        }
        JournalAnchor opened = JournalAnchor.open(anchorFile, state);
        try {
            opened.opened(Math.max(state.committed(), size), damageAt);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        return opened;
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
        Path lockFile = lockFile(file);
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
            closeQuietly(lockChannel, null);
            throw new TenderKitException(ErrorCode.JOURNAL_IO, "cannot open journal " + file + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel, e);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel c, RuntimeException primary) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
        }
    }

    static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    static Path compactionFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".compacting");
    }

    /**
     * @param journal a journal file
     * @return the file beside it that holds its durable high-water mark and run prefixes
     */
    public static Path anchorFile(Path journal) {
        return JournalAnchor.fileFor(journal);
    }

    /**
     * Copies bytes to a side file {@code <journal>.<kind>-<offset>} (forced), never overwriting a
     * different earlier copy: one with other bytes is {@code <journal>.<kind>-<offset>-<crc32c>}.
     * The same bytes found again (each open of a journal still damaged) are not copied twice.
     */
    private Path preserve(String kind, long offset, byte[] bytes) throws IOException {
        Path copy = file.resolveSibling(file.getFileName() + "." + kind + "-" + offset);
        if (Files.exists(copy) && !sameContent(copy, bytes)) {
            copy = file.resolveSibling(file.getFileName() + "." + kind + "-" + offset + "-"
                    + String.format("%08x", RecordFormat.crc(bytes, 0, bytes.length)));
        }
        if (!sameContent(copy, bytes)) {
            Files.write(copy, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        }
        return copy;
    }

    private static boolean sameContent(Path p, byte[] bytes) throws IOException {
        return Files.exists(p) && Files.size(p) == bytes.length && Arrays.equals(Files.readAllBytes(p), bytes);
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
            copy = Optional.of(preserve("damaged", record.offset(), RecordFormat.encode(record.payload()).array()));
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
            writeFully(channel, RecordFormat.encode(payload), offset);
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
        Path tmp = compactionFile(file);
        try {
            long length;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                length = writeFully(out, RecordFormat.header(), 0);
                for (byte[] p : payloads) {
                    length += writeFully(out, RecordFormat.encode(p), length);
                }
                out.force(true);
            }
            anchor.set(length);   // lowered (forced) before the rename: the mark is a lower bound throughout
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename atomically; " + what + " needs it", e);
            }
            syncDirectory(file);
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

    private static long writeFully(FileChannel c, ByteBuffer b, long position) throws IOException {
        long written = 0;
        while (b.hasRemaining()) {
            written += c.write(b, position + written);
        }
        return written;
    }

    static void syncDirectory(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for syncing; on Linux this succeeds. A failure
            // here is reported, not ignored: the rename or creation may not be durable.
            throw new IOException("cannot sync directory " + dir + " after creating or renaming " + file, e);
        }
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
