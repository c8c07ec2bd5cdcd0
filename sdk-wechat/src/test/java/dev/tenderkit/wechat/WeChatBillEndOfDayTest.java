package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.wechat.BuyerScript;
import dev.tenderkit.testkit.wechat.WeChatLedger;
import dev.tenderkit.testkit.wechat.WeChatRefund;
import dev.tenderkit.testkit.wechat.WeChatTrade;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day of trades through the payment engine and the WeChat Pay gateway against the simulator: paid, refunded,
 * reversed after the buyer paid, reversed before; then past midnight (UTC+8) on the simulator's clock the bill
 * is downloaded through WeChatPayBills and its entries are exactly the ledger's. With the simulator scripted
 * to diverge, the bill shows each divergence as scripted.
 */
class WeChatBillEndOfDayTest {
    private static final String PAYS = "134567890123456789";
    private static final String PIN = "134567890123456790";
    private static final String NEVER = "134567890123456791";

    /** A bill entry's fields that reconciliation compares, as text to compare lists of. */
    private static String key(BillEntry e) {
        return e.kind() + " " + e.outTradeNo() + " " + e.walletTradeNo() + " " + e.amount() + " "
                + e.refundRequestNo().orElse("-") + " " + e.fee().orElseThrow().milliFen() + " " + e.time();
    }

    private static long fee(Money amount, long ppm) {
        return (amount.fen() * ppm + 500_000) / 1_000_000 * 1000;
    }

    /** The ledger's day as the bill must show it, from the ledger alone. */
    private static List<String> ledgerDay(WeChatLedger ledger, LocalDate day, long ppm) {
        List<String> keys = new ArrayList<>();
        for (WeChatTrade t : ledger.trades().values()) {
            if (t.successTime().filter(at -> onDay(at, day)).isPresent()) {
                boolean revoked = t.state() == WeChatTrade.State.REVOKED;
                keys.add((revoked ? BillEntryKind.REVOKED : BillEntryKind.PAYMENT) + " " + t.outTradeNo() + " "
                        + t.transactionId() + " " + t.total() + " - " + (revoked ? 0 : fee(t.total(), ppm)) + " "
                        + t.successTime().get());
            }
        }
        for (WeChatRefund r : ledger.refunds().values()) {
            if (onDay(r.created(), day)) {
                keys.add(BillEntryKind.REFUND + " " + r.outTradeNo() + " " + ledger.trade(r.outTradeNo()).orElseThrow()
                        .transactionId() + " " + r.amount() + " " + r.outRefundNo() + " " + -fee(r.amount(), ppm) + " "
                        + r.created());
            }
        }
        return keys;
    }

    private static boolean onDay(Instant at, LocalDate day) {
        return at.atOffset(ZoneOffset.ofHours(8)).toLocalDate().equals(day);
    }

    private static PaymentEngine engine(SimulatedBillDay day, JournalTransactionStore journal,
            ExecutorTaskScheduler scheduler) {
        // the engine queries a trade at the PIN dialog only after 10 minutes: the test decides what happens first
        GatewayTiming timing = GatewayTiming.builder().firstQueryAfter(Duration.ofMinutes(10))
                .pollEvery(Duration.ofMinutes(10)).buyerDeadline(Duration.ofMinutes(30))
                .reversalBackoff(Duration.ofMillis(20), 2.0, Duration.ofMillis(200)).build();
        WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(day.gateway.credentials())
                .transport(dev.tenderkit.transport.http.GatewayTransport.builder().build())
                .baseUrl(day.wechat.baseUrl()).deviceId("POS-01").storeId("S-1").timing(timing)
                .clock(day.clock.clock()).build();
        return TestEngines.wechatDirect(gateway, journal, scheduler, Clock.systemUTC());
    }

    /** Pays with a buyer at the PIN dialog who pays, then the cashier cancels: reversed after money moved. */
    private static String payThenCancel(PaymentEngine engine, SimulatedBillDay day, String order, String code,
            boolean buyerPays) throws Exception {
        CompletableFuture<TradeOutcome> pay = engine.payAsync(BarcodePaymentRequest.of(order, Money.ofFen(880), code,
                "面包"));
        String no = awaitPinDialog(engine, day, order);
        if (buyerPays) {
            assertTrue(day.wechat.buyerEntersPin(no));
        }
        assertInstanceOf(TradeOutcome.Reversed.class, engine.cancel(order).get(60, TimeUnit.SECONDS));
        assertInstanceOf(TradeOutcome.Reversed.class, pay.get(60, TimeUnit.SECONDS));
        return no;
    }

