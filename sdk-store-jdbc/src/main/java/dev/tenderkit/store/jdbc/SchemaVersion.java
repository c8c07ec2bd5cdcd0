package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's schema and its version table. The schema is plain SQL files shipped in the jar, one
 * per version ({@link #SCRIPTS}, {@code dev/tenderkit/store/jdbc/V<n>__<what>.sql}); table
 * {@code tenderkit_schema_version} has one row per version installed. {@link #install} creates the
 * table and applies the missing scripts in one transaction, under a PostgreSQL advisory lock so that
 * engines starting together do not race; {@link #check} only verifies. Stateless.
 */
final class SchemaVersion {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaVersion.class);

    /** Every version's script, in order: version {@code i + 1} is {@code SCRIPTS.get(i)}. */
    static final List<String> SCRIPTS = List.of("V1__trades_refunds_prefixes.sql",
            "V2__refund_claims_and_recovery_indexes.sql", "V3__refunds_by_creation.sql");
    /** The version this library reads and writes. */
    static final int CURRENT = SCRIPTS.size();
    static final String TABLE = "tenderkit_schema_version";
    private static final long ADVISORY_LOCK = 0x54454E4445524B49L;   // "TENDERKI"

    private SchemaVersion() {
    }

    /** Creates or upgrades the schema to {@link #CURRENT}. Call in a transaction. */
    static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version INTEGER PRIMARY KEY, script VARCHAR(128) NOT NULL, "
                    + "installed_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        int installed = installed(c);
        refuseNewer(installed);
        for (int v = installed + 1; v <= CURRENT; v++) {
            String script = SCRIPTS.get(v - 1);
            try (Statement s = c.createStatement()) {
                for (String statement : statements(script)) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + TABLE + " (version, script) VALUES (?, ?)")) {
                p.setInt(1, v);
                p.setString(2, script);
                p.executeUpdate();
            }
            LOG.info("TenderKit JDBC store: schema version {} installed ({})", v, script);
        }
    }

    /** @throws ConfigurationException naming {@code createSchema} when the schema is not at {@link #CURRENT} */
    static void check(Connection c) throws SQLException {
        boolean hasTable;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
            r.next();
            hasTable = r.getBoolean(1);   // in the connection's search_path, as every statement of the store
        }
        int installed = hasTable ? installed(c) : 0;
        refuseNewer(installed);
        if (installed < CURRENT) {
            throw new ConfigurationException("createSchema", "the database has TenderKit schema version " + installed
                    + " and this library needs " + CURRENT + ": run " + String.join(", ", SCRIPTS.subList(installed, CURRENT))
                    + " (in the sdk-store-jdbc jar, dev/tenderkit/store/jdbc/) or build the store with createSchema(true)");
        }
    }

    private static int installed(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + TABLE)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void refuseNewer(int installed) {
        if (installed > CURRENT) {
            throw new ConfigurationException("dataSource", "the database has TenderKit schema version " + installed
                    + ", newer than this library's " + CURRENT + ": upgrade sdk-store-jdbc");
        }
    }

    /** The script's statements: each ends with a semicolon at the end of a line; {@code --} lines are comments. */
    static List<String> statements(String script) {
        String text;
        try (InputStream in = SchemaVersion.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + script + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + script, e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(script + " ends with a statement without its semicolon");
        }
        return out;
    }
}
