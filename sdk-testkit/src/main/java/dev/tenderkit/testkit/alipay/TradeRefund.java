package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code alipay.trade.refund}: idempotent by {@code out_request_no} (default the out_trade_no), never
 * above what is still charged; a full refund closes the trade.
 */
final class TradeRefund implements GatewayMethod {
    private final WalletState state;

    TradeRefund(WalletState state) {
        this.state = state;
    }

    @Override
    public Answer apply(Map<String, Object> biz, Map<String, String> params) {
        Object amount = BizFields.amount(biz, "refund_amount");
        if (amount instanceof Answer a) {
            return a;
        }
        Money refund = (Money) amount;
        Optional<AlipayTrade> found = state.findTrade(biz);
        if (found.isEmpty()) {
            return Answers.refused("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        AlipayTrade t = found.get();
        String requestNo = BizFields.str(biz, "out_request_no");
        if (requestNo.isEmpty()) {
            requestNo = t.outTradeNo();
        }
        Money done = t.refunds().get(requestNo);
        if (done != null) {
            if (!done.equals(refund)) {
                return Answers.refused("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额与原退款请求不一致");
            }
            return new Answer(Answers.refund(t, refund, "N", state.now()), false);
        }
        if (t.status() == AlipayTrade.Status.WAIT_BUYER_PAY) {
            return Answers.refused("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        if (t.status() == AlipayTrade.Status.TRADE_CLOSED) {
            return Answers.refused("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
        }
        if (refund.isGreaterThan(t.charged())) {
            return Answers.refused("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
        }
        Map<String, Money> refunds = new LinkedHashMap<>(t.refunds());
        refunds.put(requestNo, refund);
        Money charged = t.charged().minus(refund);
        boolean full = charged.isZero();
        t = new AlipayTrade(t.outTradeNo(), t.tradeNo(), t.kind(), t.totalAmount(),
                full ? AlipayTrade.Status.TRADE_CLOSED : AlipayTrade.Status.TRADE_SUCCESS, charged, t.fundChannel(),
                t.installments(), refunds, full ? Optional.of("refund") : Optional.empty());
        state.refunded(t, requestNo);
        return new Answer(Answers.refund(t, refund, "Y", state.now()), true);
    }
}
