package dev.tenderkit.testkit.wechat;

import java.util.LinkedHashMap;
import java.util.Map;

/** How WeChat Pay writes an order: the transaction object of query answers, codepay answers and callbacks. */
final class Transactions {
    private Transactions() {
    }

    /** @return the state a query reports: {@code REFUND} for a paid order with refunds, else the order's own */
    static String reportedState(WalletState s, WeChatTrade t) {
        if (t.state() == WeChatTrade.State.SUCCESS
                && s.ledger.refundsOf(t.outTradeNo()).stream().anyMatch(WeChatRefund::holdsAmount)) {
            return "REFUND";
        }
        return t.state().name();
    }

    static Map<String, Object> render(WalletState s, WeChatTrade t) {
        String state = reportedState(s, t);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("appid", s.appid);
        m.put("mchid", s.mchid);
        m.put("out_trade_no", t.outTradeNo());
        m.put("transaction_id", t.transactionId());
        m.put("trade_type", t.tradeType());
        m.put("trade_state", state);
        m.put("trade_state_desc", describe(state));
        t.bankType().ifPresent(b -> m.put("bank_type", b));
        m.put("attach", "");
        t.successTime().ifPresent(at -> m.put("success_time", WalletState.rfc3339(at)));
        if (t.everPaid()) {
            m.put("payer", Map.of("openid", WalletState.OPENID));
        }
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", t.total().fen());
        if (t.everPaid()) {
            amount.put("payer_total", t.total().fen());
        }
        amount.put("currency", "CNY");
        amount.put("payer_currency", "CNY");
        m.put("amount", amount);
        return m;
    }

    static String describe(String state) {
        return switch (state) {
            case "SUCCESS" -> "支付成功";
            case "REFUND" -> "转入退款";
            case "NOTPAY" -> "未支付";
            case "USERPAYING" -> "需要用户输入支付密码";
            case "PAYERROR" -> "支付失败，请撤销订单";
            case "REVOKED" -> "已撤销";
            case "CLOSED" -> "已关闭";
            default -> state;
        };
    }
}
