package dev.tenderkit.alipay;

import java.nio.charset.StandardCharsets;

/**
 * {@code application/x-www-form-urlencoded} in UTF-8, exactly as {@link java.net.URLEncoder#encode(String,
 * java.nio.charset.Charset)} writes it ({@code a-z A-Z 0-9 . - * _} kept, space as {@code +}, every
 * other character as the {@code %XX} of its UTF-8 bytes, upper-case hex, a lone surrogate as
 * {@code ?}), but appended into the caller's builder: {@code URLEncoder} allocates a builder, a
 * {@code CharArrayWriter} and a string per value, which was the largest part of a pay call's own
 * CPU outside the cryptography.
 */
final class FormEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormEncoding() {
    }

    /** Appends {@code s}, form-encoded, to {@code out}. */
    static StringBuilder append(StringBuilder out, String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isKept(c)) {
                out.append(c);
                i++;
            } else if (c == ' ') {
                out.append('+');
                i++;
            } else if (c < 0x80) {
                percent(out, c);
                i++;
            } else {
                // a run of non-ASCII characters is encoded together, so surrogate pairs stay whole
                int start = i;
                while (i < n && s.charAt(i) >= 0x80) {
                    i++;
                }
                for (byte b : s.substring(start, i).getBytes(StandardCharsets.UTF_8)) {
                    percent(out, b & 0xff);
                }
            }
        }
        return out;
    }

    private static boolean isKept(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-' || c == '*' || c == '_';
    }

    private static void percent(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
    }
}
