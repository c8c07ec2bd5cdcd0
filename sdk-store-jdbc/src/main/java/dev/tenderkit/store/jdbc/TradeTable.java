package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements on {@code tenderkit_trade}: the first record of a trade is an INSERT, every later
 * one an UPDATE from the revision before it ({@code WHERE revision = ?}), so that two engines never
 * overwrite each other; the unique indexes keep one open attempt per order; unfinished trades are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and a lease. Stateless apart from its settings.
 */
final class TradeTable {
    private static final String FINAL = "('PAID', 'FAILED', 'REVERSED')";
    /** The predicate of index {@code tenderkit_trade_unfinished}, word for word, so that the planner uses it. */
    static final String UNFINISHED = "(state NOT IN " + FINAL + " OR attention IS NOT NULL)";
    private static final String SELECT = "SELECT " + TradeRows.COLUMNS + " FROM tenderkit_trade ";
    private static final String INSERT = "INSERT INTO tenderkit_trade (" + TradeRows.COLUMNS
            + ", claimed_by, lease_until_ns) VALUES (" + "?, ".repeat(TradeRows.COUNT + 1) + "?)";
    private static final String UPDATE = "UPDATE tenderkit_trade SET " + TradeRows.PROGRESS_ASSIGNMENTS
            + ", claimed_by = ?, lease_until_ns = ? WHERE out_trade_no = ? AND revision = ?";

    /** The sequence's length in an engine's out_trade_no (core's {@code OutTradeNumbers}). */
    static final int SEQUENCE_CHARS = 5;
    /** The SQL of {@link #lastOfRuns}, for its plan. */
    static final String LAST_OF_RUNS = "SELECT t.* FROM tenderkit_number_prefix p CROSS JOIN LATERAL (SELECT "
            + TradeRows.COLUMNS + " FROM tenderkit_trade WHERE out_trade_no COLLATE \"C\" > p.prefix COLLATE \"C\" "
            + "AND out_trade_no COLLATE \"C\" < (p.prefix || '~') COLLATE \"C\" "
            + "AND length(out_trade_no) = length(p.prefix) + " + SEQUENCE_CHARS
            + " ORDER BY out_trade_no COLLATE \"C\" DESC LIMIT 1) t "
            + "WHERE p.instance_id = ? ORDER BY p.seq";

    /** The SQL of {@link #refundedTotalsBehind}, for its plan. */
    static final String REFUNDS_BEHIND = SELECT + "WHERE state = 'PAID' AND refunds_done_fen <> refunded_fen "
            + "ORDER BY created_ns, out_trade_no";

    private final String instanceId;
    private final Lease lease;

    TradeTable(Lease lease) {
        this.instanceId = lease.instanceId();
        this.lease = lease;
    }

    /** Saves the next record of a trade, or its first. */
    void save(Connection c, TradeRecord t, Instant now) throws SQLException {
        if (t.revision() > 0) {
            if (update(c, t, now) == 1) {
                return;
            }
            Optional<TradeRecord> stored = find(c, t.outTradeNo());
            if (stored.isPresent()) {
                throw conflict(t, stored.get());
            }
            // a trade first saved at a later revision (one adopted from a wallet): inserted as it is
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            int p = TradeRows.bind(s, 1, t);
            lease.bind(s, p, t.state().isFinal(), now);
            s.executeUpdate();
        } catch (SQLException e) {
            if (!Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            throw refusal(c, t, e);
        }
    }

    private int update(Connection c, TradeRecord t, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            int p = TradeRows.bindProgress(s, 1, t.progress());
            p = lease.bind(s, p, t.state().isFinal(), now);
            s.setString(p++, t.outTradeNo());
            s.setLong(p, t.revision() - 1);
            return s.executeUpdate();
        }
    }

    /** Explains a refused INSERT: the trade was saved meanwhile, or its order has another attempt. */
    private RuntimeException refusal(Connection c, TradeRecord t, SQLException e) throws SQLException {
        Optional<TradeRecord> stored = find(c, t.outTradeNo());
        if (stored.isPresent()) {
            return conflict(t, stored.get());
        }
        List<TradeRecord> attempts = forOrder(c, t.orderId());
        for (TradeRecord a : attempts) {
            if (!a.state().isFinal() || a.state() == TradeState.PAID) {
                return new IllegalStateException("order " + t.orderId() + " already has trade " + a.outTradeNo()
                        + " (" + a.state() + "): a further attempt is allowed once it is FAILED or REVERSED", e);
            }
        }
        return new IllegalStateException("order " + t.orderId() + " already has an attempt " + t.attempt()
                + " (" + attempts.size() + " attempt(s) stored): trade " + t.outTradeNo() + " is not saved", e);
    }

