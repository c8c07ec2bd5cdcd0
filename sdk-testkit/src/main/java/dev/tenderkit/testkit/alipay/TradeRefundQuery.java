package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Optional;

/**
 * {@code alipay.trade.fastpay.refund.query}: the refund's amount and {@code REFUND_SUCCESS} when the
 * request number exists; 10000 without them when it does not (as Alipay does).
 */
final class TradeRefundQuery implements GatewayMethod {
    private final WalletState state;

    TradeRefundQuery(WalletState state) {
        this.state = state;
    }

    @Override
    public Answer apply(Map<String, Object> biz, Map<String, String> params) {
        Optional<AlipayTrade> found = state.findTrade(biz);
        if (found.isEmpty()) {
            return Answers.refused("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        AlipayTrade t = found.get();
        String requestNo = BizFields.str(biz, "out_request_no");
        if (requestNo.isEmpty()) {
            requestNo = t.outTradeNo();
        }
        Map<String, Object> m = Answers.success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("out_request_no", requestNo);
        Money done = t.refunds().get(requestNo);
        if (done != null) {
            m.put("total_amount", t.totalAmount().toPlainString());
            m.put("refund_amount", done.toPlainString());
            m.put("refund_status", "REFUND_SUCCESS");
        }
        return new Answer(m, false);
    }
}
