package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The real PostgreSQL the tests run on, one fresh schema per test (dropped at {@link #close()}),
 * reached through a HikariCP pool. Where: {@code TENDERKIT_PG_URL}, {@code TENDERKIT_PG_USER},
 * {@code TENDERKIT_PG_PASSWORD} (.ci/run exports them), by default
 * {@code jdbc:postgresql://127.0.0.1:5432/tenderkit} as tenderkit/tenderkit (the README's setup).
 * With {@code CI=true} a missing server fails the test; elsewhere the test is skipped, saying what
 * to install.
 */
final class TestDatabase implements AutoCloseable {
    static final String URL = env("TENDERKIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/tenderkit");
    static final String USER = env("TENDERKIT_PG_USER", "tenderkit");
    static final String PASSWORD = env("TENDERKIT_PG_PASSWORD", "tenderkit");

    final String schema = "tk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    private final HikariDataSource pool;

    private TestDatabase(int poolSize) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " but CI=true: the JDBC store's tests need it (.ci/run installs it with apt-get install -y "
                        + "postgresql and exports TENDERKIT_PG_URL)");
            }
            assumeTrue(false, why + "; skipping. Install it as sdk-store-jdbc/README.md says: apt-get install "
                    + "postgresql, pg_ctlcluster 15 main start, create user and database tenderkit");
        }
        pool = pool(poolSize);
    }

    /** @return a fresh schema and a pool of 8 connections to it (skips or fails as the class says) */
    static TestDatabase open() {
        return new TestDatabase(8);
    }

    static TestDatabase open(int poolSize) {
        return new TestDatabase(poolSize);
    }

    HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setSchema(schema);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(10_000);
        config.setPoolName(schema);
        return new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    /** @return a store on this schema, creating it */
    JdbcTransactionStore store(String instanceId, Clock clock) {
        return store(pool, instanceId, clock);
    }

    static JdbcTransactionStore store(DataSource ds, String instanceId, Clock clock) {
        return JdbcTransactionStore.builder().dataSource(ds).instanceId(instanceId).clock(clock).createSchema(true)
                .build();
    }

    /** A connection of its own to the schema, outside the pool (for EXPLAIN, for terminating backends). */
    Connection direct() throws SQLException {
        Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        c.setSchema(schema);
        return c;
    }

    @Override
    public void close() {
        pool.close();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping test schema " + schema, e);
        }
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
