package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.InMemoryWallet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code recover()} on many instances at once: each unfinished trade is claimed by one instance
 * ({@code FOR UPDATE SKIP LOCKED} and a lease); a trade leased to a live instance is left to it; a
 * dead instance's trades are taken over once its lease has passed. Time is virtual: the leases
 * expire because the injected clocks say so.
 */
class RecoveryClaimTest {
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Test
    void aTradeLeasedToAnotherInstanceIsClaimedOnlyOnceTheLeaseHasPassed() {
        try (TestDatabase db = TestDatabase.open(4)) {
            ManualTaskScheduler a = new ManualTaskScheduler(Records.T0);
            ManualTaskScheduler b = new ManualTaskScheduler(Records.T0);
            JdbcTransactionStore storeA = db.store("lane-a", a.clock());
            JdbcTransactionStore storeB = db.store("lane-b", b.clock());
            TradeRecord t = Records.created("LA0001", "ORD-1", 1, Records.T0);
            storeA.save(t);
            assertEquals(List.of(), storeB.claimUnfinished("B-run1", LEASE), "lane-a's save leases it to lane-a");
            b.advance(LEASE.minusSeconds(1));
            assertEquals(List.of(), storeB.claimUnfinished("B-run1", LEASE));
            b.advance(Duration.ofSeconds(1));
            assertEquals(List.of(t), storeB.claimUnfinished("B-run1", LEASE), "lane-a's lease has passed");
            a.advance(LEASE.plusMinutes(1));
            assertEquals(List.of(), storeA.claimUnfinished("A-run2", LEASE), "now lane-b's, until its own lease passes");
            JdbcTransactionStore bRestarted = db.store("lane-b", b.clock());
            assertEquals(List.of(t), bRestarted.claimUnfinished("B-run2", LEASE), "lane-b restarted takes its own at once");
            storeA.save(t.advance(TradeState.AWAITING_BUYER, a.now()));
            assertEquals(List.of(), bRestarted.claimUnfinished("B-run2", LEASE), "a save takes the lease to the saver");
        }
    }

    @Test
    void instancesClaimingAtOnceEachGetADisjointShareAndTogetherAllTrades() throws Exception {
        int instances = 8;
        int trades = 400;
        try (TestDatabase db = TestDatabase.open(instances + 1)) {
            ManualTaskScheduler clock = new ManualTaskScheduler(Records.T0);
            JdbcTransactionStore writer = db.store("dead-lane", clock.clock());
            for (int i = 0; i < trades; i++) {
                writer.save(Records.created(String.format("DL%05d", i), "ORD-" + i, 1, Records.T0.plusMillis(i)));
            }
            clock.advance(LEASE.plusSeconds(1));   // the lane that saved them is dead and its leases have passed
            List<JdbcTransactionStore> stores = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                stores.add(db.store("lane-" + i, clock.clock()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<TradeRecord>>> claims = new ArrayList<>();
            for (JdbcTransactionStore s : stores) {
                claims.add(pool.submit(() -> {
                    go.await();
                    return s.claimUnfinished("run-" + s.instanceId(), LEASE);
                }));
            }
            go.countDown();
            Set<String> all = new HashSet<>();
            int total = 0;
            for (Future<List<TradeRecord>> f : claims) {
                for (TradeRecord t : f.get()) {
                    total++;
                    assertTrue(all.add(t.outTradeNo()), t.outTradeNo() + " claimed twice");
                }
            }
            pool.shutdown();
            assertEquals(trades, total);
            assertEquals(trades, all.size());
            for (JdbcTransactionStore s : stores) {
                assertEquals(List.of(), s.claimUnfinished("again", LEASE).stream()
                        .filter(t -> !all.contains(t.outTradeNo())).toList());
            }
        }
    }

    @Test
    void aDeadEnginesTradeIsReversedByAnotherEngineOnceItsLeaseHasPassed() {
        try (TestDatabase db = TestDatabase.open(4)) {
            ManualTaskScheduler a = new ManualTaskScheduler(Records.T0);
            InMemoryWallet wallet = new InMemoryWallet("wallet", a.clock()).neverPays(Lane.NEVER_CODE);
            PaymentEngine laneA = Lane.engine("LA", db.store("lane-a", a.clock()), wallet, a);
            laneA.payAsync(BarcodePaymentRequest.of("ORD-1", Money.parse("12.00"), Lane.NEVER_CODE, "goods"));
            a.advance(Duration.ofSeconds(5));   // sent, polled once or twice: then lane A dies with its timers
            TradeRecord left = db.store("probe", a.clock()).findByOrderId("ORD-1").orElseThrow();
            assertTrue(!left.state().isFinal(), "lane A died mid-trade: " + left.state());

            ManualTaskScheduler b = new ManualTaskScheduler(Records.T0.plusSeconds(10));
            JdbcTransactionStore storeB = db.store("lane-b", b.clock());
            PaymentEngine laneB = Lane.engine("LB", storeB, wallet, b);
            var first = laneB.recover();
            DatabaseOutageTest.settle(b);
            RecoveryReport early = first.join();
            assertEquals(List.of(), early.trades(), "lane A's lease is still running");
            b.advance(LEASE);
            var late = laneB.recover();
            DatabaseOutageTest.settle(b);
            RecoveryReport report = late.join();
            assertEquals(1, report.trades().size());
            TradeRecord settled = storeB.findByOrderId("ORD-1").orElseThrow();
            assertEquals(TradeState.REVERSED, settled.state());
            assertEquals(Money.ZERO, wallet.ledger().get(settled.outTradeNo()).charged());
        }
    }
}
