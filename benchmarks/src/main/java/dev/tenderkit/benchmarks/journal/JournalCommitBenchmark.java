package dev.tenderkit.benchmarks.journal;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.Payment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the fsync'd journal costs per paid trade, against the floor of one bare forced write of the
 * same bytes, in the same run, on the same disk (the working directory, not tmpfs):
 *
 * <ul>
 *   <li>{@link #journalPaidTrade}: what the engine journals for a barcode trade paid at once — its
 *       intent (forced before the pay request could leave) and its paid record (lazy, carried by the
 *       next force) — through {@link JournalTransactionStore}. One thread.</li>
 *   <li>{@link #bareForcedWriteOfTheSameBytes}: one {@code FileChannel.write} of as many bytes as a
 *       paid trade adds to the journal (measured at set-up), appended to a file beside it, and one
 *       {@code force(false)}. One thread. Bar: the trade ≤ 1.2 × this.</li>
 *   <li>{@link #journalPaidTrade16Threads}: the same trade from 16 threads at once on one store;
 *       each iteration prints the forces per trade (the store's own count of forces over the trades
 *       made), bar ≤ 0.5.</li>
 * </ul>
 * The store compacts every 4 MiB with retention zero on a moving clock, as in a long-running terminal.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JournalCommitBenchmark {
    private static final Money AMOUNT = Money.parse("88.00");

    private final AtomicLong trades = new AtomicLong();
    private Path dir;
    private JournalTransactionStore store;
    private FileChannel bare;
    private ByteBuffer bareRecord;
    private long bareAt;
    private long forcesAtIteration;
    private long tradesAtIteration;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "tk-journal-bench");
        store = JournalTransactionStore.open(dir.resolve("trades.journal"), Clock.systemUTC(), JournalOptions.DURABLE,
                Duration.ZERO, 4L << 20);
        long before = Files.size(store.file());
        journalPaidTrade();
        long tradeBytes = Files.size(store.file()) - before;
        bareRecord = ByteBuffer.allocateDirect((int) tradeBytes);
        while (bareRecord.hasRemaining()) {
            bareRecord.put((byte) '{');
        }
        bare = FileChannel.open(dir.resolve("bare.journal"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        System.out.println("# a paid trade journals " + tradeBytes + " bytes; the bare write is as long");
    }

    @Setup(Level.Iteration)
    public void markIteration() {
        forcesAtIteration = store.forces();
        tradesAtIteration = trades.get();
    }

    @TearDown(Level.Iteration)
    public void reportForcesPerTrade() {
        long forces = store.forces() - forcesAtIteration;
        long made = trades.get() - tradesAtIteration;
        if (made > 0) {
            System.out.printf("%n# forces per trade: %d / %d = %.3f%n", forces, made, (double) forces / made);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        bare.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    @Threads(1)
    public TradeRecord journalPaidTrade() {
        return payOne();
    }

    @Benchmark
    @Threads(16)
    public TradeRecord journalPaidTrade16Threads() {
        return payOne();
    }

    @Benchmark
    @Threads(1)
    public long bareForcedWriteOfTheSameBytes() throws IOException {
        return bareWrite();
    }

    long bareWrite() throws IOException {
        if (bareAt >= (4L << 20)) {   // as the journal compacts, the file does not grow for ever
            bare.truncate(0);
            bareAt = 0;
        }
        bareRecord.clear();
        while (bareRecord.hasRemaining()) {
            bareAt += bare.write(bareRecord, bareAt);
        }
        bare.force(false);
        return bareAt;
    }

    TradeRecord payOne() {
        long n = trades.incrementAndGet();
        Instant now = Instant.now();
        TradeIntent intent = new TradeIntent("BENCH" + n, "O" + n, 1, TradeKind.BARCODE, "lakala", "alipay", "alipay",
                AMOUNT, "benchmark", Optional.empty(), "2812**********3456",
                Optional.of("00112233445566778899aabbccddeeff"), now, now.plusSeconds(60));
        TradeRecord created = TradeRecord.created(intent);
        store.save(created);   // durable before the request could leave
        TradeRecord paid = created.paid(new Payment("2026" + n, AMOUNT, FundingSource.UNSPECIFIED, now),
                Optional.empty(), now);
        store.save(paid);      // lazy: the next trade's force carries it
        return paid;
    }
}
