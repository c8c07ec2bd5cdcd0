package dev.tenderkit.examples.endofday;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.fee.ChannelFeeSchedule;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.FeeScheduleVersion;
import dev.tenderkit.core.fee.MethodFees;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.reconcile.BillSource;
import dev.tenderkit.core.reconcile.Discrepancy;
import dev.tenderkit.core.reconcile.FeeDiscrepancy;
import dev.tenderkit.core.reconcile.ReconciliationReport;
import dev.tenderkit.core.reconcile.Reconciler;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.alipay.BuyerScript;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * End of day: a business day at a convenience store that takes Alipay and WeChat Pay, against both simulated
 * wallets on one virtual clock, each scripted to diverge from the till — a charge the till never saw, a reversal
 * the wallet did not apply, a fee above the contract's rate. After midnight each wallet's bill is downloaded
 * (Alipay's zip of GBK CSV; WeChat Pay's back-ticked CSV, checked against its SHA-1), reconciled against the
 * journal, its fees audited against the contract, and the findings printed with what to do.
 */
public final class EndOfDayExample {
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final String ALIPAY_PAYS = "281234567890123456";
    static final String ALIPAY_AT_PASSWORD = "281111111111111111";
    static final String WECHAT_PAYS = "134567890123456789";
    static final String WECHAT_NEVER = "132222222222222222";
    /** The merchant's contract with both wallets: 0.60%, as the simulators charge unless scripted otherwise. */
    static final FeeRate CONTRACT = FeeRate.parse("0.60%");
    static final FeeRate OVERCHARGED = FeeRate.parse("1.00%");

    private final PrintStream out;
    private final ManualTaskScheduler time;
    private final Wallets wallets;
    private final JournalTransactionStore journal;
    private final PaymentEngine engine;

    private EndOfDayExample(PrintStream out, Path dir, ManualTaskScheduler time) throws IOException {
        this.out = out;
        this.time = time;
        this.wallets = new Wallets(time, Files.createDirectories(dir.resolve("bills")));
        this.journal = JournalTransactionStore.open(dir.resolve("trades.journal"), time.clock());
        this.engine = PaymentEngine.builder().terminalId("T0001")
                .resolver(CapabilityResolver.builder().policy(policy(time)).serviceLoader(false).build())
                .context(EndOfDayExample::context).store(journal)
                .gateway("alipay-direct", wallets.alipayGateway).gateway("wechat-direct", wallets.wechatGateway)
                .scheduler(time).build();
    }

    /** @param args none */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("tenderkit-endofday");
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

    /** Runs the day and its reconciliation with the journal and the bills' temporary files in {@code dir}. */
    static void run(PrintStream out, Path dir) throws IOException {
        ManualTaskScheduler time = new ManualTaskScheduler(OffsetDateTime.parse("2026-12-02T09:00:00+08:00")
                .toInstant());
        EndOfDayExample example = new EndOfDayExample(out, dir, time);
        try {
            example.day();
            example.reconcile("Alipay", example.wallets.alipayBills);
            example.reconcile("WeChat Pay", example.wallets.wechatBills);
        } finally {
            example.journal.close();
            example.wallets.close();
        }
    }

    private void day() {
        out.println("TenderKit end of day — " + DAY + " at store M1001, against the simulated Alipay and WeChat Pay");
        out.println("(one virtual clock; the wallets are scripted to diverge from the till)");
        wallets.alipay.script(ALIPAY_PAYS, BuyerScript.paysAtOnce());
        wallets.alipay.script(ALIPAY_AT_PASSWORD, BuyerScript.userPayingFor(Integer.MAX_VALUE));
        wallets.wechat.script(WECHAT_NEVER, dev.tenderkit.testkit.wechat.BuyerScript.neverPays());

        String a1 = pay("A-1001", "88.00", ALIPAY_PAYS, "咖啡 coffee");
        String a2 = pay("A-1002", "120.00", ALIPAY_PAYS, "鞋垫 insoles");
        wallets.alipay.bills().serviceFeeRate(a2, OVERCHARGED);
        refund("A-1001", "A1001_R1", "20.00");
        String a3 = payThenCancelAfterTheBuyerPaid("A-1003", "45.00");
        wallets.alipay.bills().hideReversal(a3);
        wallets.alipay.bills().chargeUnseen("ZZ_UNSEEN_0001", Money.parse("35.00"));

        String w1 = pay("W-2001", "32.00", WECHAT_PAYS, "奶茶 milk tea");
        String w2 = pay("W-2002", "1299.00", WECHAT_PAYS, "耳机 headphones");
        wallets.wechat.bills().chargeFeeRate(w2, OVERCHARGED);
        String w3 = pay("W-2003", "58.00", WECHAT_NEVER, "雨伞 umbrella");
        wallets.wechat.bills().keepPaidOnBill(w3);
        wallets.wechat.bills().chargeTheTillNeverSaw("ZZ_UNSEEN_0002", Money.parse("66.00"));
        out.println("  scripted: " + a2 + " and " + w2 + " billed at " + OVERCHARGED.toPercentString() + " (contract "
                + CONTRACT.toPercentString() + "); " + a3 + " and " + w3 + " reversed here, kept on the bill; "
                + "ZZ_UNSEEN_0001 and ZZ_UNSEEN_0002 charged by the wallets, never sent by the till");
        out.println("  the till's day: " + List.of(a1, a2, a3, w1, w2, w3).size() + " trades, 1 refund");

        // past midnight in Beijing, and past the hour the wallets publish the previous day's bills
        time.advance(Duration.between(time.now(), OffsetDateTime.parse("2026-12-03T10:30:00+08:00").toInstant()));
    }

