package dev.tenderkit.examples.backoffice;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.TenderKitException;
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
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.store.jdbc.JdbcTransactionStore;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * One lane of the back office, in a process of its own: an engine with the Alipay adapter on the
 * PostgreSQL store it shares with the other lanes, against the simulated Alipay of the example's
 * process. It recovers, then takes the commands its standard input brings, one a line, and prints
 * what happened on its standard output:
 * <ul>
 *   <li>{@code pay <order id> <payment code> <amount>}: takes the payment, prints the outcome when it
 *       comes (or the refusal at once);</li>
 *   <li>{@code recover}: runs {@code recover()} and prints the trades it settled;</li>
 *   <li>{@code quit}: ends the process.</li>
 * </ul>
 * Arguments: the endpoint file the example wrote, the lane number, the store's name.
 */
public final class BackofficeLane {
    /** How long a lane holds a trade it saved: short, so the demo's takeover comes within seconds. */
    static final Duration LEASE = Duration.ofSeconds(8);
    /**
     * Alipay's shape compressed: the first query 3 s after the pay, a buyer has 20 s. The lease is
     * shorter than the deadline here so that the demo's takeover comes while a buyer still has time;
     * a lane's in-flight trades are its own (in memory) whatever the lease, but a lease shorter than
     * the gaps between a trade's saves lets another engine's {@code recover()} take a live lane's
     * trade: in production keep the default (5 minutes), longer than any deadline.
     */
    static final GatewayTiming TIMING = GatewayTiming.builder().firstQueryAfter(Duration.ofSeconds(3))
            .queryBackoff(Duration.ofMillis(500), 1.5, Duration.ofSeconds(2)).buyerDeadline(Duration.ofSeconds(20))
            .reversalBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1)).build();
    static final String CHANNEL = "alipay-direct";

    private BackofficeLane() {
    }

    /**
     * @param args the endpoint file, the lane number, the store's name
     * @throws Exception when the lane cannot start
     */
    public static void main(String[] args) throws Exception {
        Properties endpoint = read(Path.of(args[0]));
        String lane = args[1];
        String name = "lane " + lane + " (" + args[2] + ")";
        JdbcTransactionStore store = JdbcTransactionStore.builder()
                .dataSource(BackofficeDatabase.dataSource(endpoint)).instanceId("lane-" + lane).lease(LEASE).build();
        try (ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("lane-" + lane, 4)) {
            PaymentEngine engine = engine(endpoint, lane, store, scheduler, name);
            engine.recover().join();
            say(name + ": started, engine LANE" + lane + " on the shared database");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String[] command = line.trim().split(" ");
                if (command[0].equals("pay")) {
                    pay(engine, name, command[1], command[2], Money.parse(command[3]));
                } else if (command[0].equals("recover")) {
                    RecoveryReport report = engine.recover().join();
                    say(name + ": recover() settled " + report.trades().size() + " trade(s) another lane left"
                            + report.trades().stream().map(o -> o.record().map(t -> t.orderId() + " " + t.outTradeNo()
                                    + " => " + t.state()).orElse("?")).collect(Collectors.joining(", ", ": ", "")));
                }
            }
        }
        System.exit(0);
    }

    private static void pay(PaymentEngine engine, String name, String order, String code, Money amount) {
        try {
            engine.payAsync(BarcodePaymentRequest.of(order, amount, code, "back office demo"))
                    .whenComplete((outcome, error) -> say(name + ": " + order + " => " + (error != null
                            ? "error " + cause(error) : describe(outcome))));
        } catch (TenderKitException | IllegalStateException refused) {
            say(name + ": " + order + " refused: " + refused.getMessage());
        }
    }

    private static String describe(TradeOutcome outcome) {
        String trade = outcome.record().map(t -> " (" + t.outTradeNo() + ")").orElse("");
        if (outcome instanceof TradeOutcome.Paid p) {
            return "PAID " + p.payment().amount() + trade;
        }
        if (outcome instanceof TradeOutcome.Failed f) {
            return "FAILED " + f.error().cause() + trade;
        }
        return outcome.record().map(t -> t.state().toString()).orElse(outcome.toString()) + trade;
    }

    private static String cause(Throwable error) {
        Throwable c = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return c.toString();
    }

    private static PaymentEngine engine(Properties endpoint, String lane, JdbcTransactionStore store,
            ExecutorTaskScheduler scheduler, String name) {
        AlipayGateway gateway = AlipayGateway.builder()
                .credentials(AlipayCredentials.builder().appId(endpoint.getProperty("appId"))
                        .appPrivateKey(endpoint.getProperty("appPrivateKeyPem"))
                        .alipayPublicKey(endpoint.getProperty("alipayPublicKeyPem")).build())
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofSeconds(8)).build())
                .gatewayUrl(URI.create(endpoint.getProperty("gatewayUrl"))).timing(TIMING).build();
        CapabilityPolicy policy = CapabilityPolicy.builder().version("backoffice").issuedAt(scheduler.clock().instant())
                .maxAge(Duration.ofDays(1)).channel(new ChannelProfile(CHANNEL, LocalizedText.of("支付宝直连",
                        "Alipay direct"), LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.ALIPAY,
                        false)))).build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN-LANE" + lane,
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M-CHAIN", "The chain", "5411", List.of(CHANNEL), List.of()));
        return PaymentEngine.builder().terminalId("LANE" + lane)
                .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                .context(() -> context).store(store).gateway(CHANNEL, gateway).scheduler(scheduler)
                .listener(new TradeListener() {
                    @Override
                    public void onTradeChanged(TradeRecord t) {
                        if (t.state() == TradeState.AWAITING_BUYER && t.revision() == 1) {
                            say(name + ": " + t.orderId() + " sent, waiting for the buyer (" + t.outTradeNo() + ")");
                        }
                    }
                }).build();
    }

    static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
