package dev.tenderkit.examples.backoffice;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the example's PostgreSQL is ({@code TENDERKIT_PG_URL}, {@code TENDERKIT_PG_USER},
 * {@code TENDERKIT_PG_PASSWORD}), the schema of its own each run works in, and a data source on it.
 * A real back office gives the store a pool (HikariCP, ...); the example keeps to the driver's
 * simple data source, one connection per operation.
 */
final class BackofficeDatabase {
    static final String URL = "pgUrl";
    static final String USER = "pgUser";
    static final String PASSWORD = "pgPassword";
    static final String SCHEMA = "schema";

    private BackofficeDatabase() {
    }

    /** @return the database named by the environment, or empty (having said what to do) when it is not */
    static Optional<Properties> fromEnvironment(PrintStream err) {
        String url = System.getenv("TENDERKIT_PG_URL");
        if (url == null || url.isBlank()) {
            err.println("The back-office example needs PostgreSQL, and TENDERKIT_PG_URL is not set.");
            howToInstall(err);
            return Optional.empty();
        }
        Properties p = new Properties();
        p.setProperty(URL, url);
        p.setProperty(USER, env("TENDERKIT_PG_USER", "tenderkit"));
        p.setProperty(PASSWORD, env("TENDERKIT_PG_PASSWORD", "tenderkit"));
        p.setProperty(SCHEMA, "backoffice_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT));
        try (Connection c = DriverManager.getConnection(url, p.getProperty(USER), p.getProperty(PASSWORD));
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + p.getProperty(SCHEMA));
        } catch (SQLException e) {
            err.println("PostgreSQL is not reachable at " + url + " as " + p.getProperty(USER) + ": " + e.getMessage());
            howToInstall(err);
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** @return a data source on the run's schema */
    static DataSource dataSource(Properties p) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(p.getProperty(URL));
        ds.setUser(p.getProperty(USER));
        ds.setPassword(p.getProperty(PASSWORD));
        ds.setCurrentSchema(p.getProperty(SCHEMA));
        return ds;
    }

    /** Drops the run's schema and everything in it. */
    static void drop(Properties p) throws SQLException {
        try (Connection c = DriverManager.getConnection(p.getProperty(URL), p.getProperty(USER),
                p.getProperty(PASSWORD)); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + p.getProperty(SCHEMA) + " CASCADE");
        }
    }

    private static void howToInstall(PrintStream err) {
        err.println("Install and start it (Debian or Ubuntu, as root; sdk-store-jdbc/README.md has the details):");
        err.println("  apt-get install -y postgresql && pg_ctlcluster 15 main start");
        err.println("  su postgres -c psql <<< \"CREATE ROLE tenderkit LOGIN PASSWORD 'tenderkit'; "
                + "CREATE DATABASE tenderkit OWNER tenderkit;\"");
        err.println("then: export TENDERKIT_PG_URL=jdbc:postgresql://127.0.0.1:5432/tenderkit "
                + "TENDERKIT_PG_USER=tenderkit TENDERKIT_PG_PASSWORD=tenderkit");
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
