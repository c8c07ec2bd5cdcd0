package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.fee.FeeRounding;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BillUnavailableException;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.core.reconcile.ReconciliationReport;
import dev.tenderkit.core.reconcile.Reconciler;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.alipay.AlipayTrade;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.transport.http.TransportListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: trades paid, refunded and reversed through the engine, this adapter and the HTTP transport
 * against the simulated Alipay on virtual time; past midnight the day's bill is fetched through
 * {@link AlipayBills} and its entries are exactly the ledger's. Also what the source answers around it.
 */
class AlipayBillsTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final String BUYER = "286543210987654321";
    private static final String SLOW_BUYER = "287777777777777777";
    /** 2026-12-02 09:00 in Beijing. */
    private static final Instant START = Instant.parse("2026-12-02T01:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final FeeRate RATE = FeeRate.parse("0.6%");

    @TempDir
    Path dir;
    private ManualTaskScheduler time;
    private SimulatedAlipay alipay;
    private JournalTransactionStore journal;
    private PaymentEngine engine;
    private AlipayBills bills;
    private final AtomicBoolean expireNextLink = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        time = new ManualTaskScheduler(START);
        alipay = SimulatedAlipay.builder(KEYS).clock(time.clock()).start();
        alipay.script(BUYER, BuyerScript.paysAtOnce());
        alipay.script(SLOW_BUYER, BuyerScript.userPayingFor(Integer.MAX_VALUE));
        journal = JournalTransactionStore.open(dir.resolve("trades.journal"), time.clock());
        AlipayCredentials credentials = AlipayCredentials.builder().appId(alipay.appId())
                .appPrivateKey(KEYS.appPrivateKeyPem()).alipayPublicKey(KEYS.alipayPublicKeyPem()).build();
        GatewayTransport transport = GatewayTransport.builder().readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20)).listener(new TransportListener() {
                    @Override
                    public void responseReceived(String operation, int status, Duration latency) {
                        if (operation.startsWith("alipay.data.") && expireNextLink.getAndSet(false)) {
                            time.advance(Duration.ofSeconds(31));   // the link dies before it is fetched
                        }
                    }
                }).build();
        AlipayGateway gateway = AlipayGateway.builder().credentials(credentials).transport(transport)
                .gatewayUrl(alipay.gatewayUrl()).clock(time.clock())
                .timing(new GatewayTiming(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10),
                        Duration.ofSeconds(60), Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30), 5))
                .build();
        bills = AlipayBills.builder(gateway).tempDirectory(Files.createDirectories(dir.resolve("bills")))
                .merchantPid(alipay.sellerId()).build();
        CapabilityPolicy policy = CapabilityPolicy.builder().version("t").issuedAt(START).maxAge(Duration.ofDays(9))
                .channel(new ChannelProfile("alipay-direct", LocalizedText.of("支付宝直连", "Alipay direct"),
                        LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false))))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN",
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of("alipay-direct"), List.of()));
        engine = PaymentEngine.builder().terminalId("T1")
                .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                .context(() -> context).store(journal).gateway("alipay-direct", gateway).scheduler(time).build();
    }

    @AfterEach
    void stop() {
        journal.close();
        alipay.close();
    }

    private String pay(String order, String amount) {
        CompletableFuture<TradeOutcome> f = engine.payAsync(BarcodePaymentRequest.of(order, Money.parse(amount), BUYER, "咖啡"));
        time.runDueTasks();
        return assertInstanceOf(TradeOutcome.Paid.class, f.getNow(null)).trade().outTradeNo();
    }

    private void refund(String order, String number, String amount) {
        CompletableFuture<RefundOutcome> f = engine.refundAsync(OrderRefund.builder().orderId(order)
                .refundRequestNo(number).amount(Money.parse(amount)).reason("退货").build());
        time.runDueTasks();
        for (int i = 0; i < 10 && !f.isDone(); i++) {
            time.advance(Duration.ofSeconds(2));
        }
        assertInstanceOf(RefundOutcome.Refunded.class, f.getNow(null));
    }

    private static Money fee(Money amount) {
        return RATE.applyTo(amount, FeeRounding.HALF_UP);
    }

    private static BillEntry entry(AlipayTrade t, BillEntryKind kind, Money amount, Optional<String> refundNo,
            long feeFen, Instant at, long line) {
        return new BillEntry(t.outTradeNo(), t.tradeNo(), kind, amount, refundNo, at,
                Optional.of(new BilledFee(feeFen * BilledFee.MILLI_FEN_PER_FEN, Optional.empty())),
                kind == BillEntryKind.PAYMENT ? "交易" : "退款", line);
    }

    private static List<BillEntry> readAll(BillDownload d) {
        BillDownload.Available a = assertInstanceOf(BillDownload.Available.class, d);
        List<BillEntry> out = new ArrayList<>();
        try (var reader = a.reader()) {
            for (Optional<BillEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
                out.add(e.get());
            }
        }
        return out;
    }

    @Test
    void theBillOfADayIsExactlyWhatTheLedgerDidThatDayPaymentsRefundsAndReversals() throws Exception {
        String a = pay("ORD-1", "88.00");                 // 09:00
        Instant paidA = time.now();
        time.advance(Duration.ofMinutes(5));
        String b = pay("ORD-2", "10.01");
        Instant paidB = time.now();
        time.advance(Duration.ofMinutes(5));
        Instant refundedA = time.now();
        refund("ORD-1", "ORD1_R1", "8.00");
        engine.payAsync(BarcodePaymentRequest.of("ORD-3", Money.parse("50.00"),
                SLOW_BUYER, "咖啡"));
        time.runDueTasks();
        String c = engine.tradeForOrder("ORD-3").orElseThrow().outTradeNo();
        time.advance(Duration.ofSeconds(5));
        assertTrue(alipay.buyerConfirms(c), "she pays in the app as the cashier gives up");
        Instant paidC = time.now();
        CompletableFuture<TradeOutcome> cancelled = engine.cancel("ORD-3");
        time.runDueTasks();
        Instant reversedC = time.now();
        assertInstanceOf(TradeOutcome.Reversed.class, cancelled.getNow(null));
        assertEquals(Money.ZERO, alipay.ledger().trade(c).orElseThrow().charged(), "reversed with her money back");
        time.advance(Duration.ofHours(15).minus(Duration.ofMinutes(10)));   // 23:5x: then past midnight
        time.advance(Duration.ofMinutes(10));
        String d = pay("ORD-4", "5.00");                  // the next day: not on this bill
        refund("ORD-2", "ORD2_R1", "10.01");            // nor this refund

        time.advance(Duration.ofHours(10));               // 10:0x on the 3rd in Beijing
        List<BillEntry> entries = readAll(bills.download(DAY));

        AlipayTrade ta = alipay.ledger().trade(a).orElseThrow();
        AlipayTrade tb = alipay.ledger().trade(b).orElseThrow();
        AlipayTrade tc = alipay.ledger().trade(c).orElseThrow();
        assertEquals(List.of(
                entry(ta, BillEntryKind.PAYMENT, Money.parse("88.00"), Optional.empty(), 53, paidA, 6),
                entry(tb, BillEntryKind.PAYMENT, Money.parse("10.01"), Optional.empty(), 6, paidB, 7),
                entry(ta, BillEntryKind.REFUND, Money.parse("8.00"), Optional.of("ORD1_R1"), -5, refundedA, 8),
                entry(tc, BillEntryKind.PAYMENT, Money.parse("50.00"), Optional.empty(), 30, paidC, 9),
                entry(tc, BillEntryKind.REFUND, Money.parse("50.00"), Optional.empty(), -30, reversedC, 10)), entries);
        assertEquals(fee(Money.parse("88.00")).fen(), 53);
        assertEquals(Set.of(a, b, c), Set.copyOf(entries.stream().map(BillEntry::outTradeNo).toList()));
        assertTrue(alipay.ledger().trade(d).isPresent());
        try (var files = Files.list(dir.resolve("bills"))) {
            assertEquals(0, files.count(), "the temporary file is gone once the reader is closed");
        }
    }

    @Test
    void aDayThatHasNotEndedIsNotReadyWithoutACallAndAnEmptyDayIsNoTradesOnlyOnceBillsAreMade() {
        assertInstanceOf(BillDownload.NotReady.class, bills.download(DAY));
        assertInstanceOf(BillDownload.NotReady.class, bills.download(DAY.plusDays(3)));
        assertEquals(List.of(), alipay.received(), "no call for a day that has not ended");
        time.advance(Duration.ofHours(16));               // 01:00 on the 3rd
        BillDownload early = bills.download(DAY);
        assertEquals("isp.bill_not_exist", assertInstanceOf(BillDownload.NotReady.class, early).walletCode(),
                "before 10:00 'no bill' may be 'not made yet'");
        time.advance(Duration.ofHours(9));
        assertEquals("isp.bill_not_exist", assertInstanceOf(BillDownload.NoTrades.class, bills.download(DAY)).walletCode());
    }

    @Test
    void anExpiredLinkOrABadAnswerIsUnavailableAndLeavesNoFile() throws Exception {
        pay("ORD-1", "1.00");
        time.advance(Duration.ofDays(1));
        expireNextLink.set(true);
        BillUnavailableException expired = assertThrows(BillUnavailableException.class, () -> bills.download(DAY));
        assertTrue(expired.getMessage().contains("下载超时"), expired.getMessage());
        alipay.failNext("alipay.data.dataservice.bill.downloadurl.query",
                dev.tenderkit.testkit.alipay.Fault.badSignature());
        assertThrows(BillUnavailableException.class, () -> bills.download(DAY), "an unverified answer is believed in nothing");
        assertEquals(1, readAll(bills.download(DAY)).size(), "asked again, it comes");
        try (var files = Files.list(dir.resolve("bills"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void theSimulatorsScriptedDivergencesReachTheEntries() {
        String a = pay("ORD-1", "100.00");
        String b = pay("ORD-2", "20.00");
        refund("ORD-2", "ORD2_R1", "5.00");
        engine.payAsync(BarcodePaymentRequest.of("ORD-3", Money.parse("30.00"), SLOW_BUYER, "咖啡"));
        time.runDueTasks();
        String c = engine.tradeForOrder("ORD-3").orElseThrow().outTradeNo();
        assertTrue(alipay.buyerConfirms(c));
        engine.cancel("ORD-3");
        time.runDueTasks();
        alipay.bills().chargeUnseen("GHOST_1", Money.parse("12.00"));
        alipay.bills().hideReversal(c).serviceFeeRate(a, FeeRate.parse("1%")).stateRefundAs("ORD2_R1", Money.parse("6.00"));
        time.advance(Duration.ofDays(1).plusHours(1));

        List<BillEntry> entries = readAll(bills.download(DAY));
        assertEquals(List.of(a, b, b, c, "GHOST_1"), entries.stream().map(BillEntry::outTradeNo).toList(),
                "the reversal of " + c + " is not on the bill; the unseen charge is");
        assertEquals(100_000, entries.get(0).fee().orElseThrow().milliFen(), "1% charged instead of 0.6%");
        assertEquals(Money.parse("6.00"), entries.get(2).amount(), "the refund stated at 6.00, 5.00 refunded");
        assertEquals(AlipayTrade.Status.TRADE_CLOSED, alipay.ledger().trade(c).orElseThrow().status());
    }

    @Test
    void theReconcilerFindsExactlyTheScriptedDivergencesInABillReadThroughThisSource() {
        String a = pay("ORD-1", "100.00");
        pay("ORD-2", "20.00");
        refund("ORD-2", "ORD2_R1", "5.00");
        pay("ORD-4", "7.00");
        engine.payAsync(BarcodePaymentRequest.of("ORD-3", Money.parse("30.00"), SLOW_BUYER, "咖啡"));
        time.runDueTasks();
        String c = engine.tradeForOrder("ORD-3").orElseThrow().outTradeNo();
        assertTrue(alipay.buyerConfirms(c));
        engine.cancel("ORD-3");
        time.runDueTasks();
        alipay.bills().chargeUnseen("GHOST_1", Money.parse("12.00"));
        alipay.bills().hideReversal(c).stateRefundAs("ORD2_R1", Money.parse("6.00"));
        time.advance(Duration.ofDays(1).plusHours(1));

        ReconciliationReport report = Reconciler.builder(journal).build().reconcile("alipay", bills.download(DAY),
                List.of());
        assertEquals(List.of("CHARGED_ON_BILL_NOT_HERE GHOST_1", "KEPT_ON_BILL_NOT_PAID_HERE " + c,
                "REFUND_AMOUNT_DIFFERS " + engine.tradeForOrder("ORD-2").orElseThrow().outTradeNo()),
                report.discrepancies().stream().map(x -> x.kind() + " " + x.outTradeNo()).sorted().toList(),
                report.summary());
        assertEquals(3, report.matchedPayments(), "ORD-1, ORD-2 and ORD-4 agree: " + report.summary());
        assertTrue(report.discrepancies().stream().noneMatch(x -> x.outTradeNo().equals(a)));
    }
}
