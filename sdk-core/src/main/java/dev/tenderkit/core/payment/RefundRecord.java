package dev.tenderkit.core.payment;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One refund of a trade, as journaled after every change; identified by the trade and its refund
 * request number, which makes it idempotent.
 *
 * @param outTradeNo the trade refunded
 * @param refundRequestNo the refund's number, unique within the trade
 * @param amount the amount to refund
 * @param reason why
 * @param state where it stands
 * @param createdAt when it was journaled
 * @param updatedAt when this record was written
 * @param failure the verified refusal, when failed
 * @param lastProblem the last unknown outcome, for support
 * @param revision 0 first, then one more per change
 */
public record RefundRecord(String outTradeNo, String refundRequestNo, Money amount, String reason, RefundState state,
        Instant createdAt, Instant updatedAt, Optional<GatewayError> failure, Optional<String> lastProblem,
        long revision) {

    /** Validates. */
    public RefundRecord {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(refundRequestNo, "refundRequestNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(lastProblem, "lastProblem");
    }

    /** @return the next revision in a new state */
    public RefundRecord advance(RefundState next, Optional<GatewayError> error, Optional<String> problem, Instant at) {
        return new RefundRecord(outTradeNo, refundRequestNo, amount, reason, next, createdAt, at, error,
                problem.or(() -> lastProblem), revision + 1);
    }
}
