package dev.tenderkit.core.method;

/**
 * Masks a payment code (付款码), or anything that was offered as one, before it goes into a log, a
 * message or an exception: whole payment codes must never be written anywhere (a code is a bearer
 * token for the buyer's money until it expires).
 *
 * <p>The mask keeps the length and shows at most the first 4 and the last 4 characters, and never
 * more than half of them: {@code min(4, length / 4)} on each side; every other character becomes
 * {@code '*'}. An 18-digit code {@code 134567890123456789} becomes {@code 1345**********6789}, an
 * 8-character input {@code 12345678} becomes {@code 12****78}, and anything shorter than 4
 * characters is all stars. A shown character that is not printable ASCII (a line break, a
 * full-width digit, half a surrogate pair) is shown as {@code '?'}, so a mask never breaks a log
 * line. It works on any input, valid or not, because rejected codes are logged too.
 *
 * <p>Stateless and thread-safe.
 */
public final class PaymentCodeMask {

    /** What {@link #mask(CharSequence)} returns for {@code null}: there was no code. */
    public static final String NONE = "<none>";

    /** Most characters shown on each side. */
    private static final int MAX_SHOWN_PER_SIDE = 4;

    private PaymentCodeMask() {
    }

    /**
     * @param code a payment code or any text offered as one; may be {@code null}
     * @return the masked text, as long as {@code code}; {@link #NONE} for {@code null}; never
     *     {@code null}
     */
    public static String mask(CharSequence code) {
        if (code == null) {
            return NONE;
        }
        int length = code.length();
        int shown = shownPerSide(length);
        char[] masked = new char[length];
        for (int i = 0; i < length; i++) {
            if (i < shown || i >= length - shown) {
                char c = code.charAt(i);
                masked[i] = c >= ' ' && c < 0x7F ? c : '?';
            } else {
                masked[i] = '*';
            }
        }
        return new String(masked);
    }

    /**
     * @param length the length of the text to mask
     * @return how many characters the mask shows at each end: {@code min(4, length / 4)}
     */
    static int shownPerSide(int length) {
        return Math.min(MAX_SHOWN_PER_SIDE, length / 4);
    }
}
