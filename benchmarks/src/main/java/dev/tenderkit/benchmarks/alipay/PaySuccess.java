package dev.tenderkit.benchmarks.alipay;

/** The {@code alipay_trade_pay_response} node both Alipay benchmarks answer with: paid at once, from Huabei. */
final class PaySuccess {
    static final String OUT_TRADE_NO = "T0001MWWLRYWL00001";
    static final String AUTH_CODE = "281234567890123456";
    static final String TRADE_NO = "2026112522001400000001";

    static final String NODE = "{\"code\":\"10000\",\"msg\":\"Success\",\"buyer_logon_id\":\"159****5620\","
            + "\"fund_bill_list\":[{\"amount\":\"88.00\",\"fund_channel\":\"PCREDIT\"}],"
            + "\"gmt_payment\":\"2026-11-25 10:00:00\",\"out_trade_no\":\"" + OUT_TRADE_NO + "\","
            + "\"receipt_amount\":\"88.00\",\"total_amount\":\"88.00\",\"trade_no\":\"" + TRADE_NO + "\"}";

    private PaySuccess() {
    }
}
