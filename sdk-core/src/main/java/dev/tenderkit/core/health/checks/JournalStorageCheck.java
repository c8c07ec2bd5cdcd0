package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.HealthCheck;
import dev.tenderkit.core.health.HealthCheckContext;
import dev.tenderkit.core.health.HealthItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * Can the transaction journal be written? The journal must hold every payment intent durably
 * before a byte reaches a gateway, so this check does what the journal does: in the journal
 * directory it creates a probe file, writes to it, forces it to the device (fsync), and deletes
 * it; then it reads the usable space of the directory's file store. FAIL when the probe fails or
 * free space is below {@code minFreeBytes}, WARN below {@code lowFreeBytes}; either affects every
 * method. Item {@code storage.journal}.
 *
 * <p>Defaults: FAIL below 64 MiB, WARN below 256 MiB. A journal record is small (an intent or a
 * state change, well under 1 KiB of JSON); at ten records per payment and a thousand payments a
 * day that is under 10 MiB a day, so 64 MiB leaves about a week of payments and 256 MiB about a
 * month of warning. They are estimates for a journal still to come: set them from your own
 * record size and volume. Register it for {@link dev.tenderkit.core.health.CheckDepth#FULL} runs:
 * an fsync costs, and free space shrinks slowly. Immutable and thread-safe (each probe has a unique
 * name).
 */
public final class JournalStorageCheck implements HealthCheck {
    /** The check id and its item's id. */
    public static final String ID = "storage.journal";
    /** Default FAIL floor: 64 MiB. */
    public static final long DEFAULT_MIN_FREE_BYTES = 64L << 20;
    /** Default WARN floor: 256 MiB. */
    public static final long DEFAULT_LOW_FREE_BYTES = 256L << 20;

    private static final int PROBE_BYTES = 512;

    private final Path directory;
    private final long minFreeBytes;
    private final long lowFreeBytes;

    private JournalStorageCheck(Builder b) {
        this.directory = b.directory;
        this.minFreeBytes = b.minFreeBytes;
        this.lowFreeBytes = Math.max(b.lowFreeBytes, b.minFreeBytes);
    }

    /** @return a builder; the journal directory is required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HealthItem> check(HealthCheckContext context) {
        if (!Files.isDirectory(directory)) {
            return List.of(HealthItem.fail(ID,
                    LocalizedText.of("交易日志目录 " + directory + " 不存在或不是目录",
                            "the journal directory " + directory + " does not exist or is not a directory"),
                    LocalizedText.of("创建该目录或挂载存储，并核对日志路径设置",
                            "create the directory or mount the storage, and check the journal path setting"),
                    Set.of()));
        }
        try {
            probe();
        } catch (IOException e) {
            return List.of(HealthItem.fail(ID,
                    LocalizedText.of("交易日志目录 " + directory + " 无法写入并同步：" + e,
                            "cannot write and sync to the journal directory " + directory + ": " + e),
                    LocalizedText.of("检查该目录的权限，以及存储是否只读、已满或已损坏",
                            "check the directory's permissions and whether the storage is read-only, full or failing"),
                    Set.of()));
        }
        long free;
        try {
            free = Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            return List.of(HealthItem.fail(ID,
                    LocalizedText.of("无法读取交易日志存储的剩余空间：" + e, "cannot read the journal storage's free space: " + e),
                    LocalizedText.of("检查存储是否已正确挂载", "check that the storage is mounted properly"),
                    Set.of()));
        }
        LocalizedText detail = LocalizedText.of(
                "交易日志目录 " + directory + " 可写入并同步；剩余 " + Measures.bytes(free),
                "the journal directory " + directory + " takes synced writes; " + Measures.bytes(free) + " free");
        if (free < minFreeBytes) {
            return List.of(HealthItem.fail(ID, detail,
                    LocalizedText.of("释放存储空间或把交易日志移到更大的存储：剩余空间低于下限 " + Measures.bytes(minFreeBytes)
                                    + "，无法保证每笔交易都能落盘",
                            "free space on the storage or move the journal to a larger one: below "
                                    + Measures.bytes(minFreeBytes) + " free, every payment cannot be journaled"),
                    Set.of()));
        }
        if (free < lowFreeBytes) {
            return List.of(HealthItem.warn(ID, detail,
                    LocalizedText.of("尽快释放存储空间：低于 " + Measures.bytes(minFreeBytes) + " 时将停止收款",
                            "free space on the storage soon: below " + Measures.bytes(minFreeBytes) + ", payments stop"),
                    Set.of()));
        }
        return List.of(HealthItem.ok(ID, detail));
    }

    private void probe() throws IOException {
        Path probe = Files.createTempFile(directory, ".tenderkit-health-", ".probe");
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(PROBE_BYTES);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Configures the check; {@link #build()} validates and names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private Path directory;
        private long minFreeBytes = DEFAULT_MIN_FREE_BYTES;
        private long lowFreeBytes = DEFAULT_LOW_FREE_BYTES;

        private Builder() {
        }

        /** @param directory where the journal lives; required */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * @param bytes FAIL below this much usable space; default {@link #DEFAULT_MIN_FREE_BYTES}. The
         *     WARN floor is raised to it if lower.
         */
        public Builder minFreeBytes(long bytes) {
            this.minFreeBytes = bytes;
            return this;
        }

        /** @param bytes WARN below this much usable space; default {@link #DEFAULT_LOW_FREE_BYTES} */
        public Builder lowFreeBytes(long bytes) {
            this.lowFreeBytes = bytes;
            return this;
        }

        /** @return the check */
        public JournalStorageCheck build() {
            if (directory == null) {
                throw new ConfigurationException("directory", "a journal storage check needs the journal directory");
            }
            if (minFreeBytes < 0) {
                throw new ConfigurationException("minFreeBytes", "must not be negative, got " + minFreeBytes);
            }
            if (lowFreeBytes < 0) {
                throw new ConfigurationException("lowFreeBytes", "must not be negative, got " + lowFreeBytes);
            }
            return new JournalStorageCheck(this);
        }
    }
}
