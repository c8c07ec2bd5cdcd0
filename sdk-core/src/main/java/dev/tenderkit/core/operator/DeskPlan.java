package dev.tenderkit.core.operator;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One desk action as the trail will record it before it is sent, and whether (and why) it needs a
 * supervisor.
 *
 * @param action what
 * @param operator who asks
 * @param orderId the order
 * @param outTradeNo the trade, when known before
 * @param refundRequestNo the refund, when there is one
 * @param amount the money it moves, when known before
 * @param methodId the trade's payment method, when known before
 * @param supervision why it needs approval; empty when it needs none
 * @param detail what the intent says beyond the fields (a resolution, a cancel after payment)
 */
record DeskPlan(DeskAction action, Operator operator, String orderId, Optional<String> outTradeNo,
        Optional<String> refundRequestNo, Optional<Money> amount, Optional<String> methodId,
        Optional<String> supervision, String detail) {

    ApprovalRequest approvalRequest() {
        return new ApprovalRequest(action, operator, orderId, outTradeNo, amount, supervision.orElse(""));
    }

    /** An unnumbered entry of this plan; the trail numbers and times it. */
    TrailEntry entry(EntryType type, Optional<Operator> approver, Optional<String> means, String text) {
        return new TrailEntry(0, Instant.EPOCH, type, Optional.of(action), operator, approver, means, orderId,
                outTradeNo, refundRequestNo, amount, methodId, Optional.empty(), text, OptionalLong.empty());
    }

    /** An unnumbered outcome entry: the plan's fields, overridden by what the engine's answer says. */
    TrailEntry outcome(TrailEntry intent, OutcomeFacts f) {
        return new TrailEntry(0, Instant.EPOCH, EntryType.OUTCOME, Optional.of(action), operator, intent.approver(),
                intent.approvalMeans(), orderId, f.outTradeNo().or(() -> outTradeNo),
                f.refundRequestNo().or(() -> refundRequestNo), f.amount().or(() -> amount),
                f.methodId().or(() -> methodId), Optional.of(f.result()), f.detail(), OptionalLong.of(intent.seq()));
    }

    /** An unnumbered outcome entry for an engine that threw or whose future failed. */
    TrailEntry error(TrailEntry intent, Throwable failure) {
        return new TrailEntry(0, Instant.EPOCH, EntryType.OUTCOME, Optional.of(action), operator, intent.approver(),
                intent.approvalMeans(), orderId, outTradeNo, refundRequestNo, amount, methodId,
                Optional.of(TrailResult.ERROR), "the engine failed: " + failure, OptionalLong.of(intent.seq()));
    }
}
