package dev.tenderkit.transport.http.internal;

import dev.tenderkit.core.method.PaymentCodeMask;
import dev.tenderkit.transport.http.LogRedaction;
import java.net.URI;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns URLs, headers and bodies into log text with payment codes masked, signatures shortened and
 * secrets dropped, as {@link LogRedaction} says. Stateless after construction; thread-safe.
 */
final class Redactor {

    /** Longest body text put in a log line; the rest is counted, not shown. */
    static final int MAX_BODY_CHARS = 2_000;

    private static final String REDACTED = "<redacted>";
    private static final int SIGNATURE_SHOWN = 8;
    private static final String[] SECRET_FIELD_PARTS = {"key", "secret", "password", "token"};
    private static final String[] SECRET_HEADER_PARTS = {"auth", "key", "secret", "token", "cookie"};

    /** A JSON member name, possibly inside a JSON string (escaped quotes), then the colon. */
    private static final Pattern JSON_NAME = Pattern.compile("\\\\?\"([A-Za-z0-9_.\\-]+)\\\\?\"\\s*:\\s*");

    private final LogRedaction rules;

    /** @param rules what to mask, shorten and drop */
    Redactor(LogRedaction rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param url a request URL
     * @return scheme, authority and path, then the query with its fields redacted; no user info
     */
    public String url(URI url) {
        StringBuilder out = new StringBuilder().append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() >= 0) {
            out.append(':').append(url.getPort());
        }
        out.append(Optional.ofNullable(url.getRawPath()).orElse(""));
        if (url.getRawQuery() != null) {
            out.append('?').append(form(url.getRawQuery()));
        }
        return out.toString();
    }

    /**
     * @param name a header name
     * @param value its value
     * @return the value to log
     */
    public String header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (rules.secretHeaders().contains(lower) || containsAny(lower, SECRET_HEADER_PARTS)) {
            return REDACTED;
        }
        return lower.contains("signature") ? shorten(value) : value;
    }

    /**
     * @param contentType the body's media type, if known
     * @param text the body as text
     * @return the body to log: forms and JSON redacted field by field, anything else only counted
     */
    public String body(Optional<String> contentType, String text) {
        String type = contentType.orElse("").toLowerCase(Locale.ROOT);
        String redacted;
        if (type.startsWith("application/x-www-form-urlencoded")) {
            redacted = form(text);
        } else if (type.contains("json") || type.startsWith("text/") || looksLikeJson(text)) {
            redacted = json(text);
        } else {
            return "<" + text.length() + " chars of " + (type.isEmpty() ? "unknown type" : type) + ">";
        }
        return redacted.length() <= MAX_BODY_CHARS ? redacted
                : redacted.substring(0, MAX_BODY_CHARS) + "...(+" + (redacted.length() - MAX_BODY_CHARS) + " chars)";
    }

    /**
     * @param form an {@code application/x-www-form-urlencoded} text or a raw query string
     * @return the pairs decoded for reading, each value redacted by its name, and JSON inside a
     *     value (such as {@code biz_content}) redacted too
     */
    public String form(String form) {
        StringBuilder out = new StringBuilder();
        for (String pair : form.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (eq < 0) {
                out.append(name);
                continue;
            }
            String value = decode(pair.substring(eq + 1));
            out.append(name).append('=').append(field(name, value).orElseGet(() -> json(value)));
        }
        return out.toString();
    }

    /**
     * @param text JSON, or any text that may contain JSON members
     * @return the text with the value of every sensitive member redacted, also in JSON nested as a
     *     string (escaped quotes); string and number values both
     */
    public String json(String text) {
        Matcher name = JSON_NAME.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int from = 0;
        while (from < text.length() && name.find(from)) {
            int valueStart = name.end();
            int valueEnd = valueEnd(text, valueStart);
            from = Math.max(valueEnd, valueStart + 1);
            if (valueEnd < 0) {
                continue;
            }
            boolean quoted = text.charAt(valueStart) == '"' || text.charAt(valueStart) == '\\';
            int contentStart = valueStart + (quoted ? (text.charAt(valueStart) == '\\' ? 2 : 1) : 0);
            int contentEnd = quoted ? closingQuote(text, contentStart) : valueEnd;
            Optional<String> replaced = field(name.group(1), text.substring(contentStart, contentEnd));
            if (replaced.isPresent()) {
                out.append(text, copied, contentStart).append(replaced.get());
                copied = contentEnd;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** @return the redacted value if {@code name} is sensitive, empty if it may be logged as it is */
    private Optional<String> field(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (rules.paymentCodeFields().contains(lower)) {
            return Optional.of(PaymentCodeMask.mask(value));
        }
        if (rules.signatureFields().contains(lower)) {
            return Optional.of(shorten(value));
        }
        if (rules.secretFields().contains(lower) || containsAny(lower, SECRET_FIELD_PARTS)) {
            return Optional.of(REDACTED);
        }
        return Optional.empty();
    }

    /** @return the end of a string or number value starting at {@code start}, or -1 if neither */
    private static int valueEnd(String text, int start) {
        if (start >= text.length()) {
            return -1;
        }
        char c = text.charAt(start);
        if (c == '"' || (c == '\\' && start + 1 < text.length() && text.charAt(start + 1) == '"')) {
            int contentStart = start + (c == '"' ? 1 : 2);
            int close = closingQuote(text, contentStart);
            return close < 0 ? -1 : close;
        }
        int i = start;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '-')) {
            i++;
        }
        return i == start ? -1 : i;
    }

    /** @return where the string content starting at {@code from} ends: at {@code "} or at {@code \"} */
    private static int closingQuote(String text, int from) {
        int quote = text.indexOf('"', from);
        if (quote < 0) {
            return text.length();
        }
        return quote > from && text.charAt(quote - 1) == '\\' ? quote - 1 : quote;
    }

    private static String shorten(String signature) {
        return signature.length() <= SIGNATURE_SHOWN ? "*".repeat(signature.length())
                : signature.substring(0, SIGNATURE_SHOWN) + "...(" + signature.length() + " chars)";
    }

    private static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    private static boolean containsAny(String name, String[] parts) {
        for (String part : parts) {
            if (name.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String text) {
        try {
            // The charset-name form: Android (API 26) has no URLDecoder.decode(String, Charset).
            return URLDecoder.decode(text, "UTF-8");
        } catch (IllegalArgumentException | UnsupportedEncodingException malformed) {
            return text;
        }
    }
}
