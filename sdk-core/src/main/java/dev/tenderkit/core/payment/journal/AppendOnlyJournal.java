package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
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
 *   <li><b>Torn tail.</b> On open, a last record cut short by a crash is detected. Its bytes are
 *       copied to a side file ({@code <journal>.torn-<offset>}) and then cut off, and the
 *       {@link #openReport()} says so: nothing is discarded silently.</li>
 *   <li><b>Corrupt middle.</b> A damaged record followed by valid ones cannot be a torn write: the
 *       open fails with {@link JournalCorruptedException} and the file is left untouched.</li>
 *   <li><b>One writer.</b> An exclusive lock on {@code <journal>.lock} keeps a second process (or a
 *       second journal object in this process) out: {@link JournalLockedException}.</li>
 *   <li><b>Compaction.</b> {@link #compact(List)} rewrites the journal to the given records in a
 *       temporary file, forces it, and atomically renames it over the journal.</li>
 *   <li><b>Fail-stop.</b> After a failed write the journal refuses further appends until it is
 *       reopened (reopening repairs a torn tail), so no one writes after bytes of unknown state.</li>
 * </ul>
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
    private FileChannel channel;
    private long size;
    private TenderKitException failure;
    private boolean closed;

    private AppendOnlyJournal(Path file, JournalOptions options, FileChannel lockChannel, FileLock lock)
            throws IOException {
        this.file = file;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        Files.deleteIfExists(compactionFile(file));
        boolean created = !Files.exists(file);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (created || channel.size() == 0) {
            writeFully(channel, RecordFormat.header(), 0);
            channel.force(true);
            syncDirectory(file);
        }
        List<JournalRecord> records = new ArrayList<>();
        try {
            this.openReport = scan(records);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.recordsAtOpen = List.copyOf(records);
        this.size = channel.size();
    }

    /**
     * Opens (creating if absent) a journal, takes its lock, and reads it back.
     *
     * @param file the journal file; its directory must exist
     * @param options behaviour
     * @return the open journal
     * @throws JournalLockedException if another holder has it open
     * @throws JournalCorruptedException if a record other than the last is damaged
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

    private JournalOpenReport scan(List<JournalRecord> out) throws IOException {
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
        int end = bytes.length;
        if (end < RecordFormat.HEADER_BYTES) {
            // A crash while the header of a new journal was being written leaves a prefix of it.
            if (!Arrays.equals(bytes, 0, end, RecordFormat.header().array(), 0, end)) {
                throw new JournalCorruptedException(file, 0, "not a TenderKit journal (bad header)");
            }
            channel.truncate(0);
            writeFully(channel, RecordFormat.header(), 0);
            channel.force(true);
            return new JournalOpenReport(0, RecordFormat.HEADER_BYTES, 0, Optional.empty());
        }
        if (!Arrays.equals(bytes, 0, 4, RecordFormat.MAGIC, 0, 4)) {
            throw new JournalCorruptedException(file, 0, "not a TenderKit journal (bad magic)");
        }
        int version = RecordFormat.readInt(bytes, 4);
        if (version != RecordFormat.VERSION) {
            throw new JournalCorruptedException(file, 4, "unsupported journal format version " + version);
        }
        int pos = RecordFormat.HEADER_BYTES;
        while (pos < end) {
            int length = RecordFormat.validRecordAt(bytes, pos, end, options.maxRecordBytes());
            if (length < 0) {
                return damagedAt(bytes, pos, out.size());
            }
            out.add(new JournalRecord(pos, Arrays.copyOfRange(bytes, pos + 4, pos + 4 + length)));
            pos += RecordFormat.OVERHEAD + length;
        }
        return new JournalOpenReport(out.size(), end, 0, Optional.empty());
    }

    /** A record is damaged at {@code pos}: a torn tail if nothing valid follows, otherwise corruption. */
    private JournalOpenReport damagedAt(byte[] bytes, int pos, int validRecords) throws IOException {
        for (int q = pos + 1; q < bytes.length; q++) {
            if (RecordFormat.validRecordAt(bytes, q, bytes.length, options.maxRecordBytes()) >= 0) {
                throw new JournalCorruptedException(file, pos, "the record at byte " + pos
                        + " fails its length or CRC-32C check, and a valid record starts at byte " + q);
            }
        }
        Path copy = file.resolveSibling(file.getFileName() + ".torn-" + pos);
        Files.write(copy, Arrays.copyOfRange(bytes, pos, bytes.length), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        channel.truncate(pos);
        channel.force(true);
        long torn = (long) bytes.length - pos;
        LOG.warn("journal {}: cut off a torn tail of {} bytes at offset {} (the unfinished write of a crash); "
                + "its bytes are saved in {}", file, torn, pos, copy);
        return new JournalOpenReport(validRecords, pos, torn, Optional.of(copy));
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

    /**
     * Appends a record and, with {@link JournalOptions#syncOnAppend()}, forces it to the device
     * before returning.
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
        try {
            writeFully(channel, RecordFormat.encode(payload), offset);
            if (options.syncOnAppend()) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw fail("append at offset " + offset, e);
        }
        size = offset + RecordFormat.OVERHEAD + payload.length;
        return offset;
    }

    /**
     * Replaces the journal's content with the given records, atomically: after a crash at any
     * point the journal holds either the old content or the new, never a mixture.
     *
     * @param payloads the records to keep, in order
     */
    public synchronized void compact(List<byte[]> payloads) {
        ensureWritable();
        Path tmp = compactionFile(file);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                long pos = writeFully(out, RecordFormat.header(), 0);
                for (byte[] p : payloads) {
                    pos += writeFully(out, RecordFormat.encode(p), pos);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename atomically; compaction needs it", e);
            }
            syncDirectory(file);
            channel.close();
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            size = channel.size();
        } catch (IOException e) {
            throw fail("compaction", e);
        }
        LOG.info("journal {} compacted to {} records, {} bytes", file, payloads.size(), size);
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

    private static void syncDirectory(Path file) throws IOException {
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
        for (AutoCloseable c : new AutoCloseable[] {channel, lock, lockChannel}) {
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
