package dev.tenderkit.testkit.alipay;

import java.util.Map;
import java.util.Optional;

/**
 * {@code alipay.trade.query}: the trade's status; a buyer scripted to confirm after n queries
 * confirms on the query after the n-th. Once paid, the funding ({@code fund_bill_list},
 * {@code hb_fq_pay_info}).
 */
final class TradeQuery implements GatewayMethod {
    private final WalletState state;

    TradeQuery(WalletState state) {
        this.state = state;
    }

    @Override
    public Answer apply(Map<String, Object> biz, Map<String, String> params) {
        Optional<AlipayTrade> found = state.findTrade(biz);
        if (found.isEmpty()) {
            return Answers.refused("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        AlipayTrade t = state.expire(found.get());
        boolean changed = t != found.get();
        WalletState.Pending p = state.pending.get(t.outTradeNo());
        if (t.status() == AlipayTrade.Status.WAIT_BUYER_PAY && p != null) {
            if (p.waitingQueries() == 0) {
                t = state.markPaid(t, p.huabei(), p.installments());
                changed = true;
            } else if (p.waitingQueries() != Integer.MAX_VALUE) {
                state.pending.put(t.outTradeNo(), new WalletState.Pending(p.waitingQueries() - 1, p.huabei(),
                        p.installments()));
            }
        }
        Map<String, Object> m = Answers.success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("buyer_logon_id", WalletState.BUYER_LOGON_ID);
        m.put("trade_status", t.status().name());
        m.put("total_amount", t.totalAmount().toPlainString());
        if (t.status() == AlipayTrade.Status.TRADE_SUCCESS) {
            m.put("buyer_pay_amount", t.totalAmount().toPlainString());
            m.put("receipt_amount", t.totalAmount().toPlainString());
            m.put("send_pay_date", state.paidAt(t));   // when the buyer paid, not when we ask
            m.put("buyer_user_id", WalletState.BUYER_ID);
            m.put("fund_bill_list", Answers.fundBills(t));
            if (t.installments() > 0) {
                m.put("hb_fq_pay_info", Answers.hbInfo(t));
            }
        }
        return new Answer(m, changed);
    }
}
