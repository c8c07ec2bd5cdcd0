package dev.tenderkit.examples.checkout;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityPolicyReader;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.fee.FeeScheduleReader;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.FeeBearer;
import dev.tenderkit.core.payment.GatewayTiming;
import dev.tenderkit.core.payment.InstallmentPlan;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.examples.ExampleInput;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checkout over HTTP: the payment engine, the Alipay adapter and the HTTP transport against
 * the testkit's simulated Alipay — a real server on loopback with its own signing and freshly
 * generated keys (no network, no real keys). Four trades: paid at once; Huabei in 6 installments,
 * the buyer entering a password first; Huabei installments refused on an older terminal with the
 * doctor's explanation; a buyer who never confirms, reversed at the deadline. The polling timing
 * keeps Alipay's shape but is compressed (a 5-second deadline instead of 60) so the demo is quick.
 */
public final class AlipayCheckoutExample {
    static final String PAYS_AT_ONCE = "281234567890123456";
    static final String HUABEI_WITH_PASSWORD = "281111111111111111";
    static final String NEVER_CONFIRMS = "282222222222222222";

    private AlipayCheckoutExample() {
    }

    /** @param args none */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("tenderkit-alipay-checkout");
        try {
            run(out, dir);
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static CheckoutContext context(String softwareVersion) {
        return CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN-P2P-0001",
                SoftwareVersion.parse(softwareVersion), EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI),
                Set.of("channel.merchant_no", "channel.terminal_no", "alipay.huabei.enabled",
                        "alipay.huabei.installment.enabled")),
                new MerchantProfile("M1001", "示例便利店 Sample Convenience Store", "5411", List.of("alipay-direct"),
                        List.of(Qualification.approved("alipay-direct", "huabei"),
                                Qualification.approved("alipay-direct", "huabei_installment"))));
    }

    /** Runs the four trades with the journal in {@code dir}. */
    static void run(PrintStream out, Path dir) {
        Clock clock = Clock.systemUTC();
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        CapabilityPolicy policy = ExampleInput.load(null, "/samples/capability-policy.sample.json",
                new CapabilityPolicyReader(PaymentMethods.standardRegistry())::read);
        AtomicReference<CheckoutContext> terminal = new AtomicReference<>(context("3.4.0"));
        try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).appId("2021000000000001").start();
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("tenderkit-engine", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            alipay.script(HUABEI_WITH_PASSWORD, BuyerScript.userPayingFor(2).fromHuabei());
            alipay.script(NEVER_CONFIRMS, BuyerScript.neverPays());
            AlipayGateway gateway = AlipayGateway.builder()
                    .credentials(AlipayCredentials.builder().appId(alipay.appId())
                            .appPrivateKey(keys.appPrivateKeyPem()).alipayPublicKey(keys.alipayPublicKeyPem()).build())
                    .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(5))
                            .callTimeout(Duration.ofSeconds(10)).build())
                    .gatewayUrl(alipay.gatewayUrl())
                    .timing(new GatewayTiming(Duration.ofMillis(300), Duration.ofMillis(300), 1.5,
                            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(200), 2.0,
                            Duration.ofSeconds(2), 5))
                    .build();
            long start = System.nanoTime();
            PaymentEngine engine = PaymentEngine.builder().terminalId("T0001")
                    .resolver(CapabilityResolver.builder().policy(policy).clock(clock).build())
                    .context(terminal::get).store(journal).gateway("alipay-direct", gateway)
                    .feeSchedule(ExampleInput.load(null, "/samples/fee-schedule.sample.json",
                            new FeeScheduleReader(PaymentMethods.standardRegistry())::read))
                    .scheduler(scheduler).clock(clock)
                    .listener(new TradeListener() {
                        @Override
                        public void onTradeChanged(TradeRecord t) {
                            out.printf("    %6d ms  %s%n", (System.nanoTime() - start) / 1_000_000, t.state());
                        }
                    }).build();

            out.println("TenderKit checkout over HTTP — engine + Alipay adapter + OkHttp transport against the");
            out.println("simulated Alipay at " + alipay.gatewayUrl() + " (loopback, generated keys, SAMPLE data)");

            pay(out, engine, "1. paid at once", BarcodePaymentRequest.of("ORDER-2001", Money.parse("88.00"),
                    PAYS_AT_ONCE, "咖啡 coffee"));
            pay(out, engine, "2. Huabei in 6 installments (seller pays the fee); the buyer enters a password first",
                    BarcodePaymentRequest.of("ORDER-2002", Money.parse("3999.00"), HUABEI_WITH_PASSWORD, "电视 TV")
                            .withInstallments(new InstallmentPlan(6, FeeBearer.SELLER)));
            terminal.set(context("3.1.4"));
            pay(out, engine, "3. the same on a terminal whose software is 3.1.4",
                    BarcodePaymentRequest.of("ORDER-2003", Money.parse("3999.00"), HUABEI_WITH_PASSWORD, "电视 TV")
                            .withInstallments(new InstallmentPlan(6, FeeBearer.SELLER)));
            terminal.set(context("3.4.0"));
            pay(out, engine, "4. the buyer never confirms (deadline compressed to 5 s)",
                    BarcodePaymentRequest.of("ORDER-2004", Money.parse("45.00"), NEVER_CONFIRMS, "书 book"));

            out.println();
            out.println("the simulator's ledger: " + alipay.ledger().trades().values().stream()
                    .map(t -> t.outTradeNo() + " charged " + t.charged()).toList());
            out.println("every request reached it correctly signed: "
                    + alipay.received().stream().allMatch(SimulatedAlipay.Received::signatureValid));
        }
    }

    private static void pay(PrintStream out, PaymentEngine engine, String title, BarcodePaymentRequest request) {
        out.println();
        out.println(title);
        out.println("    " + request);
        out.println("    => " + describe(engine.pay(request)));
    }

    private static String describe(TradeOutcome o) {
        if (o instanceof TradeOutcome.Paid p) {
            return "PAID " + p.payment().amount() + ", Alipay trade " + p.payment().gatewayTradeNo() + ", funding "
                    + p.payment().fundingSource().channelCode()
                    + (p.payment().fundingSource().credit() ? " (花呗 Huabei" + (p.payment().fundingSource()
                            .installmentPeriods() > 0 ? ", " + p.payment().fundingSource().installmentPeriods()
                            + " installments" : "") + ")" : "")
                    + p.fee().map(f -> ", fee " + f).orElse("") + p.net().map(n -> ", net " + n).orElse("");
        }
        if (o instanceof TradeOutcome.Refused r) {
            StringBuilder sb = new StringBuilder("REFUSED before anything was sent:");
            for (Finding f : r.findings()) {
                sb.append("\n       - ").append(f.cause().code()).append(": ").append(f.message().en())
                        .append("\n         remedy ").append(f.remedy().code()).append(": ").append(f.remedy().text().en());
            }
            return sb.toString();
        }
        if (o instanceof TradeOutcome.Failed f) {
            return "FAILED " + f.error().cause() + " — " + f.error().raw();
        }
        if (o instanceof TradeOutcome.Reversed) {
            return "REVERSED — nothing stays charged";
        }
        return String.valueOf(o);
    }
}