    private String pay(String order, String amount, String code, String subject) {
        CompletableFuture<?> f = engine.payAsync(BarcodePaymentRequest.of(order, Money.parse(amount), code, subject));
        settle(f);
        String no = engine.tradeForOrder(order).orElseThrow().outTradeNo();
        out.printf("  %-7s %8s  %-22s %s%n", order, amount, no, engine.tradeForOrder(order).orElseThrow().state());
        time.advance(Duration.ofMinutes(7));
        return no;
    }

    private void refund(String order, String number, String amount) {
        settle(engine.refundAsync(OrderRefund.builder().orderId(order).refundRequestNo(number)
                .amount(Money.parse(amount)).reason("退货 returned").build()));
        out.printf("  %-7s %8s  refund %s%n", order, "-" + amount, number);
        time.advance(Duration.ofMinutes(7));
    }

    /** The buyer confirms in her app while the cashier, tired of waiting, cancels: the reversal returns the money. */
    private String payThenCancelAfterTheBuyerPaid(String order, String amount) {
        CompletableFuture<?> pay = engine.payAsync(BarcodePaymentRequest.of(order, Money.parse(amount),
                ALIPAY_AT_PASSWORD, "雨衣 raincoat"));
        time.runDueTasks();
        String no = engine.tradeForOrder(order).orElseThrow().outTradeNo();
        wallets.alipay.buyerConfirms(no);
        settle(engine.cancel(order));
        settle(pay);
        out.printf("  %-7s %8s  %-22s %s (the buyer had paid: the reversal refunded her)%n", order, amount, no,
                engine.tradeForOrder(order).orElseThrow().state());
        time.advance(Duration.ofMinutes(7));
        return no;
    }

    /** Runs the virtual clock until the future is done: the engine's polls and deadlines are on it. */
    private void settle(CompletableFuture<?> f) {
        time.runDueTasks();
        for (int i = 0; i < 600 && !f.isDone(); i++) {
            time.advance(Duration.ofSeconds(1));
        }
        f.join();
    }

    private void reconcile(String wallet, BillSource bills) throws IOException {
        out.println();
        out.println(wallet + ": the bill of " + DAY + " downloaded and reconciled against the journal");
        Reconciler reconciler = Reconciler.builder(journal).feeAudit(contract()).build();
        ReconciliationReport report = reconciler.reconcile(bills.gatewayId(), bills.download(DAY), List.of());
        report.summary().lines().forEach(l -> out.println("  " + l));
        for (Discrepancy d : report.discrepancies()) {
            out.printf("  - %-26s %-22s ours %-14s theirs %-14s → %s%n    %s%n", d.kind(), d.outTradeNo(),
                    d.ours().map(Money::toPlainString).orElse("-") + " " + d.ourState().orElse(""),
                    d.theirs().map(Money::toPlainString).orElse("-") + " " + d.theirState().orElse(""), d.action(),
                    d.explanation());
        }
        for (FeeDiscrepancy f : report.feeAudit().orElseThrow().discrepancies()) {
            out.printf("  - FEE %s: %s on %s, contract %s = %s, billed %s (%s) → DISPUTE_FEE%n", f.outTradeNo(),
                    f.methodId(), f.amount().toPlainString(), f.contractedRate().toPercentString(),
                    f.contractedFee().toPlainString(), f.billedFee().toYuanString(),
                    f.billedRate().map(FeeRate::toPercentString).orElse("no rate stated"));
        }
        StringWriter csv = new StringWriter();
        report.writeCsv(csv);
        out.println("  the report as CSV has " + csv.toString().lines().count() + " lines (writeCsv), as JSON "
                + "tenderkit.reconciliation/1 (writeJson)");
    }

    private static FeeSchedule contract() {
        return FeeSchedule.builder("M1001-contract-2026").channel(channelFees("alipay-direct", PaymentMethods.ALIPAY))
                .channel(channelFees("wechat-direct", PaymentMethods.WECHAT_PAY)).build();
    }

    private static ChannelFeeSchedule channelFees(String channel, PaymentMethod method) {
        return new ChannelFeeSchedule(channel, List.of(FeeScheduleVersion.builder(channel + "-2026",
                LocalDate.of(2026, 1, 1)).add(MethodFees.builder(method, CONTRACT).build()).build()));
    }

    private static CapabilityPolicy policy(ManualTaskScheduler time) {
        return CapabilityPolicy.builder().version("endofday").issuedAt(time.now()).maxAge(Duration.ofDays(30))
                .channel(new ChannelProfile("alipay-direct", LocalizedText.of("支付宝直连", "Alipay direct"),
                        LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false))))
                .channel(new ChannelProfile("wechat-direct", LocalizedText.of("微信支付直连", "WeChat Pay direct"),
                        LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.WECHAT_PAY, false))))
                .build();
    }

    private static CheckoutContext context() {
        return CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN-P2P-0001", SoftwareVersion.parse("3.4.0"),
                EnumSet.allOf(Peripheral.class), Set.of(), Set.of()), new MerchantProfile("M1001",
                "示例便利店 Sample Convenience Store", "5411", List.of("alipay-direct", "wechat-direct"), List.of()));
    }
}
