package dev.tenderkit.wechat;

/**
 * Told of each accepted WeChat Pay callback once (never of duplicates or rejected ones), on the
 * thread that called {@link WeChatPayCallbackHandler#handle}. A callback is a prompt, not the truth
 * of record: the engine's own query decides the trade, so a typical listener calls
 * {@code PaymentEngine.checkNow(callback.outTradeNo())}. If it throws, the handler answers 500 and
 * WeChat Pay resends later. {@link #NONE} does nothing.
 */
@FunctionalInterface
public interface WeChatPayCallbackListener {
    /** Does nothing. */
    WeChatPayCallbackListener NONE = callback -> { };

    /** @param callback the verified, checked callback */
    void onCallback(WeChatPayCallback callback);
}
