package dev.tenderkit.testkit.wechat;

import java.util.Optional;

/**
 * {@code GET /v3/pay/transactions/out-trade-no/{no}?mchid=} and {@code …/id/{transaction_id}?mchid=}:
 * the order's transaction. Each query of an order at the PIN dialog counts against the buyer's
 * script; when her queries are used up she pays (or, giving up, the order fails PAYERROR).
 * An unknown order is 404 ORDER_NOT_EXIST.
 */
final class OrderQuery implements Endpoint {
    private final WalletState s;
    private final boolean byTransactionId;

    OrderQuery(WalletState s, boolean byTransactionId) {
        this.s = s;
        this.byTransactionId = byTransactionId;
    }

    @Override
    public Answer handle(Call call) {
        String mchid = call.query().getOrDefault("mchid", "");
        if (mchid.isBlank()) {
            return Answer.error(400, "PARAM_ERROR", "缺少参数mchid");
        }
        if (!mchid.equals(s.mchid)) {
            return Answer.error(400, "MCH_NOT_EXISTS", "商户号不存在");
        }
        boolean changed = s.revokeExpired();
        Optional<WeChatTrade> found = byTransactionId ? s.ledger.tradeByTransactionId(call.pathId())
                : s.ledger.trade(call.pathId());
        if (found.isEmpty()) {
            return new Answer(404, Optional.of(Answer.errorBody("ORDER_NOT_EXIST", "订单不存在")), changed);
        }
        WeChatTrade t = found.get();
        WalletState.Pending p = s.pending.get(t.outTradeNo());
        if (t.state() == WeChatTrade.State.USERPAYING && p != null) {
            if (p.queriesLeft > 0) {
                p.queriesLeft--;
            } else if (p.script.behaviour() == BuyerScript.Behaviour.PAYS) {
                t = s.markPaid(t, p.script.bankType());
                changed = true;
            } else if (p.script.behaviour() == BuyerScript.Behaviour.GIVES_UP) {
                s.pending.remove(t.outTradeNo());
                t = t.with(WeChatTrade.State.PAYERROR, t.charged());
                s.ledger.put(t);
                changed = true;
            }
        }
        return Answer.ok(Transactions.render(s, t), changed);
    }
}
