package dev.tenderkit.benchmarks.payment;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The payment engine's own cost per paid trade: validate, classify, resolve capability, route,
 * journal the intent, pay (an instant in-memory wallet), journal the result. {@code fsync=false}
 * puts the journal on tmpfs without forcing writes (the engine's CPU overhead; bar ≤ 20 µs);
 * {@code fsync=true} puts it on the working directory's disk, forced as the journal forces (the
 * intent before its save returns, the result with the next force: what a real terminal pays,
 * reported separately).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class EngineOverheadBenchmark {
    @Param({"false", "true"})
    public boolean fsync;

    private Path dir;
    private JournalTransactionStore store;
    private PaymentEngine engine;
    private long order;
    private TradeRecord sample;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path shm = Path.of("/dev/shm");
        dir = !fsync && Files.isDirectory(shm) ? Files.createTempDirectory(shm, "tk-bench")
                : Files.createTempDirectory(Path.of("").toAbsolutePath(), "tk-bench");
        // A moving clock with retention zero: compaction drops finished trades, so the journal and its
        // index stay as small as in a long run (a fixed clock would keep every trade "recent").
        Clock clock = Clock.systemUTC();
        store = JournalTransactionStore.open(dir.resolve("trades.journal"), clock,
                new JournalOptions(fsync, 1 << 20), Duration.ZERO, 4L << 20);
        CapabilityPolicy policy = CapabilityPolicy.builder().version("bench").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(30))
                .channel(new ChannelProfile("lakala", LocalizedText.of("拉卡拉", "Lakala"),
                        LicenceKind.PAYMENT_INSTITUTION, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                                ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, false))))
                .build();
        CapabilityResolver resolver = CapabilityResolver.builder().policy(policy).clock(clock).serviceLoader(false)
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN1",
                SoftwareVersion.parse("3.4"), EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI), Set.of()),
                new MerchantProfile("M1", "Bench", "5411", List.of("lakala"), List.of()));
        engine = PaymentEngine.builder().terminalId("BENCH").resolver(resolver).context(() -> context).store(store)
                .gateway("lakala", new InstantWallet()).scheduler(new InlineScheduler()).build();
        sample = ((TradeOutcome.Paid) payOneTrade()).trade();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Baseline in the same run: journaling one trade record and nothing else. A paid trade journals
     * two (the intent, then the result), so twice this is the floor of {@link #payOneTrade()}.
     */
    @Benchmark
    public TradeRecord baselineJournalOneRecord() {
        TradeRecord next = sample.withProblem("bench", sample.updatedAt());
        store.save(next);
        sample = next;
        return next;
    }

    @Benchmark
    public TradeOutcome payOneTrade() {
        TradeOutcome outcome = engine.payAsync(BarcodePaymentRequest.of("O" + (order++), InstantWallet.amount(),
                "281234567890123456", "benchmark")).getNow(null);
        if (!(outcome instanceof TradeOutcome.Paid)) {
            throw new IllegalStateException("expected a paid trade, got " + outcome);
        }
        return outcome;
    }
}
