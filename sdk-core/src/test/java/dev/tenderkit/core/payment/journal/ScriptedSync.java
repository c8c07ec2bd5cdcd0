package dev.tenderkit.core.payment.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link DeviceSync} that really forces the file and lets a test see and steer it: it counts the
 * forces, keeps the length each force covered (the file's length just before it ran), can hold the
 * first force until the test releases it (so that other appends pile up behind it, on events, not
 * timing), can fail that force with an {@link IOException}, and keeps a "disk image" — the journal
 * and anchor bytes as they stood after the last successful force — which is what a power cut
 * would leave (see {@link #disk()}).
 */
final class ScriptedSync implements DeviceSync {
    final AtomicInteger forces = new AtomicInteger();
    final AtomicLong forcedLength = new AtomicLong();
    final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch release;
    private final boolean failFirst;
    private final Path journal;
    private volatile byte[][] image;

    private ScriptedSync(Path journal, boolean holdFirst, boolean failFirst) {
        this.journal = journal;
        this.release = new CountDownLatch(holdFirst ? 1 : 0);
        this.failFirst = failFirst;
    }

    /** Counts and images every force, holds none. */
    static ScriptedSync counting(Path journal) {
        return new ScriptedSync(journal, false, false);
    }

    /** Holds the first force until {@link #releaseFirst()}. */
    static ScriptedSync holdingFirst(Path journal) {
        return new ScriptedSync(journal, true, false);
    }

    /** Holds the first force until {@link #releaseFirst()}, then fails it. */
    static ScriptedSync failingFirst(Path journal) {
        return new ScriptedSync(journal, true, true);
    }

    void releaseFirst() {
        release.countDown();
    }

    @Override
    public void force(FileChannel channel) throws IOException {
        int n = forces.incrementAndGet();
        long length = channel.size();
        if (n == 1) {
            firstEntered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (failFirst) {
                throw new IOException("simulated EIO from fdatasync");
            }
        }
        channel.force(false);
        forcedLength.accumulateAndGet(length, Math::max);
        byte[] now = Files.readAllBytes(journal);
        image = new byte[][] {Arrays.copyOf(now, (int) Math.min(now.length, length)),
            Files.readAllBytes(AppendOnlyJournal.anchorFile(journal))};
    }

    /** @return what a power cut now would leave on the device: the journal up to the last force, its anchor then */
    byte[][] disk() {
        return image;
    }

    /** Puts back what {@link #disk()} said the device held: the power came back. */
    void powerCut(byte[][] disk) {
        try {
            Files.write(journal, disk[0]);
            Files.write(AppendOnlyJournal.anchorFile(journal), disk[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
