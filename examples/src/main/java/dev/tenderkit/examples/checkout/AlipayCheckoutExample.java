package dev.tenderkit.examples.checkout;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityPolicyReader;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.fee.FeeScheduleReader;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.QrTicket;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.examples.ExampleInput;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The main example: a checkout over HTTP — the payment engine, the Alipay adapter and the HTTP
 * transport against the testkit's simulated Alipay, a real server on loopback with its own signing
 * and freshly generated keys (no network, no real keys). Seven Alipay trades: paid at once; Huabei in 6
 * installments, the buyer entering a password first; the same refused by the doctor on an older
 * terminal; Huabei installments refused by Alipay because the merchant never signed them, and the
 * doctor's explanation once the merchant's record says so; a QR code paid by scanning; a partial
 * refund; a buyer who never confirms, reversed at the deadline. Then the same engine takes WeChat
 * Pay codes through the WeChat adapter against the simulated WeChat Pay ({@link WeChatLane}). The
 * polling timing keeps each wallet's shape but is compressed (a 5-second deadline instead of 60 or
 * 45) so the demo is quick.
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

    private static CheckoutContext context(String softwareVersion, boolean installmentsSigned) {
        return context(softwareVersion, installmentsSigned, true);
    }

    private static CheckoutContext context(String softwareVersion, boolean installmentsSigned, boolean wechatContract) {
        List<Qualification> qualifications = installmentsSigned
                ? List.of(Qualification.approved("alipay-direct", "huabei"),
                        Qualification.approved("alipay-direct", "huabei_installment"))
                : List.of(Qualification.approved("alipay-direct", "huabei"));
        return CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN-P2P-0001",
                SoftwareVersion.parse(softwareVersion), EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI),
                Set.of("channel.merchant_no", "channel.terminal_no", "alipay.huabei.enabled",
                        "alipay.huabei.installment.enabled")),
                new MerchantProfile("M1001", "示例便利店 Sample Convenience Store", "5411", wechatContract
                        ? List.of("alipay-direct", "wechat-direct") : List.of("alipay-direct"), qualifications));
    }

    /** Runs the twelve trades (seven Alipay, five WeChat Pay) with the journal in {@code dir}. */
    static void run(PrintStream out, Path dir) {
        Clock clock = Clock.systemUTC();
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        SimulatedWeChatPayKeys wechatKeys = SimulatedWeChatPayKeys.generate();
        CapabilityPolicy policy = ExampleInput.load(null, "/samples/capability-policy.sample.json",
                new CapabilityPolicyReader(PaymentMethods.standardRegistry())::read);
        AtomicReference<CheckoutContext> terminal = new AtomicReference<>(context("3.4.0", true));
        try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).appId("2021000000000001").start();
                SimulatedWeChatPay wechat = WeChatLane.start(wechatKeys);
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
                    // Alipay's shape, compressed so the demo's buyer who never confirms is reversed in 5 s
                    .timing(GatewayTiming.builder().firstQueryAfter(Duration.ofMillis(300))
                            .queryBackoff(Duration.ofMillis(300), 1.5, Duration.ofSeconds(1))
                            .buyerDeadline(Duration.ofSeconds(5))
                            .reversalBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(2)).build())
                    .build();
            long start = System.nanoTime();
            CapabilityResolver resolver = CapabilityResolver.builder().policy(policy).clock(clock).build();
            PaymentEngine engine = PaymentEngine.builder().terminalId("T0001")
                    .resolver(resolver)
                    .context(terminal::get).store(journal).gateway("alipay-direct", gateway)
                    .gateway("wechat-direct", WeChatLane.gateway(wechat, wechatKeys))
                    .feeSchedule(ExampleInput.load(null, "/samples/fee-schedule.sample.json",
                            new FeeScheduleReader(PaymentMethods.standardRegistry())::read))
                    .scheduler(scheduler)
                    .listener(new TradeListener() {
                        @Override
                        public void onTradeChanged(TradeRecord t) {
                            out.printf("    %6d ms  %s%s%n", (System.nanoTime() - start) / 1_000_000, t.state(),
                                    t.refunded().isPositive() ? ", refunded " + t.refunded() : "");
                        }
                    }).build();

            out.println("TenderKit checkout — engine + Alipay and WeChat Pay adapters + OkHttp transport against the"
                    + " simulated Alipay");
            out.println("at " + alipay.gatewayUrl() + " and the simulated WeChat Pay (loopback, generated keys, SAMPLE"
                    + " policy and fees; no network)");

            TradeOutcome coffee = pay(out, engine, "1. paid at once", BarcodePaymentRequest.of("ORDER-2001",
                    Money.parse("88.00"), PAYS_AT_ONCE, "咖啡 coffee"));
            pay(out, engine, "2. Huabei in 6 installments (seller pays the fee); the buyer enters a password first",
                    tv("ORDER-2002"));

            terminal.set(context("3.1.4", true));
            pay(out, engine, "3. the same on a terminal whose software is 3.1.4 — the doctor refuses before sending",
                    tv("ORDER-2003"));
            terminal.set(context("3.4.0", true));

            alipay.huabeiSigned(false);
            TradeOutcome refusedByAlipay = pay(out, engine, "4. the merchant's record says Huabei installments are"
                    + " approved, but the merchant never signed them with Alipay", tv("ORDER-2004"));
            if (refusedByAlipay instanceof TradeOutcome.Failed f
                    && f.error().cause() == Cause.MERCHANT_QUALIFICATION_MISSING) {
                out.println("    the merchant's record is corrected to what Alipay said; the doctor now explains:");
                terminal.set(context("3.4.0", false));
                explain(out, resolver.resolve(terminal.get(), PaymentMethods.HUABEI_INSTALLMENT_6,
                        Money.parse("3999.00")));
            }

            out.println();
            out.println("5. a QR code (alipay.trade.precreate) the buyer scans and pays");
            QrTicket qr = engine.startQr(new QrPaymentRequest("ORDER-2005", Money.parse("25.00"), "面包 bread",
                    PaymentMethods.ALIPAY, Duration.ofMinutes(5), Optional.empty()));
            out.println("    show the buyer: " + qr.qrCode().join());
            alipay.buyerScansQr(qr.outTradeNo().orElseThrow(), false);
            out.println("    => " + describe(qr.outcome().join()));

            out.println();
            out.println("6. refund 20.00 of the coffee");
            if (coffee instanceof TradeOutcome.Paid p) {
                RefundOutcome refund = engine.refundAsync(OrderRefund.builder().orderId(p.trade().orderId())
                        .refundRequestNo("R1").amount(Money.parse("20.00")).reason("少找零 wrong change").build()).join();
                out.println("    => " + (refund instanceof RefundOutcome.Refunded r ? "REFUNDED " + r.refund().amount()
                        : refund instanceof RefundOutcome.Failed f ? "refund FAILED " + f.error()
                        : refund instanceof RefundOutcome.Refused no ? "refund REFUSED before sending: " + no.reason()
                        : "refund UNRESOLVED, flagged for a person: "
                                + refund.record().flatMap(RefundRecord::attention).orElse("")));
            }

            terminal.set(context("3.4.0", true));
            pay(out, engine, "7. the buyer never confirms (deadline compressed to 5 s)",
                    BarcodePaymentRequest.of("ORDER-2007", Money.parse("45.00"), NEVER_CONFIRMS, "书 book"));

            WeChatLane.run(out, engine, wechat, terminal, c -> context("3.4.0", true, false));

            out.println();
            out.println("the simulated Alipay's ledger: " + alipay.ledger().trades().values().stream()
                    .map(t -> t.outTradeNo() + " " + t.status() + " " + t.totalAmount() + (t.refunded().isPositive()
                            ? ", refunded " + t.refunded() : "") + ", holds " + t.charged()).toList());
            out.println("every request reached it correctly signed: "
                    + alipay.received().stream().allMatch(SimulatedAlipay.Received::signatureValid));
        }
    }

    private static BarcodePaymentRequest tv(String orderId) {
        return BarcodePaymentRequest.of(orderId, Money.parse("3999.00"), HUABEI_WITH_PASSWORD, "电视 TV")
                .withInstallments(new InstallmentPlan(6, FeeBearer.SELLER));
    }

    private static void explain(PrintStream out, CapabilityVerdict verdict) {
        for (Finding f : verdict.blockingFindings()) {
            out.println("       - " + f.cause().code() + f.channelId().map(c -> " on channel " + c).orElse(""));
            out.println("         " + f.message().zh());
            out.println("         " + f.message().en());
            out.println("         remedy " + f.remedy().code() + ": " + f.remedy().text().zh());
            out.println("           " + f.remedy().text().en());
        }
    }

    static TradeOutcome pay(PrintStream out, PaymentEngine engine, String title, BarcodePaymentRequest request) {
        out.println();
        out.println(title);
        out.println("    " + request);
        TradeOutcome outcome = engine.pay(request);
        out.println("    => " + describe(outcome));
        return outcome;
    }

    private static String describe(TradeOutcome o) {
        if (o instanceof TradeOutcome.Paid p) {
            return "PAID " + p.payment().amount() + ", wallet trade " + p.payment().gatewayTradeNo() + ", funding "
                    + p.payment().fundingSource().channelCode()
                    + (p.payment().fundingSource().credit() ? " (花呗 Huabei" + (p.payment().fundingSource()
                            .installmentPeriods() > 0 ? ", " + p.payment().fundingSource().installmentPeriods()
                            + " installments" : "") + ")" : "")
                    + p.fee().map(f -> ", fee " + f).orElse("") + p.net().map(n -> ", net " + n).orElse("");
        }
        if (o instanceof TradeOutcome.Refused r) {
            StringBuilder sb = new StringBuilder("REFUSED before anything was sent:");
            for (Finding f : r.findings()) {
                sb.append("\n       - ").append(f.cause().code()).append(": ").append(f.message().zh())
                        .append("\n         ").append(f.message().en())
                        .append("\n         remedy ").append(f.remedy().code()).append(": ").append(f.remedy().text().zh())
                        .append("\n           ").append(f.remedy().text().en());
            }
            return sb.toString();
        }
        if (o instanceof TradeOutcome.Failed f) {
            return "FAILED " + f.error().cause() + " (the wallet said " + f.error().raw() + "); nothing was charged";
        }
        if (o instanceof TradeOutcome.Reversed) {
            return "REVERSED — nothing stays charged";
        }
        return String.valueOf(o);
    }
}
