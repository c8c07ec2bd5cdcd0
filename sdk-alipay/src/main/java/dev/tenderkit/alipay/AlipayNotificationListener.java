package dev.tenderkit.alipay;

/**
 * Told of each accepted notification once (never of duplicates or rejected ones), on the thread
 * that called {@link AlipayNotificationHandler#handle}. Override what you need; {@link #NONE} does
 * nothing. A notification is a prompt, not the truth of record: the engine's own query decides a
 * trade's outcome, so a typical {@link #onPaid} asks the engine to query the trade now
 * ({@code PaymentEngine.checkNow(outTradeNo)}).
 * If a method throws, the handler answers {@code fail} and Alipay resends later.
 */
public interface AlipayNotificationListener {

    /** Does nothing. */
    AlipayNotificationListener NONE = new AlipayNotificationListener() {
    };

    /**
     * The trade was paid ({@code TRADE_SUCCESS} or {@code TRADE_FINISHED}, no refund fields).
     *
     * @param notification the verified, checked notification
     */
    default void onPaid(AlipayNotification notification) {
    }

    /**
     * Money went back: a refund ({@code out_biz_no}, {@code refund_fee}: the total refunded so far),
     * partial ({@code TRADE_SUCCESS}) or full ({@code TRADE_CLOSED}), or a paid trade reversed.
     *
     * @param notification the verified, checked notification
     */
    default void onRefunded(AlipayNotification notification) {
    }

    /**
     * The trade closed without payment ({@code TRADE_CLOSED}, no refund fields).
     *
     * @param notification the verified, checked notification
     */
    default void onClosed(AlipayNotification notification) {
    }
}
