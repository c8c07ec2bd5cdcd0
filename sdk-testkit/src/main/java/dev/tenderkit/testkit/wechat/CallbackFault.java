package dev.tenderkit.testkit.wechat;

/**
 * Something that goes wrong with the next callback, scripted with
 * {@link SimulatedWeChatPay#failNextCallback(CallbackFault)}; each is used once, in the order added.
 * Resends after a spoiled first delivery are signed correctly.
 */
public enum CallbackFault {
    /** Delivered twice with the same {@code id}, the second right after the first was answered: WeChat does resend. */
    DUPLICATE,
    /** The first delivery's {@code Wechatpay-Signature} is made over other text. */
    BAD_SIGNATURE,
    /** The first delivery carries a {@code WECHATPAY/SIGNTEST/} probe signature. */
    PROBE_SIGNATURE,
    /** The first delivery is correctly signed with a {@code Wechatpay-Timestamp} 6 minutes old. */
    STALE_TIMESTAMP
}
