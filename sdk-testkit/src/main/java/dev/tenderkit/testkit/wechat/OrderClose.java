package dev.tenderkit.testkit.wechat;

import java.util.Optional;

/**
 * {@code POST /v3/pay/transactions/out-trade-no/{no}/close} with {@code {mchid}}: closes an unpaid
 * order, 204. Closed or revoked already: 204 again. Paid: 400 ORDER_PAID (reverse or refund it
 * instead). Unknown: 404 ORDER_NOT_EXIST.
 */
final class OrderClose implements Endpoint {
    private final WalletState s;

    OrderClose(WalletState s) {
        this.s = s;
    }

    @Override
    public Answer handle(Call call) {
        Optional<Answer> refusal = BodyChecks.merchant(s, call.body(), false);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        boolean changed = s.revokeExpired();
        Optional<WeChatTrade> found = s.ledger.trade(call.pathId());
        if (found.isEmpty()) {
            return new Answer(404, Optional.of(Answer.errorBody("ORDER_NOT_EXIST", "订单不存在")), changed);
        }
        WeChatTrade t = found.get();
        switch (t.state()) {
            case SUCCESS:
                return Answer.error(400, "ORDER_PAID", "订单已支付，不能关闭");
            case CLOSED:
            case REVOKED:
                return Answer.noContent(changed);
            default:
                s.pending.remove(t.outTradeNo());
                s.ledger.put(t.with(WeChatTrade.State.CLOSED, t.charged()));
                return Answer.noContent(true);
        }
    }
}
