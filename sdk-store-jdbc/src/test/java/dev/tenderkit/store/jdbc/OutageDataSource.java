package dev.tenderkit.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source in front of the real one that takes the database away as a statement is about to
 * run, either by refusing it ({@link Mode#REFUSE}: the statement fails as on a dead network, SQL state
 * 08006) or for real ({@link Mode#TERMINATE}: the server is told to end the connection's backend with
 * {@code pg_terminate_backend} before the statement is sent, so the driver meets a closed session).
 * Only statements whose SQL starts with the armed prefix are hit, {@code times} times.
 */
final class OutageDataSource implements DataSource {
    enum Mode { REFUSE, TERMINATE }

    private final DataSource delegate;
    private final TestDatabase db;
    private volatile String prefix = "\u0000never";
    private volatile Mode mode = Mode.REFUSE;
    private final AtomicInteger remaining = new AtomicInteger();
    final AtomicInteger outages = new AtomicInteger();

    OutageDataSource(DataSource delegate, TestDatabase db) {
        this.delegate = delegate;
        this.db = db;
    }

    /** The next {@code times} statements starting with {@code sqlPrefix} meet an outage of this kind. */
    void arm(String sqlPrefix, Mode how, int times) {
        this.mode = how;
        this.prefix = sqlPrefix;
        remaining.set(times);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = delegate.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                            && sql.startsWith(prefix) && remaining.getAndDecrement() > 0) {
                        outages.incrementAndGet();
                        if (mode == Mode.REFUSE) {
                            throw new SQLException("simulated outage: connection reset", "08006");
                        }
                        terminate(real);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Ends the connection's server process from another session, and waits until it is gone. */
    private void terminate(Connection victim) throws SQLException {
        int pid;
        try (Statement s = victim.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            pid = r.getInt(1);
        }
        try (Connection admin = db.direct(); Statement s = admin.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_terminate_backend(" + pid + ", 10000)")) {
            r.next();
            if (!r.getBoolean(1)) {
                throw new IllegalStateException("backend " + pid + " was not terminated");
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
