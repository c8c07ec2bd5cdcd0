package dev.tenderkit.testkit.alipay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of the {@code *_response} nodes the simulator sends: the common code/msg pairs and the
 * trade views (paid, user paying, QR, refund), in the order Alipay's examples show them.
 */
final class Answers {
    private Answers() {
    }

    static Map<String, Object> success() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", "10000");
        m.put("msg", "Success");
        return m;
    }

    static Map<String, Object> error(String code, String msg, String subCode, String subMsg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("msg", msg);
        m.put("sub_code", subCode);
        m.put("sub_msg", subMsg);
        return m;
    }

    static Map<String, Object> refusal(String subCode, String subMsg) {
        return error("40004", "Business Failed", subCode, subMsg);
    }

    static Answer refused(String subCode, String subMsg) {
        return new Answer(refusal(subCode, subMsg), false);
    }

    static Map<String, Object> paid(AlipayTrade t, String now) {
        Map<String, Object> m = success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("buyer_logon_id", WalletState.BUYER_LOGON_ID);
        m.put("total_amount", t.totalAmount().toPlainString());
        m.put("receipt_amount", t.totalAmount().toPlainString());
        m.put("buyer_pay_amount", t.totalAmount().toPlainString());
        m.put("gmt_payment", now);
        m.put("fund_bill_list", fundBills(t));
        m.put("buyer_user_id", WalletState.BUYER_ID);
        if (t.installments() > 0) {
            m.put("hb_fq_pay_info", hbInfo(t));
        }
        return m;
    }

    static Map<String, Object> paying(AlipayTrade t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", "10003");
        m.put("msg", " order success pay inprocess");
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("total_amount", t.totalAmount().toPlainString());
        return m;
    }

    static Map<String, Object> qr(AlipayTrade t) {
        Map<String, Object> m = success();
        m.put("out_trade_no", t.outTradeNo());
        m.put("qr_code", "https://qr.alipay.com/bax0" + t.tradeNo().substring(t.tradeNo().length() - 12));
        return m;
    }

    static Map<String, Object> refund(AlipayTrade t, dev.tenderkit.core.money.Money thisRefund, String fundChange,
            String now) {
        Map<String, Object> m = success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("buyer_logon_id", WalletState.BUYER_LOGON_ID);
        m.put("fund_change", fundChange);
        m.put("refund_fee", t.refunded().toPlainString());
        m.put("send_back_fee", thisRefund.toPlainString());
        m.put("gmt_refund_pay", now);
        return m;
    }

    static List<Object> fundBills(AlipayTrade t) {
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("fund_channel", t.fundChannel().orElse("ALIPAYACCOUNT"));
        bill.put("amount", t.totalAmount().toPlainString());
        bill.put("real_amount", t.totalAmount().toPlainString());
        return List.of(bill);
    }

    static Map<String, Object> hbInfo(AlipayTrade t) {
        Map<String, Object> hb = new LinkedHashMap<>();
        hb.put("fq_amount", t.totalAmount().toPlainString());
        hb.put("user_install_num", String.valueOf(t.installments()));
        return hb;
    }
}
