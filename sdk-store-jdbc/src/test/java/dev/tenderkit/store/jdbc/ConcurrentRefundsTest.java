package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.InMemoryWallet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Refunds of one trade from two engines sharing the database: the same refund number asked of both
 * is one refund, and the second engine answers the first's outcome instead of failing on the
 * conflict; two different refunds made at once both end REFUNDED with the trade's total right; two
 * that together exceed what was paid are never both saved; and an unfinished refund left by a dead
 * lane is settled by one of the engines recovering at once, not by each.
 */
class ConcurrentRefundsTest {
    private static final Money PAID = Money.parse("88.00");

    @Test
    void theSameRefundNumberAskedOfTwoEnginesIsOneRefundAndBothAnswerIt() {
        try (TestDatabase db = TestDatabase.open(4)) {
            ManualTaskScheduler a = new ManualTaskScheduler(Records.T0);
            ManualTaskScheduler b = new ManualTaskScheduler(Records.T0);
            InMemoryWallet wallet = new InMemoryWallet("wallet", a.clock());
            PaymentEngine laneA = Lane.engine("LA", db.store("lane-a", a.clock()), wallet, a);
            PaymentEngine laneB = Lane.engine("LB", db.store("lane-b", b.clock()), wallet, b);
            CompletableFuture<TradeOutcome> paid = laneA.payAsync(BarcodePaymentRequest.of("ORD-1", PAID,
                    Lane.ALIPAY_CODE, "goods"));
            a.runDueTasks();
            assertInstanceOf(TradeOutcome.Paid.class, paid.join());
            OrderRefund r1 = new OrderRefund("ORD-1", "R1", Money.parse("30.00"), "return");
            CompletableFuture<RefundOutcome> atA = laneA.refundAsync(r1);
            CompletableFuture<RefundOutcome> atB = laneB.refundAsync(r1);
            a.runDueTasks();
            DatabaseOutageTest.settle(b);
            RefundRecord done = assertInstanceOf(RefundOutcome.Refunded.class, atA.join()).refund();
            assertEquals(done, assertInstanceOf(RefundOutcome.Refunded.class, atB.join()).refund());
            TradeRecord trade = laneB.tradeForOrder("ORD-1").orElseThrow();
            assertEquals(Money.parse("30.00"), trade.refunded());
            assertEquals(Money.parse("58.00"), wallet.ledger().get(trade.outTradeNo()).charged());
        }
    }

