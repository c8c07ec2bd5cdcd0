package dev.tenderkit.benchmarks.payment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.store.jdbc.JdbcTransactionStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
 * The PostgreSQL store under the engine: paid trades per second with 16 trades at once (16 threads,
 * one engine, an instant wallet, a pool of 16 connections), next to the bare rate of the same server
 * for {@code INSERT} of a row of a trade's size in its own commit, 16 at once. At the end of each
 * trial the server's own counters are read ({@code pg_stat_database.xact_commit}, and
 * {@code pg_stat_wal.wal_sync}, the WAL flushes) and printed per operation: commits per paid trade
 * (reads in auto-commit count as transactions too, so the write commits are given apart: 2 per
 * trade, the intent and the result) and WAL flushes per trade. The server is
 * {@code TENDERKIT_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/tenderkit},
 * tenderkit/tenderkit), in a schema of its own dropped at the end.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(16)
@State(Scope.Benchmark)
public class JdbcStoreBenchmark {
    private static final String URL = env("TENDERKIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/tenderkit");
    private static final String USER = env("TENDERKIT_PG_USER", "tenderkit");
    private static final String PASSWORD = env("TENDERKIT_PG_PASSWORD", "tenderkit");

    private final String schema = "tk_bench_" + Long.toString(System.nanoTime(), 36);
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong operations = new AtomicLong();
    private HikariDataSource pool;
    private PaymentEngine engine;
    private long commitsBefore;
    private long syncsBefore;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".bench_bare (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setSchema(schema);
        config.setMaximumPoolSize(16);
        pool = new HikariDataSource(config);
        Clock clock = Clock.systemUTC();
        JdbcTransactionStore store = JdbcTransactionStore.builder().dataSource(pool).instanceId("bench").clock(clock)
                .createSchema(true).build();
        CapabilityPolicy policy = CapabilityPolicy.builder().version("bench").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(30))
                .channel(new ChannelProfile("lakala", LocalizedText.of("拉卡拉", "Lakala"),
                        LicenceKind.PAYMENT_INSTITUTION, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false))))
                .build();
        CapabilityResolver resolver = CapabilityResolver.builder().policy(policy).clock(clock).serviceLoader(false)
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN1",
                SoftwareVersion.parse("3.4"), EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI), Set.of()),
                new MerchantProfile("M1", "Bench", "5411", List.of("lakala"), List.of()));
        engine = PaymentEngine.builder().terminalId("BENCH").resolver(resolver).context(() -> context).store(store)
                .gateway("lakala", new InstantWallet()).scheduler(new InlineScheduler()).build();
        long[] counters = counters();
        commitsBefore = counters[0];
        syncsBefore = counters[1];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Thread.sleep(1500);   // other backends flush their statistics within a second of going idle
        long[] counters = counters();
        long ops = Math.max(1, operations.get());
        System.out.printf("%n[postgres] %d operations: %.2f commits and %.3f WAL flushes (wal_sync) per operation%n",
                ops, (counters[0] - commitsBefore) / (double) ops, (counters[1] - syncsBefore) / (double) ops);
        pool.close();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** One barcode trade, paid at once by the wallet: the intent and the result saved, each in its commit. */
    @Benchmark
    public TradeOutcome payOneTrade() {
        operations.incrementAndGet();
        TradeOutcome outcome = engine.payAsync(BarcodePaymentRequest.of("O" + orders.incrementAndGet(),
                InstantWallet.amount(), "281234567890123456", "benchmark")).getNow(null);
        if (!(outcome instanceof TradeOutcome.Paid)) {
            throw new IllegalStateException("expected a paid trade, got " + outcome);
        }
        return outcome;
    }

    /** The same server's floor: one INSERT of about a trade row's size (600 bytes), committed on its own. */
    @Benchmark
    public int bareInsertCommit() throws SQLException {
        operations.incrementAndGet();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO bench_bare (payload) VALUES (?)")) {
            s.setString(1, "x".repeat(600));
            return s.executeUpdate();
        }
    }

    private long[] counters() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = "
                        + "current_database()), (SELECT wal_sync FROM pg_stat_wal)")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
