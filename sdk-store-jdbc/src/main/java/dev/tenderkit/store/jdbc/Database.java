package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The store's one way to the database: a connection from the {@link DataSource} per operation
 * (give it a pooled one), either in auto-commit (one statement, one commit) or in one transaction,
 * always returned to its pool as it came. A {@link SQLException} that the work does not handle
 * becomes a {@link TenderKitException} with {@link ErrorCode#STORE_UNAVAILABLE} naming what was
 * being done and the SQL state. Thread-safe.
 */
final class Database {
    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** SQL state of a unique-constraint violation (the same in every database that follows the standard). */
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in auto-commit mode: each statement commits by itself. */
    <T> T autoCommit(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    static TenderKitException unavailable(String what, SQLException e) {
        return new TenderKitException(ErrorCode.STORE_UNAVAILABLE, what + " failed (SQL state " + e.getSQLState()
                + "): " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);   // the connection is gone: the server rolls back by itself
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: the pool discards it
        }
    }
}
