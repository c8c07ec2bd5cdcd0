package dev.tenderkit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * One lane of the SIGKILL test, in a process of its own: an engine with the Alipay adapter on the
 * PostgreSQL store shared with the other lane, pointed at the simulated Alipay of the test's JVM.
 * It recovers, then pays the orders of its work list four at a time until it is killed; an order the
 * other lane holds is refused by the database, which is an answer, not a failure. Anything else
 * unexpected ends it with exit status 3.
 *
 * <p>Arguments: the endpoint file (see {@link #write}), the lane id, the first and last order number.
 */
public final class KilledLane {
    static final String CHANNEL = "alipay-direct";
    /** Alipay's shape compressed so a trade lives about two seconds (as sdk-alipay's crash test). */
    static final GatewayTiming TIMING = new GatewayTiming(Duration.ofMillis(150), Duration.ofMillis(150), 1.3,
            Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMillis(100), 2.0, Duration.ofMillis(500), 5);
    static final String[] CODES = {"280000000000000001", "280000000000000002", "280000000000000005",
        "280000000000000006"};

    private KilledLane() {
    }

    public static void main(String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> die("uncaught on " + t.getName(), e));
        Properties endpoint = read(Path.of(args[0]));
        String lane = args[1];
        int first = Integer.parseInt(args[2]);
        int last = Integer.parseInt(args[3]);
        try (HikariDataSource pool = pool(endpoint, 6);
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("lane-" + lane, 4)) {
            PaymentEngine engine = engine(endpoint, lane, store(pool, lane), scheduler);
            engine.recover().whenComplete((report, error) -> {
                if (error != null || report.failure().isPresent()) {
                    die("recover() failed", error != null ? error : report.failure().get());
                }
            });
            Semaphore inFlight = new Semaphore(4);
            for (int n = first; n <= last; n++) {
                String order = "ORD-" + n;
                Optional<TradeRecord> known = engine.tradeForOrder(order);
                if (known.isPresent() && known.get().state().isFinal()) {
                    continue;
                }
                inFlight.acquire();
                CompletableFuture<?> outcome;
                try {
                    outcome = engine.payAsync(BarcodePaymentRequest.of(order, Money.parse("9.99"),
                            CODES[n % CODES.length], "kill test"));
                } catch (IllegalStateException | dev.tenderkit.core.TenderKitException refusedHere) {
                    inFlight.release();
                    continue;
                }
                outcome.whenComplete((r, e) -> {
                    if (e != null && !refusedByTheDatabase(e)) {
                        die("the pay of " + order + " failed", e);
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(4);
        }
        System.exit(0);
    }

    /** The other lane holds the order, or changed the trade first: the database said so, nothing was overwritten. */
    static boolean refusedByTheDatabase(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return c instanceof IllegalStateException && String.valueOf(c.getMessage()).contains("already has")
                || c instanceof dev.tenderkit.core.TenderKitException t
                        && t.code() == dev.tenderkit.core.ErrorCode.STORE_CONFLICT;
    }

    static HikariDataSource pool(Properties endpoint, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoint.getProperty("pgUrl"));
        config.setUsername(endpoint.getProperty("pgUser"));
        config.setPassword(endpoint.getProperty("pgPassword"));
        config.setSchema(endpoint.getProperty("schema"));
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    static TransactionStore store(HikariDataSource pool, String lane) {
        return JdbcTransactionStore.builder().dataSource(pool).instanceId("lane-" + lane).build();
    }

    static PaymentEngine engine(Properties endpoint, String lane, TransactionStore store, TaskScheduler scheduler) {
        Clock clock = Clock.systemUTC();
        AlipayGateway gateway = AlipayGateway.builder()
                .credentials(AlipayCredentials.builder().appId(endpoint.getProperty("appId"))
                        .appPrivateKey(endpoint.getProperty("appPrivateKeyPem"))
                        .alipayPublicKey(endpoint.getProperty("alipayPublicKeyPem")).build())
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofSeconds(8)).build())
                .gatewayUrl(URI.create(endpoint.getProperty("gatewayUrl"))).timing(TIMING).build();
        CapabilityPolicy policy = CapabilityPolicy.builder().version("kill").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(1)).channel(new ChannelProfile(CHANNEL,
                        LocalizedText.of("支付宝直连", "Alipay direct"), LicenceKind.WALLET_DIRECT,
                        List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false))))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN-" + lane,
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of(CHANNEL), List.of()));
        return PaymentEngine.builder().terminalId("LANE" + lane)
                .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                .context(() -> context).store(store).gateway(CHANNEL, gateway).scheduler(scheduler).build();
    }

    static void write(Path file, Properties p) {
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "the kill test's simulated Alipay and database; generated keys, one run only");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static void die(String what, Throwable error) {
        System.err.println("KILLED LANE FAILURE: " + what);
        error.printStackTrace(System.err);
        System.err.flush();
        Runtime.getRuntime().halt(3);
    }
}
