package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
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
 * The statements on {@code tenderkit_refund}, each save in one transaction: the first record of a
 * refund is an INSERT (its key, the trade and the refund request number, makes it idempotent), made
 * with the trade's row locked and only while the trade's refunds that did not fail stay within what
 * was paid, so that engines refunding one trade at once never exceed it; every later record is an
 * UPDATE from the revision before it. The trade's {@code refunds_done_fen} follows its REFUNDED
 * refunds in the same transaction. An unfinished refund is leased to the instance that saved it, and
 * claimed like a trade ({@code FOR UPDATE SKIP LOCKED}). Stateless apart from its settings.
 */
final class RefundTable {
    private static final String SELECT = "SELECT " + RefundRows.COLUMNS + " FROM tenderkit_refund ";
    private static final String INSERT = "INSERT INTO tenderkit_refund (" + RefundRows.COLUMNS
            + ", claimed_by, lease_until_ns) VALUES (" + "?, ".repeat(RefundRows.COUNT + 1) + "?)";
    private static final String UPDATE = "UPDATE tenderkit_refund SET " + RefundRows.CHANGE_ASSIGNMENTS
            + ", claimed_by = ?, lease_until_ns = ? WHERE out_trade_no = ? AND refund_request_no = ? AND revision = ?";
    /** The predicate of index {@code tenderkit_refund_unfinished}, word for word. */
    static final String UNFINISHED = "state NOT IN ('REFUNDED', 'FAILED')";
    static final String CLAIMABLE = "(claimed_by IS NULL OR claimed_by = ? OR lease_until_ns <= ?)";

    private final String instanceId;
    private final Lease lease;

    RefundTable(Lease lease) {
        this.instanceId = lease.instanceId();
        this.lease = lease;
    }

    /** Saves the next record of a refund, or its first. Call in a transaction. */
    void save(Connection c, RefundRecord r, Instant now) throws SQLException {
        if (r.revision() > 0) {
            Optional<RefundRecord> stored = lock(c, r.outTradeNo(), r.refundRequestNo());
            if (stored.isPresent()) {
                if (stored.get().revision() != r.revision() - 1) {
                    throw conflict(r, stored.get());
                }
                update(c, r, now);
                countDone(c, r.outTradeNo(), stored.get(), r);
                return;
            }
            // a refund first saved at a later revision: inserted as it is
        }
        Money paid = lockTrade(c, r);
        Optional<RefundRecord> stored = find(c, r.outTradeNo(), r.refundRequestNo());
        if (stored.isPresent()) {
            throw conflict(r, stored.get());   // another engine asked for this refund number first
        }
        Money committed = committed(c, r.outTradeNo());
        if (r.state() != RefundState.FAILED && committed.plus(r.amount()).isGreaterThan(paid)) {
            throw new TenderKitException(ErrorCode.REFUND_EXCEEDS_PAYMENT, "refund " + r.refundRequestNo() + " of "
                    + r.amount() + " of trade " + r.outTradeNo() + " is not saved: the trade's refunds that did not "
                    + "fail already add up to " + committed + " of the " + paid + " paid (saved by this or another "
                    + "engine)");
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            int p = RefundRows.bind(s, 1, r);
            lease.bind(s, p, r.state().isFinal(), now);
            s.executeUpdate();
        }
        if (r.state() == RefundState.REFUNDED) {
            addDone(c, r.outTradeNo(), r.amount().fen());
        }
    }

