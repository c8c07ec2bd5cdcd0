package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One refund in the simulated WeChat Pay's ledger, as an immutable snapshot. Amounts in fen.
 *
 * @param outRefundNo the merchant's refund number (the idempotency key)
 * @param refundId WeChat's refund number
 * @param outTradeNo the refunded order
 * @param amount the refund amount
 * @param status PROCESSING, then SUCCESS, CLOSED or ABNORMAL
 * @param created when it was accepted
 * @param successTime when it settled SUCCESS; empty otherwise
 */
public record WeChatRefund(String outRefundNo, String refundId, String outTradeNo, Money amount, Status status,
        Instant created, Optional<Instant> successTime) {

    /** Refund states as WeChat reports them. */
    public enum Status {
        /** Accepted, the money is on its way back. */
        PROCESSING,
        /** The buyer has the money. */
        SUCCESS,
        /** Closed: the money stays with the merchant, the amount can be refunded again. */
        CLOSED,
        /** Failed on the way (e.g. the buyer's card was closed): a person must handle it; the amount stays held. */
        ABNORMAL
    }

    /** Checks. */
    public WeChatRefund {
        Objects.requireNonNull(outRefundNo, "outRefundNo");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(successTime, "successTime");
    }

    /** @return whether the amount counts against what the order can still refund (all but CLOSED) */
    public boolean holdsAmount() {
        return status != Status.CLOSED;
    }

    WeChatRefund settled(Status s, Instant at) {
        return new WeChatRefund(outRefundNo, refundId, outTradeNo, amount, s, created,
                s == Status.SUCCESS ? Optional.of(at) : Optional.empty());
    }
}
