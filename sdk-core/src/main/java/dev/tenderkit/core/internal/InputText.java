package dev.tenderkit.core.internal;

import java.util.Locale;

/**
 * Renders rejected input safely inside an error message: quoted, with control characters
 * escaped and long input cut short, so a hostile or binary value cannot forge or flood a log line.
 * Internal: not yours to use.
 */
public final class InputText {
    /** The most characters of an input an error message repeats. */
    public static final int MAX_QUOTED = 64;

    private InputText() {
    }

    /** @return the text in double quotes, escaped and cut to {@link #MAX_QUOTED} characters */
    public static String quote(String text) {
        int shown = Math.min(text.length(), MAX_QUOTED);
        StringBuilder sb = new StringBuilder(shown + 24).append('"');
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (shown < text.length()) {
            sb.append(" (cut short; ").append(text.length()).append(" characters)");
        }
        return sb.toString();
    }

    /** @return whether the character is whitespace in either of Java's senses */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** @return a name for a character that may not appear where it does, safe for a log line */
    public static String describe(char c) {
        if (c > ' ' && c < 0x7F) {
            return "'" + c + "'";
        }
        String codePoint = String.format(Locale.ROOT, "U+%04X", (int) c);
        if (isSpace(c)) {
            return "whitespace (" + codePoint + ")";
        }
        if (Character.isDigit(c)) {
            return "the non-ASCII digit '" + c + "' (" + codePoint + ")";
        }
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return "the character " + codePoint;
        }
        return "'" + c + "' (" + codePoint + ")";
    }
}