    private static String awaitPinDialog(PaymentEngine engine, SimulatedBillDay day, String order)
            throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < giveUp) {
            Optional<String> no = engine.tradeForOrder(order).map(t -> t.outTradeNo());
            if (no.isPresent() && day.wechat.ledger().trade(no.get()).map(WeChatTrade::state)
                    .filter(s -> s == WeChatTrade.State.USERPAYING).isPresent()) {
                return no.get();
            }
            Thread.sleep(5); // a failure bound on a state another thread reaches, not a wait for time to pass
        }
        throw new AssertionError(order + " never reached the PIN dialog");
    }

    private interface Day {
        void run(PaymentEngine engine, SimulatedBillDay day) throws Exception;
    }

    private static void withEngine(Path dir, Day test) throws Exception {
        try (SimulatedBillDay day = new SimulatedBillDay(dir.resolve("bills"));
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("wechat-bill-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"),
                        Clock.systemUTC())) {
            day.wechat.script(PIN, BuyerScript.pinFor(1_000));
            day.wechat.script(NEVER, BuyerScript.neverPays());
            test.run(engine(day, journal, scheduler), day);
        }
    }

    @Test
    void theBillOfADayIsExactlyTheLedgersDay(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("bills"));
        withEngine(dir, (engine, day) -> {
            TradeOutcome.Paid a = assertInstanceOf(TradeOutcome.Paid.class,
                    engine.pay(BarcodePaymentRequest.of("ORD-A", Money.ofFen(1234), PAYS, "咖啡, 大杯")));
            day.clock.advance(Duration.ofMinutes(3));
            TradeOutcome.Paid b = assertInstanceOf(TradeOutcome.Paid.class,
                    engine.pay(BarcodePaymentRequest.of("ORD-B", Money.ofFen(5000), PAYS, "拿铁")));
            day.clock.advance(Duration.ofMinutes(3));
            RefundOutcome refund = engine.refundAsync(OrderRefund.builder().orderId("ORD-B").refundRequestNo("RB_1")
                    .amount(Money.ofFen(2000)).reason("退货").build()).get(60, TimeUnit.SECONDS);
            assertInstanceOf(RefundOutcome.Refunded.class, refund, refund::toString);
            day.clock.advance(Duration.ofMinutes(3));
            String reversedPaid = payThenCancel(engine, day, "ORD-C", PIN, true);
            day.clock.advance(Duration.ofMinutes(3));
            String reversedUnpaid = payThenCancel(engine, day, "ORD-D", NEVER, false);
            day.afterMidnight();

            List<BillEntry> bill = SimulatedBillDay.entries(day.bills().download(SimulatedBillDay.DAY));
            List<String> got = bill.stream().map(WeChatBillEndOfDayTest::key).sorted().toList();
            assertEquals(ledgerDay(day.wechat.ledger(), SimulatedBillDay.DAY, 6000).stream().sorted().toList(), got);
            assertEquals(4, bill.size(), "A, B, B's refund, C reversed; D never paid is not billed: " + got);
            assertEquals(List.of(a.record().orElseThrow().outTradeNo(), b.record().orElseThrow().outTradeNo(), b.record().orElseThrow().outTradeNo(), reversedPaid),
                    bill.stream().map(BillEntry::outTradeNo).toList(), "in time order");
            assertEquals(List.of(BillEntryKind.PAYMENT, BillEntryKind.PAYMENT, BillEntryKind.REFUND,
                    BillEntryKind.REVOKED), bill.stream().map(BillEntry::kind).toList());
            assertEquals(Optional.of("RB_1"), bill.get(2).refundRequestNo());
            assertEquals(-12_000, bill.get(2).fee().orElseThrow().milliFen(), "20.00 × 0.60% returned");
            assertTrue(bill.stream().noneMatch(e -> e.outTradeNo().equals(reversedUnpaid)));
        });
    }

    @Test
    void eachScriptedDivergenceShowsOnTheBill(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("bills"));
        withEngine(dir, (engine, day) -> {
            String a = assertInstanceOf(TradeOutcome.Paid.class, engine.pay(BarcodePaymentRequest.of("ORD-A",
                    Money.ofFen(10000), PAYS, "咖啡"))).record().orElseThrow().outTradeNo();
            String b = assertInstanceOf(TradeOutcome.Paid.class, engine.pay(BarcodePaymentRequest.of("ORD-B",
                    Money.ofFen(5000), PAYS, "拿铁"))).record().orElseThrow().outTradeNo();
            assertInstanceOf(RefundOutcome.Refunded.class, engine.refundAsync(OrderRefund.builder().orderId("ORD-B")
                    .refundRequestNo("RB_1").amount(Money.ofFen(2000)).reason("退货").build()).get(60, TimeUnit.SECONDS));
            String c = payThenCancel(engine, day, "ORD-C", NEVER, false);
            day.wechat.bills().chargeTheTillNeverSaw("GHOST-1", Money.ofFen(777));
            day.wechat.bills().keepPaidOnBill(c);
            day.wechat.bills().chargeFeeRate(a, FeeRate.parse("0.80%"));
            day.wechat.bills().refundAmountOnBill("RB_1", Money.ofFen(2500));
            day.afterMidnight();

            List<BillEntry> bill = SimulatedBillDay.entries(day.bills().download(SimulatedBillDay.DAY));
            BillEntry ghost = bill.stream().filter(e -> e.outTradeNo().equals("GHOST-1")).findFirst().orElseThrow();
            assertEquals(BillEntryKind.PAYMENT, ghost.kind(), "a charge the till never saw");
            assertTrue(engine.trade("GHOST-1").isEmpty());
            BillEntry kept = bill.stream().filter(e -> e.outTradeNo().equals(c)).findFirst().orElseThrow();
            assertEquals(BillEntryKind.PAYMENT, kept.kind(), "reversed here, paid on the bill");
            assertEquals(WeChatTrade.State.REVOKED, day.wechat.ledger().trade(c).orElseThrow().state());
            BillEntry over = bill.stream().filter(e -> e.outTradeNo().equals(a)).findFirst().orElseThrow();
            assertEquals(80_000, over.fee().orElseThrow().milliFen());
            assertEquals(FeeRate.parse("0.80%"), over.fee().orElseThrow().rate().orElseThrow());
            BillEntry refund = bill.stream().filter(e -> e.kind() == BillEntryKind.REFUND).findFirst().orElseThrow();
            assertEquals(b, refund.outTradeNo());
            assertEquals(Money.ofFen(2500), refund.amount(), "a refund amount that differs");
            assertEquals(Money.ofFen(2000), day.wechat.ledger().refund("RB_1").orElseThrow().amount());
        });
    }
}
