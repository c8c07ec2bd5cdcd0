package dev.tenderkit.testkit.alipay;

/**
 * Something that goes wrong with the next asynchronous notification, scripted with
 * {@link SimulatedAlipay#failNextNotification(NotificationFault)}; each is used once, in the order
 * added.
 */
public enum NotificationFault {
    /**
     * The notification is delivered twice with the same {@code notify_id} (and the same signature):
     * the second time right after the first was answered, whatever the answer. Alipay does resend
     * notifications the merchant already acknowledged; a receiver must recognise them.
     */
    DUPLICATE,
    /**
     * The first delivery carries a {@code sign} that is valid base64 but was made over other
     * content, as a forged or corrupted post would; the resends are signed correctly.
     */
    BAD_SIGNATURE
}