    @Test
    void twoRefundsOfOneTradeMadeAtOnceOnTwoEnginesBothEndRefundedWithTheTotalRight() throws Exception {
        int trades = 24;
        try (TestDatabase db = TestDatabase.open(2); ExecutorTaskScheduler sa = ExecutorTaskScheduler.create("a", 2);
                ExecutorTaskScheduler sb = ExecutorTaskScheduler.create("b", 2); HikariDataSource pa = db.pool(4);
                HikariDataSource pb = db.pool(4)) {
            InMemoryWallet wallet = new InMemoryWallet("wallet", Clock.systemUTC());
            PaymentEngine laneA = Lane.engine("LA", TestDatabase.store(pa, "lane-a", sa.clock()), wallet, sa);
            PaymentEngine laneB = Lane.engine("LB", TestDatabase.store(pb, "lane-b", sb.clock()), wallet, sb);
            for (int i = 0; i < trades; i++) {
                laneA.pay(BarcodePaymentRequest.of("ORD-" + i, PAID, Lane.ALIPAY_CODE, "goods"));
            }
            ExecutorService cashiers = Executors.newFixedThreadPool(2);
            List<Future<RefundOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < trades; i++) {
                CountDownLatch together = new CountDownLatch(2);
                String order = "ORD-" + i;
                outcomes.add(cashiers.submit(() -> refund(laneA, new OrderRefund(order, "R1", Money.parse("20.00"),
                        "return"), together)));
                outcomes.add(cashiers.submit(() -> refund(laneB, new OrderRefund(order, "R2", Money.parse("30.00"),
                        "return"), together)));
            }
            cashiers.shutdown();
            for (Future<RefundOutcome> f : outcomes) {
                assertInstanceOf(RefundOutcome.Refunded.class, f.get(2, TimeUnit.MINUTES));
            }
            for (int i = 0; i < trades; i++) {
                TradeRecord t = laneA.tradeForOrder("ORD-" + i).orElseThrow();
                assertEquals(Money.parse("50.00"), t.refunded(), t.outTradeNo());
                assertEquals(Money.parse("38.00"), wallet.ledger().get(t.outTradeNo()).charged());
            }
        }
    }

    private static RefundOutcome refund(PaymentEngine engine, OrderRefund r, CountDownLatch together)
            throws Exception {
        together.countDown();
        together.await(10, TimeUnit.SECONDS);   // a rendezvous for the pair, not a wait for correctness
        return engine.refundAsync(r).get(1, TimeUnit.MINUTES);
    }

    @Test
    void refundsSavedAtOnceByTwoStoresNeverAddUpToMoreThanWasPaid() throws Exception {
        try (TestDatabase db = TestDatabase.open(4)) {
            JdbcTransactionStore a = db.store("lane-a", Clock.systemUTC());
            JdbcTransactionStore b = db.store("lane-b", Clock.systemUTC());
            ExecutorService two = Executors.newFixedThreadPool(2);
            for (int i = 0; i < 20; i++) {
                TradeRecord t = Records.created("T" + i, "ORD-" + i, 1, Records.T0);
                a.save(t);
                a.save(Records.paid(t));   // 88.00 paid
                CountDownLatch together = new CountDownLatch(2);
                Future<Boolean> first = two.submit(() -> saved(a, refundOf(t, "R1", "60.00"), together));
                Future<Boolean> second = two.submit(() -> saved(b, refundOf(t, "R2", "60.00"), together));
                assertTrue(first.get(1, TimeUnit.MINUTES) ^ second.get(1, TimeUnit.MINUTES),
                        "exactly one of two refunds of 60.00 of 88.00 is saved: " + a.refunds(t.outTradeNo()));
            }
            two.shutdown();
        }
    }

    @Test
    void anUnfinishedRefundOfADeadLaneIsSettledByOneOfTheEnginesRecoveringAtOnce() {
        try (TestDatabase db = TestDatabase.open(4)) {
            ManualTaskScheduler clock = new ManualTaskScheduler(Records.T0);
            InMemoryWallet wallet = new InMemoryWallet("wallet", clock.clock());
            PaymentEngine dead = Lane.engine("LD", db.store("lane-d", clock.clock()), wallet, clock);
            CompletableFuture<TradeOutcome> paid = dead.payAsync(BarcodePaymentRequest.of("ORD-1", PAID,
                    Lane.ALIPAY_CODE, "goods"));
            clock.runDueTasks();
            TradeRecord trade = assertInstanceOf(TradeOutcome.Paid.class, paid.join()).trade();
            db.store("lane-d", clock.clock()).save(refundOf(trade, "R1", "20.00"));   // saved, never sent: lane D died
            clock.advance(JdbcTransactionStore.DEFAULT_LEASE.plusSeconds(1));

            ManualTaskScheduler b = new ManualTaskScheduler(clock.now());
            ManualTaskScheduler c = new ManualTaskScheduler(clock.now());
            PaymentEngine laneB = Lane.engine("LB", db.store("lane-b", b.clock()), wallet, b);
            PaymentEngine laneC = Lane.engine("LC", db.store("lane-c", c.clock()), wallet, c);
            CompletableFuture<RecoveryReport> atB = laneB.recover();
            CompletableFuture<RecoveryReport> atC = laneC.recover();
            DatabaseOutageTest.settle(b);
            DatabaseOutageTest.settle(c);
            int settled = atB.join().refunds().size() + atC.join().refunds().size();
            assertEquals(1, settled, "the refund is settled by one engine: " + wallet.calls());
            List<String> refundCalls = wallet.calls().stream().filter(call -> call.equals("refund")
                    || call.equals("queryRefund")).toList();
            assertEquals(List.of("queryRefund", "refund"), refundCalls, "one engine asked and sent it; the other nothing");
            assertEquals(RefundState.REFUNDED, laneC.refunds(trade.outTradeNo()).get(0).state());
            assertEquals(Money.parse("20.00"), laneC.tradeForOrder("ORD-1").orElseThrow().refunded());
        }
    }

    private static RefundRecord refundOf(TradeRecord t, String no, String amount) {
        return new RefundRecord(t.outTradeNo(), no, Money.parse(amount), "return", RefundState.REQUESTED,
                Records.T0.plusSeconds(10), Records.T0.plusSeconds(10), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), 0);
    }

    private static boolean saved(JdbcTransactionStore store, RefundRecord r, CountDownLatch together) throws Exception {
        together.countDown();
        together.await(10, TimeUnit.SECONDS);   // a rendezvous for the pair, not a wait for correctness
        try {
            store.save(r);
            return true;
        } catch (TenderKitException e) {
            assertEquals("REFUND_EXCEEDS_PAYMENT", e.code().name(), e.getMessage());
            return false;
        }
    }
}
