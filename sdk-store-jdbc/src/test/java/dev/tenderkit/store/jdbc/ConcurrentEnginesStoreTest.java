package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The database, not a lock in one JVM, keeps the invariants when store instances (one per engine)
 * write at the same moment: of several first attempts of one order exactly one is saved; of several
 * changes made from one revision exactly one is written, the others refused as conflicts.
 */
class ConcurrentEnginesStoreTest {
    private static final int INSTANCES = 4;

    @Test
    void ofFirstAttemptsOfOneOrderSavedAtOnceByFourInstancesExactlyOneIsKept() throws Exception {
        int orders = 300;
        try (TestDatabase db = TestDatabase.open(INSTANCES * 2)) {
            List<JdbcTransactionStore> stores = stores(db);
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * 2);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int o = 0; o < orders; o++) {
                CountDownLatch go = new CountDownLatch(1);
                for (int i = 0; i < INSTANCES; i++) {
                    JdbcTransactionStore s = stores.get(i);
                    TradeRecord t = Records.created("E" + i + "X" + String.format("%05d", o), "ORD-" + o, 1,
                            Records.T0.plusMillis(o));
                    tries.add(pool.submit(attempt(go, () -> s.save(t))));
                }
                go.countDown();
            }
            int saved = 0;
            for (Future<Boolean> f : tries) {
                saved += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(orders, saved);
            for (int o = 0; o < orders; o++) {
                assertEquals(1, stores.get(0).tradesForOrder("ORD-" + o).size(), "ORD-" + o);
            }
        }
    }

    @Test
    void ofChangesMadeFromOneRevisionByFourInstancesAtOnceExactlyOneIsWritten() throws Exception {
        int trades = 200;
        try (TestDatabase db = TestDatabase.open(INSTANCES * 2)) {
            List<JdbcTransactionStore> stores = stores(db);
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * 2);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int n = 0; n < trades; n++) {
                TradeRecord t = Records.created(String.format("RV%05d", n), "ORD-" + n, 1, Records.T0);
                stores.get(0).save(t);
                CountDownLatch go = new CountDownLatch(1);
                for (int i = 0; i < INSTANCES; i++) {
                    JdbcTransactionStore s = stores.get(i);
                    TradeRecord next = t.withProblem("instance " + i, Records.T0.plusSeconds(1));
                    tries.add(pool.submit(attempt(go, () -> s.save(next))));
                }
                go.countDown();
            }
            int written = 0;
            for (Future<Boolean> f : tries) {
                written += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(trades, written);
            for (int n = 0; n < trades; n++) {
                TradeRecord stored = stores.get(0).find(String.format("RV%05d", n)).orElseThrow();
                assertEquals(1, stored.revision());
                assertEquals(TradeState.CREATED, stored.state());
            }
        }
    }

    /** @return true when {@code save} succeeded, false when the database refused it as the invariants say */
    private static Callable<Boolean> attempt(CountDownLatch go, Runnable save) {
        return () -> {
            go.await();
            try {
                save.run();
                return true;
            } catch (IllegalStateException e) {
                assertTrue(e.getMessage().contains("already has"), e.getMessage());
                return false;
            } catch (TenderKitException e) {
                assertEquals(ErrorCode.STORE_CONFLICT, e.code(), e.getMessage());
                return false;
            }
        };
    }

    private static List<JdbcTransactionStore> stores(TestDatabase db) {
        List<JdbcTransactionStore> stores = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            stores.add(db.store("lane-" + i, Clock.systemUTC()));
        }
        return stores;
    }
}
