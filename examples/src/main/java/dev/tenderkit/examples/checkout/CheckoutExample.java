package dev.tenderkit.examples.checkout;

import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityPolicyReader;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.FeeScheduleReader;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.examples.ExampleInput;
import dev.tenderkit.testkit.InMemoryWallet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checkout: five trades through the payment engine on the embedded defaults — an in-memory
 * wallet (no network, no keys), the bundled SAMPLE policy and fee schedule, a journal in a
 * temporary directory, and virtual time so a 60-second wait takes no time — each trade's journey
 * printed as the journal records it (times are seconds since the trade began):
 *
 * <ol>
 *   <li>paid at once;</li>
 *   <li>the buyer enters a password ("user paying"), then pays with Huabei;</li>
 *   <li>Huabei in 6 installments refused before anything is sent, with the doctor's explanation;</li>
 *   <li>the buyer never confirms: reversed right after the last query at the deadline;</li>
 *   <li>the terminal loses power after the wallet charged but before the answer arrived; on restart
 *       {@code recover()} finds the payment and records it.</li>
 * </ol>
 */
public final class CheckoutExample {
    static final Instant START = Instant.parse("2026-11-25T02:00:00Z");   // 10:00 in China
    static final String PAYS_AT_ONCE = "281234567890123456";
    static final String ENTERS_PASSWORD = "281111111111111111";
    static final String NEVER_CONFIRMS = "282222222222222222";

    private final PrintStream out;
    private final Path journalFile;
    private final CapabilityResolver resolver;
    private final FeeSchedule fees;
    private final AtomicReference<CheckoutContext> terminal = new AtomicReference<>();
    private ManualTaskScheduler time;
    private InMemoryWallet wallet;
    private JournalTransactionStore journal;
    private PaymentEngine engine;

    private CheckoutExample(PrintStream out, Path dir) {
        this.out = out;
        this.journalFile = dir.resolve("trades.journal");
        this.time = new ManualTaskScheduler(START);
        CapabilityPolicy policy = ExampleInput.load(null, "/samples/capability-policy.sample.json",
                new CapabilityPolicyReader(PaymentMethods.standardRegistry())::read);
        this.resolver = CapabilityResolver.builder().policy(policy).clock(time.clock()).build();
        this.fees = ExampleInput.load(null, "/samples/fee-schedule.sample.json",
                new FeeScheduleReader(PaymentMethods.standardRegistry())::read);
        this.wallet = new InMemoryWallet("alipay-sim", time.clock())
                .paysAfterQueries(ENTERS_PASSWORD, 2)
                .neverPays(NEVER_CONFIRMS);
        terminal.set(context("3.4.0"));
    }

    /** @param args none */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("tenderkit-checkout");
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

    /** Runs the five trades with the journal in {@code dir}. */
    static void run(PrintStream out, Path dir) {
        new CheckoutExample(out, dir).run();
    }

