package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeProgress;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * A trade record as a row of {@code tenderkit_trade} and back: every field of the intent and the
 * progress in a column of its own, so that the row reads back equal to the record saved. Stateless.
 */
final class TradeRows {
    /** The record's columns, in the order {@link #bind} sets them (the claim columns are not the record's). */
    static final String COLUMNS = "out_trade_no, order_id, attempt, kind, channel_id, gateway_id, method_id, "
            + "amount_fen, subject, installment_periods, installment_bearer, masked_code, code_digest, created_ns, "
            + "deadline_ns, state, updated_ns, pay_trade_no, pay_amount_fen, pay_funding, pay_credit, pay_periods, "
            + "paid_ns, fail_cause, fail_code, fail_sub_code, fail_message, fee_fen, last_problem, "
            + "reversal_attempts, attention, refunded_fen, qr_code, cancelled, revision";
    static final int COUNT = 35;
    /** The progress columns, as {@code column = ?} in the order {@link #bindProgress} sets them. */
    static final String PROGRESS_ASSIGNMENTS = "state = ?, updated_ns = ?, pay_trade_no = ?, pay_amount_fen = ?, "
            + "pay_funding = ?, pay_credit = ?, pay_periods = ?, paid_ns = ?, fail_cause = ?, fail_code = ?, "
            + "fail_sub_code = ?, fail_message = ?, fee_fen = ?, last_problem = ?, reversal_attempts = ?, "
            + "attention = ?, refunded_fen = ?, qr_code = ?, cancelled = ?, revision = ?";
    static final int PROGRESS_COUNT = 20;

    private TradeRows() {
    }

    /** Sets the {@link #COUNT} record columns from {@code first} on. @return the next parameter index */
    static int bind(PreparedStatement s, int first, TradeRecord t) throws SQLException {
        TradeIntent i = t.intent();
        int p = first;
        s.setString(p++, i.outTradeNo());
        s.setString(p++, i.orderId());
        s.setInt(p++, i.attempt());
        s.setString(p++, i.kind().name());
        s.setString(p++, i.channelId());
        s.setString(p++, i.gatewayId());
        s.setString(p++, i.methodId());
        s.setLong(p++, i.amount().fen());
        s.setString(p++, i.subject());
        setInt(s, p++, i.installments().map(InstallmentPlan::periods));
        s.setString(p++, i.installments().map(plan -> plan.feeBearer().name()).orElse(null));
        s.setString(p++, i.maskedPaymentCode());
        s.setString(p++, i.paymentCodeDigest().orElse(null));
        s.setLong(p++, Nanos.of(i.createdAt()));
        s.setLong(p++, Nanos.of(i.deadline()));
        return bindProgress(s, p, t.progress());
    }

    /** Sets the {@link #PROGRESS_COUNT} progress columns from {@code first} on. @return the next parameter index */
    static int bindProgress(PreparedStatement s, int first, TradeProgress g) throws SQLException {
        int p = first;
        s.setString(p++, g.state().name());
        s.setLong(p++, Nanos.of(g.updatedAt()));
        Optional<Payment> pay = g.payment();
        s.setString(p++, pay.map(Payment::gatewayTradeNo).orElse(null));
        setLong(s, p++, pay.map(x -> x.amount().fen()));
        s.setString(p++, pay.map(x -> x.fundingSource().channelCode()).orElse(null));
        if (pay.isPresent()) {
            s.setBoolean(p++, pay.get().fundingSource().credit());
        } else {
            s.setNull(p++, Types.BOOLEAN);
        }
        setInt(s, p++, pay.map(x -> x.fundingSource().installmentPeriods()));
        setLong(s, p++, pay.map(x -> Nanos.of(x.paidAt())));
        p = Failures.bind(s, p, g.failure());
        setLong(s, p++, g.fee().map(Money::fen));
        s.setString(p++, g.lastProblem().orElse(null));
        s.setInt(p++, g.reversalAttempts());
        s.setString(p++, g.attention().orElse(null));
        s.setLong(p++, g.refunded().fen());
        s.setString(p++, g.qrCode().orElse(null));
        s.setBoolean(p++, g.cancelled());
        s.setLong(p++, g.revision());
        return p;
    }

