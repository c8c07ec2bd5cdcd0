package dev.tenderkit.wechat;

import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * One verified, decrypted and checked WeChat Pay callback, as the listener is told of it.
 *
 * @param id the callback's {@code id} (the same for every resend of it)
 * @param eventType e.g. {@code TRANSACTION.SUCCESS}, {@code REFUND.SUCCESS}, {@code REFUND.ABNORMAL}
 * @param outTradeNo our trade number
 * @param transactionId WeChat Pay's trade number, if the resource carries it
 * @param state {@code trade_state} of a payment, {@code refund_status} of a refund
 * @param amount the payment's total, or the refund's amount
 * @param outRefundNo the refund's number, for a refund callback
 */
public record WeChatPayCallback(String id, String eventType, String outTradeNo, Optional<String> transactionId,
        String state, Money amount, Optional<String> outRefundNo) {
    /** Validates. */
    public WeChatPayCallback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(outRefundNo, "outRefundNo");
    }

    /** @return whether it is about a refund ({@code REFUND.*}) */
    public boolean isRefund() {
        return eventType.startsWith("REFUND.");
    }
}
