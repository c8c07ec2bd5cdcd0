package dev.tenderkit.benchmarks.reconcile;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.ReconciliationReport;
import dev.tenderkit.core.reconcile.Reconciler;
import dev.tenderkit.testkit.reconcile.GeneratedDay;
import dev.tenderkit.testkit.reconcile.GeneratedDayBuilder;
import dev.tenderkit.testkit.wechat.WeChatBillRow;
import dev.tenderkit.testkit.wechat.WeChatBillWriter;
import dev.tenderkit.wechat.WeChatPayBills;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reconciling a business day of 140,000 trades (the store: a journal) against WeChat Pay's trade bill of the day,
 * about 102,000 rows (22 MB of back-ticked CSV on disk, every divergence kind injected), read through the public
 * {@link WeChatPayBills#readFile} exactly as a download is read, with the fee audit. One operation is the whole
 * reconciliation: the bill streamed and checked to its summary, the day's trades and refunds listed, every row
 * judged, the report built. The fork's heap is capped at 256 MB ({@code -Xmx256m}), so a run that completes is the
 * proof of the memory bar (bar: ≤ 1 s per reconciliation, ≤ 256 MB heap).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
@State(Scope.Benchmark)
public class ReconcileDayBenchmark {
    private static final String MCHID = "1900000109";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    private Path dir;
    private Path bill;
    private Path copy;
    private GeneratedDay day;
    private JournalTransactionStore store;
    private Reconciler reconciler;

    /** Generates the day, saves its trades in a journal and writes its bill in WeChat Pay's format. */
    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory(Path.of("."), "reconcile-bench");
        day = new GeneratedDayBuilder(20261202).day(DAY).trades(140_000).divergencesPerKind(50)
                .wallet("wechat-direct", "wechat-direct", PaymentMethods.WECHAT_PAY)
                .fees(FeeRate.parse("0.38%"), FeeRate.parse("0.60%"), true).build();
        store = JournalTransactionStore.open(dir.resolve("journal"), Clock.systemUTC(),
                new JournalOptions(false, 1 << 20), Duration.ofDays(100_000), 1L << 40);
        day.saveTo(store);
        bill = dir.resolve("bill.csv");
        try (OutputStream out = Files.newOutputStream(bill)) {
            new WeChatBillWriter(WeChatBillWriter.Layout.ALL, "wxd678efh567hg6787", MCHID).write(day.bill().stream().map(WeChatBillRow::of).toList(), out);
        }
        reconciler = Reconciler.builder(store).feeAudit(day.feeSchedule()).build();
        System.out.printf("%n# %d trades in the store, a bill of %d rows, %d bytes%n", day.trades().size(),
                day.bill().size(), Files.size(bill));
    }

    /** A fresh copy of the bill for each reconciliation: the reader deletes its file when closed. */
    @Setup(Level.Invocation)
    public void copyBill() throws IOException {
        copy = Files.copy(bill, dir.resolve("bill-copy.csv"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return the day's report */
    @Benchmark
    public ReconciliationReport reconcileADay() {
        ReconciliationReport report = reconciler.reconcile("wechat-direct",
                new BillDownload.Available(DAY, WeChatPayBills.readFile(copy, DAY, MCHID, "wechat-direct")),
                day.carried());
        if (!day.mismatches(report).isEmpty()) {
            throw new IllegalStateException("not the day's exact findings: " + day.mismatches(report));
        }
        return report;
    }

    /** Closes the journal and deletes the day's files. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
