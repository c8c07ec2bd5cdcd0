package dev.tenderkit.alipay;

import java.util.HashMap;
import java.util.Map;

/**
 * Scans a response body's top-level object without decoding it, recording where each member's raw
 * value starts and ends, so that what is verified is exactly the received text (alipay.md §2:
 * after {@code "node":}, the first {@code '{'} to its matching {@code '}'}, strings and backslash
 * escapes respected). Keys that occur twice at the top level are recorded as duplicates.
 */
final class ResponseText {
    /** Raw value range of a top-level member; {@code duplicate} if the key occurred more than once. */
    record Member(int start, int end, boolean duplicate) {
    }

    /** Thrown (internally) when the text is not one JSON object. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final String s;
    private int i;

    private ResponseText(String s) {
        this.s = s;
    }

    static Map<String, Member> members(String body) throws Malformed {
        return new ResponseText(body).topLevel();
    }

    private Map<String, Member> topLevel() throws Malformed {
        Map<String, Member> out = new HashMap<>(8);
        skipWs();
        expect('{');
        skipWs();
        if (peek() == '}') {
            i++;
        } else {
            while (true) {
                skipWs();
                if (peek() != '"') {
                    throw new Malformed("expected a member name at offset " + i);
                }
                int keyStart = i + 1;
                skipString();
                String key = s.substring(keyStart, i - 1);
                skipWs();
                expect(':');
                skipWs();
                int start = i;
                skipValue();
                Member prev = out.get(key);
                out.put(key, prev == null ? new Member(start, i, false) : new Member(prev.start, prev.end, true));
                skipWs();
                char c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new Malformed("expected ',' or '}' at offset " + (i - 1));
                }
            }
        }
        skipWs();
        if (i != s.length()) {
            throw new Malformed("text after the top-level object at offset " + i);
        }
        return out;
    }

    private void skipValue() throws Malformed {
        char c = peek();
        if (c == '"') {
            skipString();
        } else if (c == '{' || c == '[') {
            skipContainer();
        } else {
            int start = i;
            while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                throw new Malformed("expected a value at offset " + i);
            }
        }
    }

    /** Matches braces and brackets from an opening one, stepping over strings. */
    private void skipContainer() throws Malformed {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                skipString();
                continue;
            }
            i++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return;
                }
            }
        }
        throw new Malformed("unbalanced braces");
    }

    /** From an opening quote to just past its closing quote, honouring backslash escapes. */
    private void skipString() throws Malformed {
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return;
            }
        }
        throw new Malformed("unterminated string");
    }

    private void skipWs() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r' || s.charAt(i) == '\n')) {
            i++;
        }
    }

    private char peek() throws Malformed {
        if (i >= s.length()) {
            throw new Malformed("unexpected end of text");
        }
        return s.charAt(i);
    }

    private char next() throws Malformed {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) throws Malformed {
        if (next() != c) {
            throw new Malformed("expected '" + c + "' at offset " + (i - 1));
        }
    }

    /** Decodes a raw JSON string literal (quotes included). */
    static String decodeString(String raw) throws Malformed {
        if (raw.length() < 2 || raw.charAt(0) != '"' || raw.charAt(raw.length() - 1) != '"') {
            throw new Malformed("not a string");
        }
        if (raw.indexOf('\\') < 0) {
            return raw.substring(1, raw.length() - 1); // nothing to unescape (a base64 sign, usually)
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int k = 1; k < raw.length() - 1; k++) {
            char c = raw.charAt(k);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++k >= raw.length() - 1) {
                throw new Malformed("broken escape");
            }
            char e = raw.charAt(k);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (k + 4 >= raw.length()) {
                        throw new Malformed("broken \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(raw.substring(k + 1, k + 5), 16));
                    } catch (NumberFormatException ex) {
                        throw new Malformed("broken \\u escape");
                    }
                    k += 4;
                }
                default -> throw new Malformed("unknown escape \\" + e);
            }
        }
        return sb.toString();
    }
}
