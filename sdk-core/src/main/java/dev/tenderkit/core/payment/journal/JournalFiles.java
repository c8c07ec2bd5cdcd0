package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ErrorCode;
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
import java.util.Arrays;
import java.util.List;

/**
 * The files beside a journal and the forced writes that make them durable: the lock file, the
 * temporary file of a compaction and its atomic rename, the side files that keep damaged or torn bytes, and the
 * directory sync after a file is created or renamed. Stateless.
 */
final class JournalFiles {
    private JournalFiles() {
    }

    static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    static Path compactionFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".compacting");
    }

    /**
     * Copies bytes to a side file {@code <journal>.<kind>-<offset>} (forced), never overwriting a
     * different earlier copy: one with other bytes is {@code <journal>.<kind>-<offset>-<crc32c>}.
     * The same bytes found again (each open of a journal still damaged) are not copied twice.
     *
     * @return the side file holding the bytes
     */
    static Path preserve(Path file, String kind, long offset, byte[] bytes) throws IOException {
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

    /** @return the whole content of the journal open on {@code channel} */
    static byte[] readAll(FileChannel channel, Path file) throws IOException {
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

    /** @return the bytes written: all of {@code b}, at {@code position} */
    static long writeFully(FileChannel c, ByteBuffer b, long position) throws IOException {
        long written = 0;
        while (b.hasRemaining()) {
            written += c.write(b, position + written);
        }
        return written;
    }

    /**
     * Writes a journal holding exactly these records to the compaction file, forced.
     *
     * @return its length
     */
    static long writeCompacted(Path file, List<byte[]> payloads) throws IOException {
        long length;
        try (FileChannel out = FileChannel.open(compactionFile(file), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            length = writeFully(out, RecordFormat.header(), 0);
            for (byte[] p : payloads) {
                length += writeFully(out, RecordFormat.encode(p), length);
            }
            out.force(true);
        }
        return length;
    }

    /** Renames the compaction file over the journal, atomically, and syncs the directory. */
    static void installCompacted(Path file, String what) throws IOException {
        try {
            Files.move(compactionFile(file), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically; " + what + " needs it", e);
        }
        syncDirectory(file);
    }

    /**
     * @return the exclusive lock on the journal's lock file
     * @throws JournalLockedException if another process, or another journal object here, holds it
     */
    static FileLock lockExclusively(FileChannel lockChannel, Path lockFile) throws IOException {
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new JournalLockedException(lockFile);
        }
        return lock;
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

    /** Closes each, in order, even when one fails; @return the first failure, or null */
    static IOException closeAll(AutoCloseable... all) {
        IOException first = null;
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof IOException io ? io : new IOException(e);
                }
            }
        }
        return first;
    }

    /** Closes {@code c} if there is one; a failure to close is added to {@code primary}, if any. */
    static void closeQuietly(FileChannel c, RuntimeException primary) {
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
}
