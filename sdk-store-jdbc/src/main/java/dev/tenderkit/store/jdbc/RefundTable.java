package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.RefundRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements on {@code tenderkit_refund}: the first record of a refund is an INSERT (its key,
 * the trade and the refund request number, makes it idempotent), every later one an UPDATE from the
 * revision before it. Stateless.
 */
final class RefundTable {
    private static final String SELECT = "SELECT " + RefundRows.COLUMNS + " FROM tenderkit_refund ";
    private static final String INSERT = "INSERT INTO tenderkit_refund (" + RefundRows.COLUMNS + ") VALUES ("
            + "?, ".repeat(RefundRows.COUNT - 1) + "?)";
    private static final String UPDATE = "UPDATE tenderkit_refund SET " + RefundRows.CHANGE_ASSIGNMENTS
            + " WHERE out_trade_no = ? AND refund_request_no = ? AND revision = ?";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    void save(Connection c, RefundRecord r) throws SQLException {
        if (r.revision() > 0) {
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                int p = RefundRows.bindChange(s, 1, r);
                s.setString(p++, r.outTradeNo());
                s.setString(p++, r.refundRequestNo());
                s.setLong(p, r.revision() - 1);
                if (s.executeUpdate() == 1) {
                    return;
                }
            }
            Optional<RefundRecord> stored = find(c, r.outTradeNo(), r.refundRequestNo());
            if (stored.isPresent()) {
                throw conflict(r, stored.get());
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            RefundRows.bind(s, 1, r);
            s.executeUpdate();
        } catch (SQLException e) {
            if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("refund " + r.refundRequestNo() + " is of trade " + r.outTradeNo()
                        + ", which the store does not hold: not saved", e);
            }
            if (Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                Optional<RefundRecord> stored = find(c, r.outTradeNo(), r.refundRequestNo());
                if (stored.isPresent()) {
                    throw conflict(r, stored.get());
                }
            }
            throw e;
        }
    }

    private static TenderKitException conflict(RefundRecord r, RefundRecord stored) {
        return new TenderKitException(ErrorCode.STORE_CONFLICT, "refund " + r.refundRequestNo() + " of trade "
                + r.outTradeNo() + " is at revision " + stored.revision() + " (" + stored.state() + ") in the "
                + "database, and this save was of revision " + r.revision() + " (" + r.state() + "): another engine "
                + "or step changed it first; nothing was overwritten");
    }

    Optional<RefundRecord> find(Connection c, String outTradeNo, String refundRequestNo) throws SQLException {
        List<RefundRecord> found = query(c, SELECT + "WHERE out_trade_no = ? AND refund_request_no = ?", outTradeNo,
                refundRequestNo);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<RefundRecord> ofTrade(Connection c, String outTradeNo) throws SQLException {
        return query(c, SELECT + "WHERE out_trade_no = ? ORDER BY created_ns, refund_request_no", outTradeNo);
    }

    List<RefundRecord> unfinished(Connection c) throws SQLException {
        return query(c, SELECT + "WHERE state NOT IN ('REFUNDED', 'FAILED') ORDER BY created_ns, out_trade_no, "
                + "refund_request_no");
    }

    private static List<RefundRecord> query(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
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
