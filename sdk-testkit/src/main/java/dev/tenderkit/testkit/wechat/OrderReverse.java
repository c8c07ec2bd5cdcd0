package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v3/pay/transactions/out-trade-no/{no}/reverse} with {@code {appid, mchid}}: reverses a
 * barcode order. Unpaid (at the PIN dialog, or failed) it is revoked; paid, the buyer gets the money
 * back and it is revoked; revoked or closed already, it answers the same again. A paid order with
 * refunds cannot be reversed (400 INVALID_REQUEST); a QR order is not a barcode order (400
 * INVALID_REQUEST); an unknown one is 404 ORDER_NOT_EXIST.
 */
final class OrderReverse implements Endpoint {
    private final WalletState s;

    OrderReverse(WalletState s) {
        this.s = s;
    }

    @Override
    public Answer handle(Call call) {
        Optional<Answer> refusal = BodyChecks.merchant(s, call.body(), true);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        boolean changed = s.revokeExpired();
        Optional<WeChatTrade> found = s.ledger.trade(call.pathId());
        if (found.isEmpty()) {
            return new Answer(404, Optional.of(Answer.errorBody("ORDER_NOT_EXIST", "订单不存在")), changed);
        }
        WeChatTrade t = found.get();
        if (!t.tradeType().equals("MICROPAY")) {
            return Answer.error(400, "INVALID_REQUEST", "非付款码支付订单，请调用关单接口");
        }
        if (!s.ledger.refundsOf(t.outTradeNo()).isEmpty()) {
            return Answer.error(400, "INVALID_REQUEST", "订单已发生退款，不能撤销");
        }
        if (t.state() != WeChatTrade.State.REVOKED && t.state() != WeChatTrade.State.CLOSED) {
            s.pending.remove(t.outTradeNo());
            t = t.with(WeChatTrade.State.REVOKED, Money.ZERO);
            s.ledger.put(t);
            changed = true;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("appid", s.appid);
        m.put("mchid", s.mchid);
        m.put("out_trade_no", t.outTradeNo());
        m.put("transaction_id", t.transactionId());
        return Answer.ok(m, changed);
    }
}
