package dev.tenderkit.benchmarks.wechat;

/**
 * The one merchant and trade every WeChat Pay benchmark talks about, and the answer bodies WeChat Pay
 * gives for it: a native prepay's {@code code_url}, the paid trade a query finds, and the paid
 * barcode payment a codepay returns. Plain constants (no TenderKit types), so the official SDK's
 * cold-start program can use them on its own class path.
 */
final class WeChatTrade {
    static final String MCHID = "1900000109";
    static final String APPID = "wxd678efh567hg6787";
    static final String OUT_TRADE_NO = "T0001MWWLRYWL00002";
    static final String TRANSACTION_ID = "4200000000202612030000000001";
    static final String DESCRIPTION = "咖啡 coffee";
    static final int TOTAL_FEN = 8800;
    static final String AUTH_CODE = "134567890123456789";
    static final String CODE_URL = "weixin://wxpay/bizpayurl?pr=p4lpSuKzz";
    static final String NOTIFY_URL = "https://pos.example.com/wechat/notify";
    static final String DEVICE_ID = "POS-01";
    static final String STORE_ID = "S-0001";
    static final String TIME_EXPIRE = "2030-01-01T10:00:00+08:00";

    /** {@code POST /v3/pay/transactions/native}: 200 with the QR code's URL. */
    static final String NATIVE_ANSWER = "{\"code_url\":\"" + CODE_URL + "\"}";

    /** {@code GET /v3/pay/transactions/out-trade-no/{no}?mchid=}: 200, the trade paid by NATIVE. */
    static final String QUERY_ANSWER = paid("NATIVE");

    /** {@code POST /v3/pay/transactions/codepay}: 200, paid at once (no PIN). */
    static final String CODEPAY_ANSWER = paid("MICROPAY");

    private WeChatTrade() {
    }

    private static String paid(String tradeType) {
        return "{\"amount\":{\"currency\":\"CNY\",\"payer_currency\":\"CNY\",\"payer_total\":" + TOTAL_FEN
                + ",\"total\":" + TOTAL_FEN + "},\"appid\":\"" + APPID + "\",\"attach\":\"\",\"bank_type\":\"OTHERS\","
                + "\"mchid\":\"" + MCHID + "\",\"out_trade_no\":\"" + OUT_TRADE_NO + "\","
                + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},\"promotion_detail\":[],"
                + "\"success_time\":\"2026-12-03T10:00:00+08:00\",\"trade_state\":\"SUCCESS\","
                + "\"trade_state_desc\":\"支付成功\",\"trade_type\":\"" + tradeType + "\","
                + "\"transaction_id\":\"" + TRANSACTION_ID + "\"}";
    }
}
