package dev.tenderkit.core.payment;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.GatewayError;
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
 * @param attempts how many times the refund was retried after an unknown, unconfirmed or
 *     processing answer
 * @param attention why a person must look at the refund, when flagged (retried too often without a
 *     confirmation, or failed after the wallet had accepted it)
 * @param revision 0 first, then one more per change
 */
public record RefundRecord(String outTradeNo, String refundRequestNo, Money amount, String reason, RefundState state,
        Instant createdAt, Instant updatedAt, Optional<GatewayError> failure, Optional<String> lastProblem,
        int attempts, Optional<String> attention, long revision) {

    /** The end-of-day listing's order: by createdAt, then out_trade_no, then refund number. */
    public static final java.util.Comparator<RefundRecord> LISTING_ORDER = (a, b) -> {
        int c = a.createdAt().compareTo(b.createdAt());
        if (c == 0) {
            c = a.outTradeNo().compareTo(b.outTradeNo());
        }
        return c != 0 ? c : a.refundRequestNo().compareTo(b.refundRequestNo());
    };

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
        Objects.requireNonNull(attention, "attention");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
    }

    /** A refund record with no retries and no flag, as refunds were journaled before either was kept. */
    public RefundRecord(String outTradeNo, String refundRequestNo, Money amount, String reason, RefundState state,
            Instant createdAt, Instant updatedAt, Optional<GatewayError> failure, Optional<String> lastProblem,
            long revision) {
        this(outTradeNo, refundRequestNo, amount, reason, state, createdAt, updatedAt, failure, lastProblem, 0,
                Optional.empty(), revision);
    }

    /** @return whether a person must look at it */
    public boolean needsAttention() {
        return attention.isPresent();
    }

    /** @return the next revision after one more retry, flagged when {@code flag} is present */
    public RefundRecord retried(Optional<String> flag, String problem, Instant at) {
        return new RefundRecord(outTradeNo, refundRequestNo, amount, reason, state, createdAt, at, failure,
                Optional.of(problem), attempts + 1, flag.or(() -> attention), revision + 1);
    }

    /** @return the next revision, failed with {@code error} and flagged for a person with {@code why} */
    public RefundRecord failedWithAttention(GatewayError error, String why, Instant at) {
        return new RefundRecord(outTradeNo, refundRequestNo, amount, reason, RefundState.FAILED, createdAt, at,
                Optional.of(error), lastProblem, attempts, Optional.of(why), revision + 1);
    }

    /** @return the next revision in a new state */
    public RefundRecord advance(RefundState next, Optional<GatewayError> error, Optional<String> problem, Instant at) {
        return new RefundRecord(outTradeNo, refundRequestNo, amount, reason, next, createdAt, at, error,
                problem.or(() -> lastProblem), attempts, attention, revision + 1);
    }
}