    /** Reads the record from a row selected with {@link #COLUMNS}. */
    static TradeRecord read(ResultSet r) throws SQLException {
        Optional<InstallmentPlan> plan = optInt(r, "installment_periods")
                .map(n -> new InstallmentPlan(n, enumOf(FeeBearer.class, r, "installment_bearer")));
        TradeIntent intent = new TradeIntent(r.getString("out_trade_no"), r.getString("order_id"), r.getInt("attempt"),
                TradeKind.valueOf(r.getString("kind")), r.getString("channel_id"), r.getString("gateway_id"),
                r.getString("method_id"), Money.ofFen(r.getLong("amount_fen")), r.getString("subject"), plan,
                r.getString("masked_code"), Optional.ofNullable(r.getString("code_digest")),
                Nanos.instant(r.getLong("created_ns")), Nanos.instant(r.getLong("deadline_ns")));
        Optional<Payment> payment = Optional.empty();
        String payNo = r.getString("pay_trade_no");
        if (payNo != null) {
            payment = Optional.of(new Payment(payNo, Money.ofFen(r.getLong("pay_amount_fen")),
                    new FundingSource(r.getString("pay_funding"), r.getBoolean("pay_credit"), r.getInt("pay_periods")),
                    Nanos.instant(r.getLong("paid_ns"))));
        }
        TradeProgress progress = new TradeProgress(TradeState.valueOf(r.getString("state")),
                Nanos.instant(r.getLong("updated_ns")), payment, Failures.read(r),
                optLong(r, "fee_fen").map(Money::ofFen), Optional.ofNullable(r.getString("last_problem")),
                r.getInt("reversal_attempts"), Optional.ofNullable(r.getString("attention")),
                Money.ofFen(r.getLong("refunded_fen")), Optional.ofNullable(r.getString("qr_code")),
                r.getBoolean("cancelled"), r.getLong("revision"));
        return new TradeRecord(intent, progress);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet r, String column) {
        try {
            return Enum.valueOf(type, r.getString(column));
        } catch (SQLException e) {
            throw new IllegalStateException("reading column " + column, e);
        }
    }

    static void setLong(PreparedStatement s, int p, Optional<Long> v) throws SQLException {
        if (v.isPresent()) {
            s.setLong(p, v.get());
        } else {
            s.setNull(p, Types.BIGINT);
        }
    }

    static void setInt(PreparedStatement s, int p, Optional<Integer> v) throws SQLException {
        if (v.isPresent()) {
            s.setInt(p, v.get());
        } else {
            s.setNull(p, Types.INTEGER);
        }
    }

    static Optional<Long> optLong(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(v);
    }

    static Optional<Integer> optInt(ResultSet r, String column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? Optional.empty() : Optional.of(v);
    }

    /** A gateway refusal in the four {@code fail_*} columns, shared by trades and refunds. */
    static final class Failures {
        private Failures() {
        }

        static int bind(PreparedStatement s, int first, Optional<GatewayError> failure) throws SQLException {
            int p = first;
            s.setString(p++, failure.map(f -> f.cause().name()).orElse(null));
            s.setString(p++, failure.map(f -> f.raw().code()).orElse(null));
            s.setString(p++, failure.flatMap(f -> f.raw().subCode()).orElse(null));
            s.setString(p++, failure.map(f -> f.raw().message()).orElse(null));
            return p;
        }

        static Optional<GatewayError> read(ResultSet r) throws SQLException {
            String cause = r.getString("fail_cause");
            if (cause == null) {
                return Optional.empty();
            }
            return Optional.of(new GatewayError(Cause.valueOf(cause), new GatewayCode(r.getString("fail_code"),
                    Optional.ofNullable(r.getString("fail_sub_code")), r.getString("fail_message"))));
        }
    }
}
