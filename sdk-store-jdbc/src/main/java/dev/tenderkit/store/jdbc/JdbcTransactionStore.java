package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link TransactionStore} in a relational database reached through any {@link DataSource},
 * written for and tested on PostgreSQL: what a chain's back office uses when several engines (each
 * with its own store instance and terminal id) take payments on one database. The schema is
 * {@code V1__trades_refunds_prefixes.sql} in this jar, with version table
 * {@code tenderkit_schema_version}; run it yourself, or build with {@link Builder#createSchema}.
 *
 * <p>Guarantees, for every engine on the database at once:
 * <ul>
 *   <li>a save returns once committed (a trade's: one statement, one commit; a refund's: one
 *       transaction) and throws otherwise, with
 *       {@link dev.tenderkit.core.ErrorCode#STORE_UNAVAILABLE}: the engine then sends nothing. The
 *       build refuses a server that acknowledges commits before they are durable
 *       ({@code synchronous_commit = off} or {@code fsync = off}) unless told otherwise;</li>
 *   <li>an order has at most one attempt that is not FAILED or REVERSED, by a partial unique index,
 *       not by a lock in one JVM: the first record of a second one is refused with
 *       {@link IllegalStateException}, as {@code JournalTransactionStore} refuses it;</li>
 *   <li>a later record of a trade or refund is written only over the revision it was made from
 *       ({@code UPDATE … WHERE revision = ?}); otherwise nothing is written and the save throws
 *       {@link dev.tenderkit.core.ErrorCode#STORE_CONFLICT}: two engines never overwrite each other;</li>
 *   <li>out_trade_no is the primary key, and each engine run's number prefix (terminal id and start
 *       time) is noted under a unique key with the instance that noted it: a second engine with the
 *       same terminal id started in the same millisecond is refused before its first trade;</li>
 *   <li>{@link #claimUnfinished} hands each unfinished trade to one instance, leased until it
 *       expires ({@code FOR UPDATE SKIP LOCKED}); every save of a trade still to settle renews the
 *       lease of the instance that saved it, so a dead instance's trades are taken over once its
 *       lease has passed, and a restarted instance (same {@link Builder#instanceId}) takes its own
 *       back at once; {@link #claimTrade} takes one trade the same way, so an engine asked for an
 *       order another holds refuses it and sends nothing. Unfinished refunds are leased and claimed
 *       alike;</li>
 *   <li>a refund's request is saved with its trade's row locked, and refused with
 *       {@link dev.tenderkit.core.ErrorCode#REFUND_EXCEEDS_PAYMENT} when, with the trade's refunds
 *       that did not fail, it would exceed what was paid.</li>
 * </ul>
 * Nothing is ever forgotten (no compaction): {@link #retention()} is empty. Every query is served by
 * an index ({@code tenderkit_trade_by_order}, {@code _by_creation}, {@code _unfinished},
 * {@code _refunds_behind}, {@code _by_number}, {@code tenderkit_refund_by_trade}, {@code _unfinished}),
 * those {@code recover()} makes on every start included. Thread-safe; {@link #close()} leaves the
 * data source to its owner.
 */
public final class JdbcTransactionStore implements TransactionStore {
    /** How long an instance holds an unfinished trade it saved, by default: 5 minutes. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    private final Database db;
    private final String instanceId;
    private final Clock clock;
    private final TradeTable trades;
    private final RefundTable refunds;

    private JdbcTransactionStore(Builder b) {
        this.db = new Database(b.dataSource);
        this.instanceId = b.instanceId;
        this.clock = b.clock;
        Lease lease = new Lease(b.instanceId, b.lease);
        this.trades = new TradeTable(lease);
        this.refunds = new RefundTable(lease);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the instance id this store saves and claims under */
    public String instanceId() {
        return instanceId;
    }

    @Override
    public void save(TradeRecord trade) {
        Objects.requireNonNull(trade, "trade");
        Instant now = clock.instant();
        db.autoCommit("saving trade " + trade.outTradeNo() + " (" + trade.state() + ", revision " + trade.revision()
                + ")", c -> {
                    trades.save(c, trade, now);
                    return null;
                });
    }

    @Override
    public void save(RefundRecord refund) {
        Objects.requireNonNull(refund, "refund");
        Instant now = clock.instant();
        db.transaction("saving refund " + refund.refundRequestNo() + " of trade " + refund.outTradeNo() + " ("
                + refund.state() + ")", c -> {
                    refunds.save(c, refund, now);
                    return null;
                });
    }

    @Override
    public Optional<TradeRecord> find(String outTradeNo) {
        return db.autoCommit("reading trade " + outTradeNo, c -> trades.find(c, outTradeNo));
    }

    @Override
    public boolean isKnown(String outTradeNo) {
        return db.autoCommit("looking up trade " + outTradeNo, c -> trades.isKnown(c, outTradeNo));
    }

    @Override
    public Optional<TradeRecord> findByOrderId(String orderId) {
        return db.autoCommit("reading order " + orderId, c -> trades.latestOfOrder(c, orderId));
    }

    @Override
    public List<TradeRecord> tradesForOrder(String orderId) {
        return db.autoCommit("reading the attempts of order " + orderId, c -> trades.forOrder(c, orderId));
    }

    @Override
    public Optional<RefundRecord> findRefund(String outTradeNo, String refundRequestNo) {
        return db.autoCommit("reading refund " + refundRequestNo + " of trade " + outTradeNo,
                c -> refunds.find(c, outTradeNo, refundRequestNo));
    }

    @Override
    public List<RefundRecord> refunds(String outTradeNo) {
        return db.autoCommit("reading the refunds of trade " + outTradeNo, c -> refunds.ofTrade(c, outTradeNo));
    }

    @Override
    public List<TradeRecord> unfinished() {
        return db.autoCommit("listing unfinished trades", trades::unfinished);
    }

    /**
     * Claims for this instance the trades still to settle (not final) that no other instance holds
     * under an unexpired lease, leased until {@code lease} from now; rows another instance is claiming
     * at the same moment are skipped, so each trade goes to one instance. Flagged final trades are
     * not claimed ({@link #unfinished()} lists them).
     *
     * @param owner the claiming engine run, noted in {@code claimed_run}
     * @param lease how long the claim holds without a save of the trade
     */
    @Override
    public List<TradeRecord> claimUnfinished(String owner, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Instant now = clock.instant();
        return db.transaction("claiming unfinished trades for " + owner, c -> trades.claim(c, owner, positive(lease),
                now));
    }

    /** Claims the trade unless another instance holds it under a lease that has not passed (one UPDATE). */
    @Override
    public Optional<TradeRecord> claimTrade(String outTradeNo, String owner, Duration lease) {
        Instant now = clock.instant();
        return db.autoCommit("claiming trade " + outTradeNo + " for " + owner,
                c -> trades.claimOne(c, outTradeNo, owner, positive(lease), now));
    }

    @Override
    public List<RefundRecord> unfinishedRefunds() {
        return db.autoCommit("listing unfinished refunds", refunds::unfinished);
    }

    /** Claims the unfinished refunds no other instance holds under a live lease, as {@link #claimUnfinished}. */
    @Override
    public List<RefundRecord> claimUnfinishedRefunds(String owner, Duration lease) {
        Instant now = clock.instant();
        return db.transaction("claiming unfinished refunds for " + owner,
                c -> refunds.claim(c, owner, positive(lease), now));
    }

    /** Claims the refund unless another instance holds it under a lease that has not passed (one UPDATE). */
    @Override
    public Optional<RefundRecord> claimRefund(String outTradeNo, String refundRequestNo, String owner,
            Duration lease) {
        Instant now = clock.instant();
        return db.autoCommit("claiming refund " + refundRequestNo + " of trade " + outTradeNo + " for " + owner,
                c -> refunds.claimOne(c, outTradeNo, refundRequestNo, owner, positive(lease), now));
    }

    /** @return the paid trades whose refunded total differs from their REFUNDED refunds' (a partial index) */
    @Override
    public List<TradeRecord> refundedTotalsToCheck() {
        return db.autoCommit("listing refunded totals to correct", trades::refundedTotalsBehind);
    }

    /** @return the last trade of each run this instance noted (one indexed lookup per run) */
    @Override
    public List<TradeRecord> lastTradeOfRuns() {
        return db.autoCommit("reading the last trade of each run of " + instanceId, trades::lastOfRuns);
    }

    private static Duration positive(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
        return lease;
    }

    @Override
    public List<TradeRecord> trades(Instant from, Instant to) {
        return db.autoCommit("listing trades created from " + from + " to " + to, c -> trades.createdIn(c, from, to));
    }

    /** One query, served by index {@code tenderkit_refund_by_creation} (schema version 3). */
    @Override
    public List<RefundRecord> refunds(Instant from, Instant to) {
        return db.autoCommit("listing refunds created from " + from + " to " + to, c -> refunds.createdIn(c, from, to));
    }

    /**
     * @throws ConfigurationException naming {@code terminalId} when another instance noted the same
     *     prefix (two engines with one terminal id started in the same millisecond)
     */
    @Override
    public void reserveNumberPrefix(String prefix) {
        Instant now = clock.instant();
        Optional<String> holder = db.autoCommit("noting out_trade_no prefix " + prefix, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tenderkit_number_prefix (prefix, instance_id, "
                    + "noted_ns) VALUES (?, ?, ?)")) {
                s.setString(1, prefix);
                s.setString(2, instanceId);
                s.setLong(3, Nanos.bound(now));
                s.executeUpdate();
                return Optional.empty();
            } catch (SQLException e) {
                if (!Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return prefixHolder(c, prefix);
            }
        });
        if (holder.isPresent() && !holder.get().equals(instanceId)) {
            throw new ConfigurationException("terminalId", "out_trade_no prefix " + prefix + " is already used by "
                    + "store instance " + holder.get() + ": give each engine on this database its own terminal id");
        }
    }

    private static Optional<String> prefixHolder(java.sql.Connection c, String prefix) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT instance_id FROM tenderkit_number_prefix WHERE prefix = ?")) {
            s.setString(1, prefix);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** @return the prefixes this instance noted, oldest first (other instances search their own) */
    @Override
    public List<String> numberPrefixes() {
        return db.autoCommit("listing out_trade_no prefixes", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT prefix FROM tenderkit_number_prefix "
                    + "WHERE instance_id = ? ORDER BY seq")) {
                s.setString(1, instanceId);
                try (ResultSet r = s.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                    return out;
                }
            }
        });
    }

    /** @return empty: the database keeps every trade */
    @Override
    public Optional<Duration> retention() {
        return Optional.empty();
    }

    /** Does nothing: the data source belongs to the caller, who closes its pool. */
    @Override
    public void close() {
    }

    /** Configures a {@link JdbcTransactionStore}; {@link #build()} validates and checks the database. Not thread-safe. */
    public static final class Builder {
        private DataSource dataSource;
        private String instanceId;
        private Clock clock = Clock.systemUTC();
        private Duration lease = DEFAULT_LEASE;
        private boolean createSchema;
        private boolean requireDurableCommits = true;

        private Builder() {
        }

        /** @param dataSource where the trades are; a pooled one (required) @return this */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * @param instanceId this engine's name on the database, stable across its restarts (e.g. its
         *     terminal id or lane), 1–64 characters (required) @return this
         */
        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        /** @param clock the clock deciding leases @return this */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @param lease how long an instance holds an unfinished trade after saving it @return this */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /** @param createSchema create or upgrade the schema on build (default: only check it) @return this */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /**
         * @param require refuse a server whose commits are not durable when acknowledged (default
         *     true; false only for throw-away test databases) @return this
         */
        public Builder requireDurableCommits(boolean require) {
            this.requireDurableCommits = require;
            return this;
        }

        /**
         * @return the store, once the schema is at the version this library needs
         * @throws ConfigurationException naming the setting that is wrong
         * @throws dev.tenderkit.core.TenderKitException with {@code STORE_UNAVAILABLE} when the database cannot be reached
         */
        public JdbcTransactionStore build() {
            if (dataSource == null) {
                throw new ConfigurationException("dataSource", "is required");
            }
            if (instanceId == null || instanceId.isBlank() || instanceId.length() > 64) {
                throw new ConfigurationException("instanceId", "must be 1-64 characters naming this engine on the "
                        + "database, stable across restarts, got \"" + instanceId + "\"");
            }
            if (clock == null) {
                throw new ConfigurationException("clock", "is required");
            }
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new ConfigurationException("lease", "must be positive, got " + lease);
            }
            Database db = new Database(dataSource);
            if (createSchema) {
                db.transaction("creating the TenderKit schema", c -> {
                    SchemaVersion.install(c);
                    return null;
                });
            }
            db.autoCommit("checking the TenderKit schema", c -> {
                SchemaVersion.check(c);
                if (requireDurableCommits) {
                    requireDurable(c);
                }
                return null;
            });
            return new JdbcTransactionStore(this);
        }

        private static void requireDurable(java.sql.Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT current_setting('synchronous_commit'), current_setting('fsync')")) {
                r.next();
                if ("off".equals(r.getString(1)) || "off".equals(r.getString(2))) {
                    throw new ConfigurationException("requireDurableCommits", "the server acknowledges commits "
                            + "before they are durable (synchronous_commit=" + r.getString(1) + ", fsync="
                            + r.getString(2) + "): a trade could be sent and its intent lost; turn both on");
                }
            }
        }
    }
}