    private static CheckoutContext context(String softwareVersion) {
        return CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN-P2P-0001",
                SoftwareVersion.parse(softwareVersion), EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI),
                Set.of("channel.merchant_no", "channel.terminal_no", "alipay.huabei.enabled",
                        "alipay.huabei.installment.enabled")),
                new MerchantProfile("M1001", "示例便利店 Sample Convenience Store", "5411", List.of("lakala"),
                        List.of(Qualification.approved("lakala", "huabei"),
                                Qualification.approved("lakala", "huabei_installment"))));
    }

    private void startEngine() {
        journal = JournalTransactionStore.open(journalFile, time.clock());
        engine = PaymentEngine.builder().terminalId("T0001").resolver(resolver).context(terminal::get)
                .store(journal).gateway("lakala", wallet).feeSchedule(fees)
                .scheduler(time).listener(new Journey()).build();
    }

    /** Prints every journaled change, as the cashier screen would show it. */
    private final class Journey implements TradeListener {
        @Override
        public void onTradeChanged(TradeRecord t) {
            out.printf("    %6.1f s  %-15s %s%n", Duration.between(t.createdAt(), time.now()).toMillis() / 1000.0,
                    t.state(), t.lastProblem().filter(p -> t.state() != dev.tenderkit.core.payment.TradeState.PAID)
                            .map(p -> "(no verified answer: " + p + ")").orElse(switch (t.state()) {
                                case CREATED -> "intent journaled before anything is sent";
                                case AWAITING_BUYER -> "等待买家确认 waiting for the buyer to confirm";
                                case REVERSING -> "not paid by the deadline: reversing";
                                default -> "";
                            }));
        }

        @Override
        public void onAttentionNeeded(TradeRecord t) {
            out.println("    !! needs a person: " + t.attention().orElse(""));
        }
    }

    private void run() {
        out.println("TenderKit checkout — five trades on the embedded defaults");
        out.println("(in-memory wallet, SAMPLE policy and fee schedule, virtual time; no network, no keys)");
        startEngine();

        trade("1. paid at once", BarcodePaymentRequest.of("ORDER-1001", Money.parse("88.00"), PAYS_AT_ONCE, "咖啡 coffee"));

        wallet.funding(new FundingSource("PCREDIT", true, 0));
        trade("2. the buyer enters a password, then pays with Huabei",
                BarcodePaymentRequest.of("ORDER-1002", Money.parse("268.00"), ENTERS_PASSWORD, "鞋 shoes"));
        wallet.funding(new FundingSource("ALIPAYACCOUNT", false, 0));

        terminal.set(context("3.1.4"));
        out.println();
        out.println("3. Huabei in 6 installments on a terminal whose software is 3.1.4");
        trade(null, BarcodePaymentRequest.of("ORDER-1003", Money.parse("3999.00"), PAYS_AT_ONCE, "电视 TV")
                .withInstallments(new InstallmentPlan(6, FeeBearer.SELLER)));
        terminal.set(context("3.4.0"));

        trade("4. the buyer never confirms", BarcodePaymentRequest.of("ORDER-1004", Money.parse("45.00"),
                NEVER_CONFIRMS, "书 book"));

        out.println();
        out.println("5. power lost after the wallet charged, before its answer arrived");
        wallet.failAt(wallet.calls().size(), InMemoryWallet.Fault.TIMEOUT_AFTER_APPLY);
        CompletableFuture<TradeOutcome> lost = engine.payAsync(BarcodePaymentRequest.of("ORDER-1005",
                Money.parse("19.90"), PAYS_AT_ONCE, "面包 bread"));
        time.advance(Duration.ZERO);
        out.println("    -- power cut: the engine and its pending steps are gone (the answer was lost: "
                + (lost.isDone() ? "done" : "outcome unknown") + ")");
        journal.close();
        time = new ManualTaskScheduler(time.now().plusSeconds(30));
        startEngine();
        out.println("    -- restart 30 s later; recover():");
        CompletableFuture<RecoveryReport> recovery = engine.recover();
        time.advance(Duration.ofMinutes(2));
        RecoveryReport report = recovery.join();
        report.trades().forEach(o -> out.println("    => " + describe(o)));

        out.println();
        out.println("today's transactions, from the journal:");
        for (TradeRecord t : engine.trades(java.time.LocalDate.of(2026, 11, 25))) {
            out.printf("  %-10s %-24s %8s  %-9s %s%n", t.orderId(), t.outTradeNo(), t.amount(), t.state(),
                    t.payment().map(p -> p.fundingSource().channelCode()).orElse("")
                            + t.fee().map(f -> "  fee " + f).orElse(""));
        }
        out.println("wallet ledger agrees: " + wallet.ledger().values().stream()
                .map(e -> e.outTradeNo() + " " + e.status() + " charged " + e.charged()).toList());
        journal.close();
    }

    private void trade(String title, BarcodePaymentRequest request) {
        if (title != null) {
            out.println();
            out.println(title);
        }
        out.println("    " + request);
        CompletableFuture<TradeOutcome> outcome = engine.payAsync(request);
        time.advance(Duration.ofMinutes(2));
        out.println("    => " + describe(outcome.join()));
    }

    private static String describe(TradeOutcome o) {
        if (o instanceof TradeOutcome.Paid p) {
            return "PAID " + p.payment().amount() + " trade " + p.payment().gatewayTradeNo() + ", funding "
                    + p.payment().fundingSource().channelCode() + (p.payment().fundingSource().credit() ? " (花呗 Huabei)" : "")
                    + p.fee().map(f -> ", fee " + f).orElse("") + p.net().map(n -> ", net " + n).orElse("");
        }
        if (o instanceof TradeOutcome.Failed f) {
            return "FAILED " + f.error().cause() + (f.error().isBuyerSide() ? " (buyer side)" : "") + " — "
                    + f.error().raw();
        }
        if (o instanceof TradeOutcome.Reversed r) {
            return "REVERSED — nothing stays charged";
        }
        if (o instanceof TradeOutcome.Refused r) {
            StringBuilder sb = new StringBuilder("REFUSED before anything was sent:");
            for (Finding f : r.findings()) {
                sb.append("\n       - ").append(f.cause().code()).append(": ").append(f.message().en())
                        .append("\n         remedy ").append(f.remedy().code()).append(": ").append(f.remedy().text().en());
            }
            return sb.toString();
        }
        if (o instanceof TradeOutcome.Unresolved u) {
            return "UNRESOLVED — flagged for a person: " + u.trade().attention().orElse("");
        }
        return String.valueOf(o);
    }
}
