package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Optional;

/**
 * {@code alipay.trade.cancel}: an unpaid trade is closed ({@code action=close}), a paid one reversed
 * ({@code action=refund}); a number never seen is recorded closed so a late pay is refused.
 * Repeatable. {@link SimulatedAlipay#refuseCancels} makes the next ones answer
 * {@code ACQ.SYSTEM_ERROR} with {@code retry_flag=Y}.
 */
final class TradeCancel implements GatewayMethod {
    private final WalletState state;

    TradeCancel(WalletState state) {
        this.state = state;
    }

    @Override
    public Answer apply(Map<String, Object> biz, Map<String, String> params) {
        String outTradeNo = BizFields.str(biz, "out_trade_no");
        if (!BizFields.validOutTradeNo(outTradeNo)) {
            return BizFields.badOutTradeNo();
        }
        if (state.cancelsToRefuse > 0) {
            state.cancelsToRefuse--;
            Map<String, Object> m = Answers.refusal("ACQ.SYSTEM_ERROR", "系统错误");
            m.put("retry_flag", "Y");
            return new Answer(m, false);
        }
        Optional<AlipayTrade> found = state.ledger.trade(outTradeNo);
        String action;
        AlipayTrade t;
        if (found.isEmpty()) {
            t = new AlipayTrade(outTradeNo, state.nextTradeNo(), "NONE", Money.ZERO, AlipayTrade.Status.TRADE_CLOSED,
                    Money.ZERO, Optional.empty(), 0, Map.of(), Optional.of("cancel"));
            state.ledger.put(t);
            action = "close";
        } else {
            t = found.get();
            state.pending.remove(outTradeNo);
            if (t.status() == AlipayTrade.Status.TRADE_CLOSED) {
                action = t.everPaid() ? "refund" : "close";
            } else {
                action = t.status() == AlipayTrade.Status.TRADE_SUCCESS ? "refund" : "close";
                t = state.close(t, "cancel");
            }
        }
        Map<String, Object> m = Answers.success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", outTradeNo);
        m.put("retry_flag", "N");
        m.put("action", action);
        return new Answer(m, true);
    }
}
