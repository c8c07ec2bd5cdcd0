package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.InMemoryWallet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database outage as the intent is saved: the save throws, the engine's payment completes
 * exceptionally saying which trade and why, nothing reaches the wallet and nothing is half-written;
 * once the database is back the same order pays once. Both kinds: a connection that fails, and a
 * real one ended by the server ({@code pg_terminate_backend}).
 */
class DatabaseOutageTest {
    @ParameterizedTest
    @EnumSource(OutageDataSource.Mode.class)
    void aFailedSaveOfTheIntentSendsNothingAndSaysWhichPaymentWasRefusedAndWhy(OutageDataSource.Mode mode) {
        try (TestDatabase db = TestDatabase.open(4)) {
            OutageDataSource ds = new OutageDataSource(db.dataSource(), db);
            ManualTaskScheduler scheduler = new ManualTaskScheduler(Records.T0);
            JdbcTransactionStore store = TestDatabase.store(ds, "lane-1", scheduler.clock());
            InMemoryWallet wallet = new InMemoryWallet("wallet", scheduler.clock());
            PaymentEngine engine = Lane.engine("L1", store, wallet, scheduler);

            ds.arm("INSERT INTO tenderkit_trade", mode, 1);
            CompletableFuture<TradeOutcome> refused = engine.payAsync(BarcodePaymentRequest.of("ORD-1",
                    Money.parse("88.00"), Lane.ALIPAY_CODE, "goods"));
            settle(scheduler);
            CompletionException e = assertThrows(CompletionException.class, refused::join);
            TenderKitException cause = assertInstanceOf(TenderKitException.class, e.getCause());
            assertEquals(ErrorCode.STORE_UNAVAILABLE, cause.code());
            assertTrue(cause.getMessage().startsWith("saving trade L1"), cause.getMessage());
            assertTrue(cause.getMessage().contains("(CREATED, revision 0) failed"), cause.getMessage());
            assertEquals(1, ds.outages.get());
            assertEquals(List.of(), wallet.calls(), "nothing was sent");
            assertEquals(List.of(), store.tradesForOrder("ORD-1"), "nothing half-written");

            CompletableFuture<TradeOutcome> again = engine.payAsync(BarcodePaymentRequest.of("ORD-1",
                    Money.parse("88.00"), Lane.ALIPAY_CODE, "goods"));
            settle(scheduler);
            TradeOutcome paid = again.join();
            assertInstanceOf(TradeOutcome.Paid.class, paid);
            assertEquals(1, wallet.ledger().size());
            assertEquals(TradeState.PAID, store.findByOrderId("ORD-1").orElseThrow().state());
        }
    }

    @ParameterizedTest
    @EnumSource(OutageDataSource.Mode.class)
    void anOutageAfterTheWalletAnsweredLeavesTheTradeToRecoveryWhichFindsItPaid(OutageDataSource.Mode mode) {
        try (TestDatabase db = TestDatabase.open(4)) {
            OutageDataSource ds = new OutageDataSource(db.dataSource(), db);
            ManualTaskScheduler scheduler = new ManualTaskScheduler(Records.T0);
            JdbcTransactionStore store = TestDatabase.store(ds, "lane-1", scheduler.clock());
            InMemoryWallet wallet = new InMemoryWallet("wallet", scheduler.clock());
            PaymentEngine engine = Lane.engine("L1", store, wallet, scheduler);

            ds.arm("UPDATE tenderkit_trade", mode, 1);
            CompletableFuture<TradeOutcome> lost = engine.payAsync(BarcodePaymentRequest.of("ORD-1",
                    Money.parse("88.00"), Lane.ALIPAY_CODE, "goods"));
            settle(scheduler);
            assertThrows(CompletionException.class, lost::join);
            assertEquals(TradeState.CREATED, store.findByOrderId("ORD-1").orElseThrow().state(),
                    "the PAID record did not reach the database; the intent did");

            ManualTaskScheduler later = new ManualTaskScheduler(Records.T0.plusSeconds(30));
            PaymentEngine restarted = Lane.engine("L1", TestDatabase.store(ds, "lane-1", later.clock()), wallet, later);
            restarted.recover();
            settle(later);
            assertEquals(TradeState.PAID, store.findByOrderId("ORD-1").orElseThrow().state());
            assertEquals(1, wallet.ledger().size(), "one charge");
        }
    }

    static void settle(ManualTaskScheduler s) {
        for (int i = 0; i < 10_000 && s.pendingTasks() > 0; i++) {
            s.advance(java.time.Duration.ofSeconds(1));
        }
    }
}
