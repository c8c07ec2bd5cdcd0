package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.InMemoryWallet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A request for an order whose attempt another engine sharing the database has in flight: the
 * second engine respects that engine's lease. It refuses with {@code HELD_BY_ANOTHER_ENGINE} and sends
 * nothing (no query, no reversal, no second pay) while the first owns the trade; once the first has
 * finished it answers the outcome; once a dead engine's lease has passed it takes the trade over.
 * Virtual time: each engine has its own scheduler, so a "dead" engine is one whose time stands still.
 */
class OrderHeldByAnotherEngineTest {
    private static final BarcodePaymentRequest ORDER = BarcodePaymentRequest.of("ORD-1", Money.parse("12.00"),
            Lane.WAITING_CODE, "goods");

    @Test
    void aSecondEngineSendsNothingForAnOrderTheFirstHasInFlightAndAnswersItsOutcomeOnceFinal() {
        try (TestDatabase db = TestDatabase.open(4)) {
            ManualTaskScheduler a = new ManualTaskScheduler(Records.T0);
            ManualTaskScheduler b = new ManualTaskScheduler(Records.T0);
            InMemoryWallet wallet = new InMemoryWallet("wallet", a.clock()).paysAfterQueries(Lane.WAITING_CODE, 2);
            PaymentEngine laneA = Lane.engine("LA", db.store("lane-a", a.clock()), wallet, a);
            PaymentEngine laneB = Lane.engine("LB", db.store("lane-b", b.clock()), wallet, b);
            CompletableFuture<TradeOutcome> first = laneA.payAsync(ORDER);
            a.runDueTasks();   // lane A sent the payment; the buyer is entering the PIN
            TradeRecord held = laneA.tradeForOrder("ORD-1").orElseThrow();
            assertEquals(TradeState.AWAITING_BUYER, held.state());
            int calls = wallet.calls().size();

            TenderKitException refused = assertThrows(TenderKitException.class, () -> laneB.payAsync(ORDER));
            assertEquals("HELD_BY_ANOTHER_ENGINE", refused.code().name(), refused.getMessage());
            TenderKitException noCancel = assertThrows(TenderKitException.class, () -> laneB.cancel("ORD-1"));
            assertEquals("HELD_BY_ANOTHER_ENGINE", noCancel.code().name(), noCancel.getMessage());
            b.advance(Duration.ofMinutes(1));
            assertEquals(calls, wallet.calls().size(), "lane B sent nothing for lane A's trade: " + wallet.calls());

            DatabaseOutageTest.settle(a);
            TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, first.join());
            TradeOutcome again = laneB.payAsync(ORDER).join();
            assertEquals(paid.trade().outTradeNo(), assertInstanceOf(TradeOutcome.Paid.class, again).trade().outTradeNo());
            assertEquals(1, wallet.ledger().size(), "one trade at the wallet");
            assertEquals(Money.parse("12.00"), wallet.ledger().get(paid.trade().outTradeNo()).charged());
            assertEquals(java.util.List.of(), wallet.violations());
        }
    }

    @Test
    void aDeadEnginesTradeIsTakenOverByTheNextRequestForItsOrderOnceItsLeaseHasPassed() {
        try (TestDatabase db = TestDatabase.open(4)) {
            ManualTaskScheduler a = new ManualTaskScheduler(Records.T0);
            InMemoryWallet wallet = new InMemoryWallet("wallet", a.clock()).paysAfterQueries(Lane.WAITING_CODE, 1);
            PaymentEngine laneA = Lane.engine("LA", db.store("lane-a", a.clock()), wallet, a);
            laneA.payAsync(ORDER);
            a.runDueTasks();   // sent; then lane A dies with its timers

            ManualTaskScheduler b = new ManualTaskScheduler(Records.T0.plusSeconds(1));
            PaymentEngine laneB = Lane.engine("LB", db.store("lane-b", b.clock()), wallet, b);
            assertThrows(TenderKitException.class, () -> laneB.payAsync(ORDER), "lane A's lease still runs");
            b.advance(JdbcTransactionStore.DEFAULT_LEASE);
            CompletableFuture<TradeOutcome> taken = laneB.payAsync(ORDER);
            DatabaseOutageTest.settle(b);
            TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, taken.join());
            assertEquals(1, wallet.ledger().size());
            assertEquals(Money.parse("12.00"), wallet.ledger().get(paid.trade().outTradeNo()).charged());
        }
    }
}
