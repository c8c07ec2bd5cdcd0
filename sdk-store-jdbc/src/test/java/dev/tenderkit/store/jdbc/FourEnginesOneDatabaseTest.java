package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.InMemoryWallet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bar of issue 13: four engines, eight cashier threads each, on one PostgreSQL database, paying
 * 10,000 orders of which 10 % are submitted twice at once to two different engines: one trade per
 * order and one charge per order, every charge's intent in the database before the wallet saw it.
 */
class FourEnginesOneDatabaseTest {
    private static final int ENGINES = 4;
    private static final int THREADS_PER_ENGINE = 8;
    private static final int ORDERS = 10_000;
    private static final int DUPLICATE_EVERY = 10;

    /** What one submission of an order came back with. */
    private record Answer(String orderId, int engine, String paidAs, String refusal) {
    }

    @Test
    void tenThousandOrdersWithDuplicatesOnFourEnginesAreEachOneTradeAndOneCharge() throws Exception {
        try (TestDatabase db = TestDatabase.open(2)) {
            JdbcTransactionStore probe = db.store("probe", Clock.systemUTC());
            InMemoryWallet wallet = new InMemoryWallet("wallet", Clock.systemUTC()).requireJournaled(probe::isKnown);
            List<HikariDataSource> pools = new ArrayList<>();
            List<ExecutorTaskScheduler> schedulers = new ArrayList<>();
            List<PaymentEngine> engines = new ArrayList<>();
            List<ExecutorService> cashiers = new ArrayList<>();
            for (int e = 0; e < ENGINES; e++) {
                HikariDataSource pool = db.pool(THREADS_PER_ENGINE + 2);
                pools.add(pool);
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("lane-" + e, 2);
                schedulers.add(scheduler);
                engines.add(Lane.engine("LANE" + e, TestDatabase.store(pool, "lane-" + e, scheduler.clock()), wallet,
                        scheduler));
                cashiers.add(Executors.newFixedThreadPool(THREADS_PER_ENGINE));
            }
            Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
            List<Future<?>> submitted = new ArrayList<>();
            Instant started = Instant.now();
            for (int o = 0; o < ORDERS; o++) {
                String order = "ORD-" + o;
                int engine = o % ENGINES;
                boolean duplicate = o % DUPLICATE_EVERY == 0;
                CountDownLatch together = new CountDownLatch(duplicate ? 2 : 1);
                submitted.add(cashiers.get(engine).submit(() -> pay(engines, engine, order, together, answers)));
                if (duplicate) {
                    int other = (engine + 1 + o / DUPLICATE_EVERY % (ENGINES - 1)) % ENGINES;
                    submitted.add(cashiers.get(other).submit(() -> pay(engines, other, order, together, answers)));
                }
            }
            for (Future<?> f : submitted) {
                f.get(10, TimeUnit.MINUTES);
            }
            long millis = java.time.Duration.between(started, Instant.now()).toMillis();

            assertEquals(List.of(), wallet.violations());
            Map<String, InMemoryWallet.LedgerEntry> ledger = wallet.ledger();
            Map<String, String> tradeOfOrder = new HashMap<>();
            for (TradeRecord t : probe.trades(Instant.EPOCH, Instant.MAX)) {
                if (tradeOfOrder.put(t.orderId(), t.outTradeNo()) != null) {
                    fail("order " + t.orderId() + " has two trades");
                }
            }
            assertEquals(ORDERS, tradeOfOrder.size(), "one trade per order");
            int charged = 0;
            for (InMemoryWallet.LedgerEntry e : ledger.values()) {
                if (e.charged().isPositive()) {
                    charged++;
                    assertTrue(tradeOfOrder.containsValue(e.outTradeNo()), "a charge the database does not hold: "
                            + e.outTradeNo());
                }
            }
            assertEquals(ORDERS, charged, "one charge per order");
            int refusedDuplicates = 0;
            for (Map.Entry<String, List<Answer>> e : answers.entrySet()) {
                String trade = tradeOfOrder.get(e.getKey());
                assertEquals(TradeState.PAID, probe.find(trade).orElseThrow().state(), e.getKey());
                boolean paid = false;
                for (Answer a : e.getValue()) {
                    if (a.paidAs() != null) {
                        assertEquals(trade, a.paidAs(), "answered paid as another trade: " + a);
                        paid = true;
                    } else {
                        refusedDuplicates++;
                    }
                }
                assertTrue(paid, "no submission of " + e.getKey() + " was answered paid: " + e.getValue());
            }
            System.out.printf("[four engines] %d orders (%d submitted twice at once) in %d ms: %d trades, %d charges, "
                    + "%d duplicate submissions refused by the database%n", ORDERS, ORDERS / DUPLICATE_EVERY, millis,
                    tradeOfOrder.size(), charged, refusedDuplicates);
            cashiers.forEach(ExecutorService::shutdown);
            schedulers.forEach(ExecutorTaskScheduler::close);
            pools.forEach(HikariDataSource::close);
        }
    }

    private static void pay(List<PaymentEngine> engines, int engine, String order, CountDownLatch together,
            Map<String, List<Answer>> answers) {
        together.countDown();
        try {
            together.await(2, TimeUnit.SECONDS);   // a rendezvous for the pair, not a wait for correctness
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Answer answer;
        try {
            TradeOutcome outcome = engines.get(engine).pay(BarcodePaymentRequest.of(order, Money.parse("12.34"),
                    Lane.ALIPAY_CODE, "goods"));
            answer = outcome instanceof TradeOutcome.Paid p ? new Answer(order, engine, p.trade().outTradeNo(), null)
                    : new Answer(order, engine, null, "not paid: " + outcome);
        } catch (CompletionException | IllegalStateException | TenderKitException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            boolean byTheDatabase = cause instanceof IllegalStateException && cause.getMessage().contains("already has")
                    || cause instanceof TenderKitException t && (t.code() == ErrorCode.STORE_CONFLICT
                            || t.code() == ErrorCode.HELD_BY_ANOTHER_ENGINE);
            if (!byTheDatabase) {
                throw new AssertionError(order + " on engine " + engine + " failed otherwise", cause);
            }
            answer = new Answer(order, engine, null, cause.toString());
        }
        answers.computeIfAbsent(order, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(answer);
    }
}
