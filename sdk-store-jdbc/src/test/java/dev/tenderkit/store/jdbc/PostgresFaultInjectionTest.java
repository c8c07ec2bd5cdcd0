package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.testkit.engine.EngineFaultSuite;
import dev.tenderkit.testkit.engine.EngineStoreFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The engine's whole fault-injection suite ({@link EngineFaultSuite}, the one the journal runs in
 * sdk-testkit) on PostgreSQL: a failure at every gateway call of every flow, a crash as every save
 * begins and after it completes; after a restart (a new store instance of the same lane) and
 * {@code recover()}, nothing lost, nothing charged twice, every unpaid trade reversed. Each scenario
 * starts on empty tables.
 */
class PostgresFaultInjectionTest extends EngineFaultSuite {
    private TestDatabase db;
    private JdbcTransactionStore probe;

    @BeforeEach
    void open() {
        db = TestDatabase.open(4);
        probe = db.store("probe", Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected EngineStoreFixture freshStore() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE tenderkit_refund, tenderkit_trade, tenderkit_number_prefix");
        } catch (SQLException e) {
            throw new IllegalStateException("emptying the tables", e);
        }
        return new EngineStoreFixture() {
            @Override
            public TransactionStore open(Clock clock) {
                return JdbcTransactionStore.builder().dataSource(db.dataSource()).instanceId("T1").clock(clock)
                        .build();
            }

            @Override
            public boolean holds(String outTradeNo) {
                return probe.isKnown(outTradeNo);
            }
        };
    }

    @Override
    protected String storeName() {
        return "PostgreSQL";
    }
}
