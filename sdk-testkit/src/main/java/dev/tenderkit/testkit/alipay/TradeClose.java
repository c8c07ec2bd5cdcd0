package dev.tenderkit.testkit.alipay;

import java.util.Map;
import java.util.Optional;

/** {@code alipay.trade.close}: closes an unpaid trade; a paid one is refused, a closed one stays closed. */
final class TradeClose implements GatewayMethod {
    private final WalletState state;

    TradeClose(WalletState state) {
        this.state = state;
    }

    @Override
    public Answer apply(Map<String, Object> biz, Map<String, String> params) {
        Optional<AlipayTrade> found = state.find(biz);
        if (found.isEmpty()) {
            return Answers.refused("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        AlipayTrade t = found.get();
        if (t.status() == AlipayTrade.Status.TRADE_SUCCESS) {
            return Answers.refused("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        if (t.status() == AlipayTrade.Status.WAIT_BUYER_PAY) {
            t = state.close(t, "close");
        }
        Map<String, Object> m = Answers.success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        return new Answer(m, true);
    }
}