    private void update(Connection c, RefundRecord r, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            int p = RefundRows.bindChange(s, 1, r);
            p = lease.bind(s, p, r.state().isFinal(), now);
            s.setString(p++, r.outTradeNo());
            s.setString(p++, r.refundRequestNo());
            s.setLong(p, r.revision() - 1);
            s.executeUpdate();   // the row is locked at that revision: it is updated
        }
    }

    /** Locks the refund's trade (refunds of one trade are saved one at a time) and reads what was paid. */
    private static Money lockTrade(Connection c, RefundRecord r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(pay_amount_fen, 0) FROM tenderkit_trade "
                + "WHERE out_trade_no = ? FOR UPDATE")) {
            s.setString(1, r.outTradeNo());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("refund " + r.refundRequestNo() + " is of trade " + r.outTradeNo()
                            + ", which the store does not hold: not saved");
                }
                return Money.ofFen(rs.getLong(1));
            }
        }
    }

    private static Money committed(Connection c, String outTradeNo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(amount_fen), 0) FROM tenderkit_refund "
                + "WHERE out_trade_no = ? AND state <> 'FAILED'")) {
            s.setString(1, outTradeNo);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Money.ofFen(rs.getLong(1));
            }
        }
    }

    /** Keeps the trade's {@code refunds_done_fen} equal to what its REFUNDED refunds add up to. */
    private static void countDone(Connection c, String outTradeNo, RefundRecord before, RefundRecord after)
            throws SQLException {
        long delta = (after.state() == RefundState.REFUNDED ? after.amount().fen() : 0)
                - (before.state() == RefundState.REFUNDED ? before.amount().fen() : 0);
        if (delta != 0) {
            addDone(c, outTradeNo, delta);
        }
    }

    private static void addDone(Connection c, String outTradeNo, long fen) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE tenderkit_trade SET refunds_done_fen = refunds_done_fen "
                + "+ ? WHERE out_trade_no = ?")) {
            s.setLong(1, fen);
            s.setString(2, outTradeNo);
            s.executeUpdate();
        }
    }

    private static TenderKitException conflict(RefundRecord r, RefundRecord stored) {
        return new TenderKitException(ErrorCode.STORE_CONFLICT, "refund " + r.refundRequestNo() + " of trade "
                + r.outTradeNo() + " is at revision " + stored.revision() + " (" + stored.state() + ") in the "
                + "database, and this save was of revision " + r.revision() + " (" + r.state() + "): another engine "
                + "or step changed it first; nothing was overwritten");
    }

    Optional<RefundRecord> find(Connection c, String outTradeNo, String refundRequestNo) throws SQLException {
        return first(query(c, SELECT + "WHERE out_trade_no = ? AND refund_request_no = ?", outTradeNo,
                refundRequestNo));
    }

    private static Optional<RefundRecord> lock(Connection c, String outTradeNo, String refundRequestNo)
            throws SQLException {
        return first(query(c, SELECT + "WHERE out_trade_no = ? AND refund_request_no = ? FOR UPDATE", outTradeNo,
                refundRequestNo));
    }

    List<RefundRecord> ofTrade(Connection c, String outTradeNo) throws SQLException {
        return query(c, SELECT + "WHERE out_trade_no = ? ORDER BY created_ns, refund_request_no", outTradeNo);
    }

    /** The end-of-day listing's condition and order: index {@code tenderkit_refund_by_creation} serves both. */
    static final String CREATED_IN = "WHERE created_ns >= ? AND created_ns < ? ORDER BY created_ns, "
            + "out_trade_no COLLATE \"C\", refund_request_no COLLATE \"C\"";

    /** The end-of-day listing: refunds created in {@code [from, to)}, in {@code RefundRecord.LISTING_ORDER}. */
    List<RefundRecord> createdIn(Connection c, java.time.Instant from, java.time.Instant to) throws SQLException {
        return query(c, SELECT + CREATED_IN, Nanos.bound(from), Nanos.bound(to));
    }

    List<RefundRecord> unfinished(Connection c) throws SQLException {
        return query(c, SELECT + "WHERE " + UNFINISHED + " ORDER BY created_ns, out_trade_no, refund_request_no");
    }

    /**
     * Claims, in the caller's transaction, the unfinished refunds no other instance holds under a lease
     * that has not passed ({@code SKIP LOCKED}: rows another instance is claiming now are left to it).
     */
    List<RefundRecord> claim(Connection c, String owner, Duration claimLease, Instant now) throws SQLException {
        List<RefundRecord> claimed = query(c, SELECT + "WHERE " + UNFINISHED + " AND " + CLAIMABLE
                + " ORDER BY created_ns, out_trade_no, refund_request_no FOR UPDATE SKIP LOCKED", instanceId,
                Nanos.bound(now));
        try (PreparedStatement s = c.prepareStatement("UPDATE tenderkit_refund SET claimed_by = ?, claimed_run = ?, "
                + "lease_until_ns = ? WHERE out_trade_no = ? AND refund_request_no = ?")) {
            for (RefundRecord r : claimed) {
                s.setString(1, instanceId);
                s.setString(2, TradeTable.run(owner));
                s.setLong(3, Nanos.bound(now.plus(claimLease)));
                s.setString(4, r.outTradeNo());
                s.setString(5, r.refundRequestNo());
                s.addBatch();
            }
            if (!claimed.isEmpty()) {
                s.executeBatch();
            }
        }
        return claimed;
    }

    /** Claims one unfinished refund unless another instance holds it: one UPDATE returning the record. */
    Optional<RefundRecord> claimOne(Connection c, String outTradeNo, String refundRequestNo, String owner,
            Duration claimLease, Instant now) throws SQLException {
        return first(query(c, "UPDATE tenderkit_refund SET claimed_by = ?, claimed_run = ?, lease_until_ns = ? "
                + "WHERE out_trade_no = ? AND refund_request_no = ? AND " + UNFINISHED + " AND " + CLAIMABLE
                + " RETURNING " + RefundRows.COLUMNS, instanceId, TradeTable.run(owner),
                Nanos.bound(now.plus(claimLease)), outTradeNo, refundRequestNo, instanceId, Nanos.bound(now)));
    }

    private static Optional<RefundRecord> first(List<RefundRecord> found) {
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<RefundRecord> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<RefundRecord> out = new ArrayList<>();
                while (r.next()) {
                    out.add(RefundRows.read(r));
                }
                return out;
            }
        }
    }
}
