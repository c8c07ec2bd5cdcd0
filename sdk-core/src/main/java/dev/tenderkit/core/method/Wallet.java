package dev.tenderkit.core.method;

/**
 * The payment scheme a buyer pays from, as far as the terminal can tell: which wallet issued a
 * scanned payment code (付款码), or which scheme a payment method belongs to.
 */
public enum Wallet {
    /** Alipay (支付宝), including Huabei (花呗). */
    ALIPAY,
    /** WeChat Pay (微信支付), including 分付. */
    WECHAT_PAY,
    /** UnionPay (银联): bank cards and UnionPay QR (云闪付). */
    UNIONPAY,
    /** e-CNY (数字人民币), the central bank digital currency wallet. */
    ECNY
}
