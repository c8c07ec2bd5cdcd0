package dev.tenderkit.core.operator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Reads one trail record back into an entry, strictly: every field known, each at most once, the
 * required ones present, each value of its type. Streaming (one pass over the bytes, no document
 * tree, operators read before reused): opening a trail decodes every entry, and the chain must be
 * verified at 100,000 entries per second or more. Errors name the field and its character offset.
 * Not thread-safe (it caches the operators it has seen); each verification has its own.
 */
final class EntryReader {
    private static final int MAX_OPERATORS = 4096;

    private final JsonFactory factory;
    private final Map<String, Operator> operators = new HashMap<>();

    EntryReader(JsonFactory factory) {
        this.factory = factory;
    }

    TrailCodec.Decoded read(byte[] payload, String source) {
        try (JsonParser p = factory.createParser(payload)) {
            try {
                return fields(p, source);
            } catch (MalformedDocumentException e) {
                throw e;
            } catch (TenderKitException | DateTimeException | IllegalArgumentException e) {
                throw error(source, p, e.getMessage(), e);
            }
        } catch (JsonProcessingException e) {
            throw new MalformedDocumentException(source, "", 1, (int) e.getLocation().getCharOffset() + 1,
                    "not a trail entry: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedDocumentException(source, "", 1, 1, "not a trail entry: " + e, e);
        }
    }

    private TrailCodec.Decoded fields(JsonParser p, String source) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error(source, p, "a trail entry is a JSON object", null);
        }
        long seq = 0;
        String prev = null, at = null, type = null, action = null, op = null, opName = null, opRole = null;
        String approver = null, approverName = null, approverRole = null, means = null, order = null, trade = null;
        String refund = null, amount = null, method = null, result = null, detail = null;
        long intent = 0;
        int seen = 0;
        int[] column = new int[20];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            int bit;
            switch (name) {
                case "seq" -> { bit = 0; seq = number(p, value, source); }
                case "prev" -> { bit = 1; prev = text(p, value, source); }
                case "at" -> { bit = 2; at = text(p, value, source); }
                case "type" -> { bit = 3; type = text(p, value, source); }
                case "action" -> { bit = 4; action = text(p, value, source); }
                case "op" -> { bit = 5; op = text(p, value, source); }
                case "opName" -> { bit = 6; opName = text(p, value, source); }
                case "opRole" -> { bit = 7; opRole = text(p, value, source); }
                case "approver" -> { bit = 8; approver = text(p, value, source); }
                case "approverName" -> { bit = 9; approverName = text(p, value, source); }
                case "approverRole" -> { bit = 10; approverRole = text(p, value, source); }
                case "means" -> { bit = 11; means = text(p, value, source); }
                case "order" -> { bit = 12; order = text(p, value, source); }
                case "trade" -> { bit = 13; trade = text(p, value, source); }
                case "refund" -> { bit = 14; refund = text(p, value, source); }
                case "amount" -> { bit = 15; amount = text(p, value, source); }
                case "method" -> { bit = 16; method = text(p, value, source); }
                case "result" -> { bit = 17; result = text(p, value, source); }
                case "detail" -> { bit = 18; detail = text(p, value, source); }
                case "intent" -> { bit = 19; intent = number(p, value, source); }
                default -> throw error(source, p, "unknown field \"" + name + "\"", null);
            }
            if ((seen & (1 << bit)) != 0) {
                throw error(source, p, "field \"" + name + "\" appears twice", null);
            }
            seen |= 1 << bit;
            column[bit] = (int) p.currentTokenLocation().getCharOffset() + 1;
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw error(source, p, "content after the entry's fields", null);
        }
        if (!TrailHash.isHex(required(prev, "prev", source, p))) {
            throw error(source, p, "\"prev\" must be 64 lower-case hex digits (a SHA-256), found \"" + prev + "\"", null);
        }
        if (seq < 1) {
            throw error(source, p, "\"seq\" is required, from 1", null);
        }
        Optional<Operator> approvedBy = approver == null ? Optional.empty()
                : Optional.of(as(source, "approver", column[8], operator(approver, required(approverName,
                        "approverName", source, p), required(approverRole, "approverRole", source, p))));
        String opId = required(op, "op", source, p), opN = required(opName, "opName", source, p);
        String opR = required(opRole, "opRole", source, p), atText = required(at, "at", source, p);
        String typeText = required(type, "type", source, p), orderId = required(order, "order", source, p);
        String actionText = action, amountText = amount, resultText = result;
        TrailEntry entry = new TrailEntry(seq, as(source, "at", column[2], () -> instant(atText)),
                as(source, "type", column[3], () -> EntryType.valueOf(typeText)),
                actionText == null ? Optional.empty()
                        : Optional.of(as(source, "action", column[4], () -> DeskAction.valueOf(actionText))),
                as(source, "op", column[5], operator(opId, opN, opR)), approvedBy, Optional.ofNullable(means), orderId,
                Optional.ofNullable(trade), Optional.ofNullable(refund),
                amountText == null ? Optional.empty()
                        : Optional.of(as(source, "amount", column[15], () -> Money.parse(amountText))),
                Optional.ofNullable(method), resultText == null ? Optional.empty()
                        : Optional.of(as(source, "result", column[17], () -> TrailResult.valueOf(resultText))),
                detail == null ? "" : detail, intent > 0 ? OptionalLong.of(intent) : OptionalLong.empty());
        return new TrailCodec.Decoded(entry, prev);
    }

    private Supplier<Operator> operator(String id, String name, String role) {
        return () -> {
            String key = id + '\u0000' + name + '\u0000' + role;
            Operator o = operators.get(key);
            if (o == null) {
                o = new Operator(id, name, Role.valueOf(role));
                if (operators.size() < MAX_OPERATORS) {
                    operators.put(key, o);
                }
            }
            return o;
        };
    }

    /** @return the field's value converted, or an error naming the field and its column */
    private static <T> T as(String source, String field, int column, Supplier<T> convert) {
        try {
            return convert.get();
        } catch (TenderKitException | DateTimeException | IllegalArgumentException e) {
            throw new MalformedDocumentException(source, "/" + field, 1, column, "not a trail entry: field \""
                    + field + "\": " + e.getMessage(), e);
        }
    }

    /**
     * {@link Instant#toString()}'s own form, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, read directly
     * (it is most of the decoding cost through {@link Instant#parse}); anything else goes to it.
     */
    static Instant instant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z' || (n > 20 && s.charAt(19) != '.')) {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
        int fraction = n > 20 ? digits(s, 20, n - 1) : 0;
        int fractionDigits = n > 20 ? n - 21 : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || fraction < 0 || fractionDigits > 9 || (n > 20 && fractionDigits == 0)) {
            return Instant.parse(s);
        }
        long nanos = fraction;
        for (int i = fractionDigits; i < 9; i++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** @return the decimal value of {@code s[from, to)}, or -1 if it holds anything but digits */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String text(JsonParser p, JsonToken value, String source) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw error(source, p, "field \"" + p.currentName() + "\" must be a string", null);
        }
        return p.getText();
    }

    private static long number(JsonParser p, JsonToken value, String source) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw error(source, p, "field \"" + p.currentName() + "\" must be a whole number from 1", null);
        }
        int v = p.getIntValue();
        if (v < 1) {
            throw error(source, p, "field \"" + p.currentName() + "\" must be a whole number from 1", null);
        }
        return v;
    }

    private static String required(String value, String name, String source, JsonParser p) {
        if (value == null) {
            throw error(source, p, "field \"" + name + "\" is required", null);
        }
        return value;
    }

    private static MalformedDocumentException error(String source, JsonParser p, String problem, Throwable cause) {
        String field;
        try {
            field = p.currentName() == null ? "" : "/" + p.currentName();
        } catch (IOException e) {
            field = "";
        }
        int column = (int) p.currentTokenLocation().getCharOffset() + 1;
        return new MalformedDocumentException(source, field, 1, column, "not a trail entry: " + problem, cause);
    }
}