    private static TenderKitException conflict(TradeRecord t, TradeRecord stored) {
        return new TenderKitException(ErrorCode.STORE_CONFLICT, "trade " + t.outTradeNo() + " is at revision "
                + stored.revision() + " (" + stored.state() + ") in the database, and this save was of revision "
                + t.revision() + " (" + t.state() + "), made from revision " + (t.revision() - 1)
                + ": another engine or step changed it first; nothing was overwritten");
    }

    Optional<TradeRecord> find(Connection c, String outTradeNo) throws SQLException {
        List<TradeRecord> found = query(c, SELECT + "WHERE out_trade_no = ?", outTradeNo);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<TradeRecord> forOrder(Connection c, String orderId) throws SQLException {
        return query(c, SELECT + "WHERE order_id = ? ORDER BY created_ns, out_trade_no", orderId);
    }

    Optional<TradeRecord> latestOfOrder(Connection c, String orderId) throws SQLException {
        List<TradeRecord> found = query(c, SELECT + "WHERE order_id = ? ORDER BY created_ns DESC, out_trade_no DESC "
                + "LIMIT 1", orderId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<TradeRecord> unfinished(Connection c) throws SQLException {
        return query(c, SELECT + "WHERE " + UNFINISHED + " ORDER BY created_ns, out_trade_no");
    }

    List<TradeRecord> createdIn(Connection c, Instant from, Instant to) throws SQLException {
        return query(c, SELECT + "WHERE created_ns >= ? AND created_ns < ? ORDER BY created_ns, out_trade_no",
                Nanos.bound(from), Nanos.bound(to));
    }

    boolean isKnown(Connection c, String outTradeNo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM tenderkit_trade WHERE out_trade_no = ?")) {
            s.setString(1, outTradeNo);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * Claims, in the caller's transaction, the trades still to settle that no other instance holds
     * under a lease that has not expired: the rows are locked ({@code SKIP LOCKED}: rows another
     * instance is claiming at this moment are left to it) and leased to this instance until
     * {@code now + claimLease}.
     */
    List<TradeRecord> claim(Connection c, String owner, Duration claimLease, Instant now) throws SQLException {
        long nowNs = Nanos.bound(now);
        List<TradeRecord> claimed = query(c, SELECT + "WHERE " + UNFINISHED + " AND state NOT IN " + FINAL
                + " AND (claimed_by IS NULL OR claimed_by = ? OR lease_until_ns <= ?)"
                + " ORDER BY created_ns, out_trade_no FOR UPDATE SKIP LOCKED", instanceId, nowNs);
        if (claimed.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE tenderkit_trade SET claimed_by = ?, claimed_run = ?, "
                + "lease_until_ns = ? WHERE out_trade_no = ?")) {
            for (TradeRecord t : claimed) {
                s.setString(1, instanceId);
                s.setString(2, run(owner));
                s.setLong(3, Nanos.bound(now.plus(claimLease)));
                s.setString(4, t.outTradeNo());
                s.addBatch();
            }
            s.executeBatch();
        }
        return claimed;
    }

    /**
     * Claims one trade still to settle, unless another instance holds it under a lease that has not
     * passed: one UPDATE of its row, which returns the record as it stands.
     */
    Optional<TradeRecord> claimOne(Connection c, String outTradeNo, String owner, Duration claimLease, Instant now)
            throws SQLException {
        List<TradeRecord> claimed = query(c, "UPDATE tenderkit_trade SET claimed_by = ?, claimed_run = ?, "
                + "lease_until_ns = ? WHERE out_trade_no = ? AND state NOT IN " + FINAL + " AND (claimed_by IS NULL "
                + "OR claimed_by = ? OR lease_until_ns <= ?) RETURNING " + TradeRows.COLUMNS, instanceId, run(owner),
                Nanos.bound(now.plus(claimLease)), outTradeNo, instanceId, Nanos.bound(now));
        return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed.get(0));
    }

    /**
     * The highest-numbered trade of each run this instance noted: a run's numbers are its prefix and
     * a sequence of {@value #SEQUENCE_CHARS} characters, one range of {@code tenderkit_trade_by_number}
     * (byte order), read backwards from its top, one row per run.
     */
    List<TradeRecord> lastOfRuns(Connection c) throws SQLException {
        return query(c, LAST_OF_RUNS, instanceId);
    }

    /** The paid trades whose refunded total differs from what their REFUNDED refunds add up to. */
    List<TradeRecord> refundedTotalsBehind(Connection c) throws SQLException {
        return query(c, REFUNDS_BEHIND);
    }

    /** @return the claimant's name as column {@code claimed_run} holds it (64 characters at most) */
    static String run(String owner) {
        return owner.length() > 64 ? owner.substring(0, 64) : owner;
    }

    private static List<TradeRecord> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<TradeRecord> out = new ArrayList<>();
                while (r.next()) {
                    out.add(TradeRows.read(r));
                }
                return out;
            }
        }
    }
}
