package dev.tenderkit.wechat;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a trade or refund number as one path segment (RFC 3986 unreserved characters
 * kept, everything else as {@code %XX} of its UTF-8 bytes), so that the path WeChat Pay receives is
 * the path that was signed. Stateless.
 */
final class PathText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathText() {
    }

    static String segment(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return b.toString();
    }
}
