package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v3/refund/domestic/refunds}: accepts a refund PROCESSING, idempotent by
 * {@code out_refund_no} (a repeat with the same order and amount answers the refund as it stands;
 * other values are 400 INVALID_REQUEST), never above what the order can still refund (charged, less
 * refunds processing or abnormal: 400 INVALID_REQUEST). It settles as its {@link RefundScript} says.
 * An unknown order is 404 RESOURCE_NOT_EXISTS; one never paid, or whose {@code amount.total} is not
 * the order's, 400 INVALID_REQUEST.
 */
final class RefundApply implements Endpoint {
    private final WalletState s;

    RefundApply(WalletState s) {
        this.s = s;
    }

    @Override
    public Answer handle(Call call) {
        Map<String, Object> b = call.body();
        Optional<Answer> refusal = BodyChecks.required(b, "out_refund_no")
                .or(() -> BodyChecks.amount(b, "refund"))
                .or(() -> BodyChecks.amount(b, "total"));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<String> outTradeNo = Json.text(b, "out_trade_no").filter(v -> !v.isBlank());
        Optional<String> transactionId = Json.text(b, "transaction_id").filter(v -> !v.isBlank());
        if (outTradeNo.isEmpty() && transactionId.isEmpty()) {
            return Answer.paramError("out_trade_no", "out_trade_no和transaction_id须填其一");
        }
        boolean changed = s.revokeExpired();
        Optional<WeChatTrade> found = outTradeNo.isPresent() ? s.ledger.trade(outTradeNo.get())
                : s.ledger.tradeByTransactionId(transactionId.get());
        if (found.isEmpty()) {
            return new Answer(404, Optional.of(Answer.errorBody("RESOURCE_NOT_EXISTS", "订单不存在")), changed);
        }
        WeChatTrade t = found.get();
        String outRefundNo = Json.text(b, "out_refund_no").orElseThrow();
        Money amount = Money.ofFen(Json.integer(b, "amount", "refund").orElseThrow());
        Optional<WeChatRefund> existing = s.ledger.refund(outRefundNo);
        if (existing.isPresent()) {
            WeChatRefund r = existing.get();
            if (!r.outTradeNo().equals(t.outTradeNo()) || !r.amount().equals(amount)) {
                return Answer.error(400, "INVALID_REQUEST", "同一退款单号的请求参数与首次请求不一致");
            }
            return Answer.ok(Refunds.render(s, r), changed);
        }
        if (!t.everPaid()) {
            return Answer.error(400, "INVALID_REQUEST", "订单未支付，不能退款");
        }
        if (Json.integer(b, "amount", "total").orElseThrow() != t.total().fen()) {
            return Answer.error(400, "INVALID_REQUEST", "订单金额与原订单金额不一致");
        }
        if (amount.isGreaterThan(s.ledger.refundable(t.outTradeNo()))) {
            return Answer.error(400, "INVALID_REQUEST", "申请退款金额超过订单可退金额");
        }
        WeChatRefund r = new WeChatRefund(outRefundNo, s.nextRefundId(), t.outTradeNo(), amount,
                WeChatRefund.Status.PROCESSING, s.now(), Optional.empty());
        s.ledger.put(r);
        s.refundQueriesLeft.put(outRefundNo,
                s.refundScripts.getOrDefault(outRefundNo, RefundScript.succeeds()).processingQueries());
        Json.text(b, "notify_url").filter(v -> !v.isBlank()).ifPresent(u -> s.refundNotifyUrls.put(outRefundNo, u));
        s.scheduleRefundSettlement(outRefundNo);
        return Answer.ok(Refunds.render(s, r), true);
    }
}
