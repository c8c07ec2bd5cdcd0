package dev.tenderkit.core.operator;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of the {@link AuditTrail}: who (operator, approver), when (the trail's clock), what
 * (action, order, trade, refund number, amount, method, result). Immutable. Money in fen.
 *
 * @param seq the entry's number in the trail, from 1, without gaps
 * @param at when it was written
 * @param type intent, outcome, declined approval, failed approval or note
 * @param action the desk action; empty for a note
 * @param operator who acted
 * @param approver the supervisor who approved, for a supervised action's intent and outcome
 * @param approvalMeans how the approver was identified ("PIN", "CARD", ...)
 * @param orderId the POS order ("" for a note about none)
 * @param outTradeNo the trade, when known
 * @param refundRequestNo the refund's number, for refunds and cancels of paid orders
 * @param amount the money asked for or moved
 * @param methodId the payment method of the trade, when known
 * @param result how it ended, for an outcome
 * @param detail the reason, the refusal, the error or the note ("" when none)
 * @param intentSeq for an outcome, the number of its intent entry
 */
public record TrailEntry(long seq, Instant at, EntryType type, Optional<DeskAction> action, Operator operator,
        Optional<Operator> approver, Optional<String> approvalMeans, String orderId, Optional<String> outTradeNo,
        Optional<String> refundRequestNo, Optional<Money> amount, Optional<String> methodId,
        Optional<TrailResult> result, String detail, OptionalLong intentSeq) {

    /** Validates (a number of 0 is a draft the trail has not numbered yet). */
    public TrailEntry {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(approvalMeans, "approvalMeans");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(refundRequestNo, "refundRequestNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(intentSeq, "intentSeq");
    }

    /** @return one line for logs and reports */
    public String describe() {
        StringBuilder b = new StringBuilder().append('#').append(seq).append(' ').append(at).append(' ').append(type);
        action.ifPresent(a -> b.append(' ').append(a));
        b.append(" by ").append(operator.id());
        approver.ifPresent(a -> b.append(" approved by ").append(a.id()).append(approvalMeans.map(m -> " (" + m + ")")
                .orElse("")));
        if (!orderId.isEmpty()) {
            b.append(" order ").append(orderId);
        }
        outTradeNo.ifPresent(n -> b.append(" trade ").append(n));
        refundRequestNo.ifPresent(n -> b.append(" refund ").append(n));
        amount.ifPresent(m -> b.append(' ').append(m.toPlainString()));
        result.ifPresent(r -> b.append(" -> ").append(r));
        if (!detail.isEmpty()) {
            b.append(": ").append(detail);
        }
        return b.toString();
    }
}
