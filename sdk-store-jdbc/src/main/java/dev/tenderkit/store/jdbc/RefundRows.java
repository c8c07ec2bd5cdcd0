package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A refund record as a row of {@code tenderkit_refund} and back, field for field. Stateless. */
final class RefundRows {
    /** The columns, in the order {@link #bind} sets them. */
    static final String COLUMNS = "out_trade_no, refund_request_no, amount_fen, reason, state, created_ns, "
            + "updated_ns, fail_cause, fail_code, fail_sub_code, fail_message, last_problem, attempts, attention, "
            + "revision";
    static final int COUNT = 15;
    /** What changes between revisions, as {@code column = ?} in the order {@link #bindChange} sets them. */
    static final String CHANGE_ASSIGNMENTS = "state = ?, updated_ns = ?, fail_cause = ?, fail_code = ?, "
            + "fail_sub_code = ?, fail_message = ?, last_problem = ?, attempts = ?, attention = ?, revision = ?";
    static final int CHANGE_COUNT = 10;

    private RefundRows() {
    }

    static int bind(PreparedStatement s, int first, RefundRecord r) throws SQLException {
        int p = first;
        s.setString(p++, r.outTradeNo());
        s.setString(p++, r.refundRequestNo());
        s.setLong(p++, r.amount().fen());
        s.setString(p++, r.reason());
        s.setString(p++, r.state().name());
        s.setLong(p++, Nanos.of(r.createdAt()));
        s.setLong(p++, Nanos.of(r.updatedAt()));
        p = TradeRows.Failures.bind(s, p, r.failure());
        s.setString(p++, r.lastProblem().orElse(null));
        s.setInt(p++, r.attempts());
        s.setString(p++, r.attention().orElse(null));
        s.setLong(p++, r.revision());
        return p;
    }

    static int bindChange(PreparedStatement s, int first, RefundRecord r) throws SQLException {
        int p = first;
        s.setString(p++, r.state().name());
        s.setLong(p++, Nanos.of(r.updatedAt()));
        p = TradeRows.Failures.bind(s, p, r.failure());
        s.setString(p++, r.lastProblem().orElse(null));
        s.setInt(p++, r.attempts());
        s.setString(p++, r.attention().orElse(null));
        s.setLong(p++, r.revision());
        return p;
    }

    static RefundRecord read(ResultSet r) throws SQLException {
        return new RefundRecord(r.getString("out_trade_no"), r.getString("refund_request_no"),
                Money.ofFen(r.getLong("amount_fen")), r.getString("reason"), RefundState.valueOf(r.getString("state")),
                Nanos.instant(r.getLong("created_ns")), Nanos.instant(r.getLong("updated_ns")),
                TradeRows.Failures.read(r), Optional.ofNullable(r.getString("last_problem")), r.getInt("attempts"),
                Optional.ofNullable(r.getString("attention")), r.getLong("revision"));
    }
}
