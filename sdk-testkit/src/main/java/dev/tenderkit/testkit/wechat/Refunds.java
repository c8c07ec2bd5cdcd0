package dev.tenderkit.testkit.wechat;

import java.util.LinkedHashMap;
import java.util.Map;

/** How WeChat Pay writes a refund: in refund and refund-query answers, and in REFUND.* callbacks. */
final class Refunds {
    private Refunds() {
    }

    static Map<String, Object> render(WalletState s, WeChatRefund r) {
        WeChatTrade t = s.ledger.trade(r.outTradeNo()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refund_id", r.refundId());
        m.put("out_refund_no", r.outRefundNo());
        m.put("transaction_id", t.transactionId());
        m.put("out_trade_no", t.outTradeNo());
        m.put("channel", "ORIGINAL");
        m.put("user_received_account", "支付用户零钱");
        r.successTime().ifPresent(at -> m.put("success_time", WalletState.rfc3339(at)));
        m.put("create_time", WalletState.rfc3339(r.created()));
        m.put("status", r.status().name());
        m.put("funds_account", "AVAILABLE");
        m.put("amount", amount(t, r, true));
        return m;
    }

    /** The decrypted resource of a REFUND.* callback. */
    static Map<String, Object> callbackResource(WalletState s, WeChatRefund r) {
        WeChatTrade t = s.ledger.trade(r.outTradeNo()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mchid", s.mchid);
        m.put("out_trade_no", t.outTradeNo());
        m.put("transaction_id", t.transactionId());
        m.put("out_refund_no", r.outRefundNo());
        m.put("refund_id", r.refundId());
        m.put("refund_status", r.status().name());
        r.successTime().ifPresent(at -> m.put("success_time", WalletState.rfc3339(at)));
        m.put("user_received_account", "支付用户零钱");
        m.put("amount", amount(t, r, false));
        return m;
    }

    private static Map<String, Object> amount(WeChatTrade t, WeChatRefund r, boolean full) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("total", t.total().fen());
        a.put("refund", r.amount().fen());
        a.put("payer_total", t.total().fen());
        a.put("payer_refund", r.amount().fen());
        if (full) {
            a.put("settlement_refund", r.amount().fen());
            a.put("settlement_total", t.total().fen());
            a.put("discount_refund", 0L);
            a.put("currency", "CNY");
            a.put("refund_fee", 0L);
        }
        return a;
    }
}
