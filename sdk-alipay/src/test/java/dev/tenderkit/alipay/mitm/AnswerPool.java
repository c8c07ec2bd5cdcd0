package dev.tenderkit.alipay.mitm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every answer the simulated Alipay really signed, as the man in the middle collected them, keyed
 * by the method and the trade (and refund number) of the request it answered: what an attacker
 * who watched the wire holds. Nothing in an answer binds it to its request but its content, and
 * the signature covers only the content of the {@code <method>_response} member, not the member's
 * name, so each entry can be replayed verbatim or under another member name. Thread-safe.
 */
final class AnswerPool {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One genuine answer.
     *
     * @param seq the order in which the proxy saw requests (shared with {@link MitmProxy})
     * @param method the request's method, e.g. {@code alipay.trade.query}
     * @param outTradeNo the trade the request named
     * @param outRequestNo the refund number the request named (refund, refund query), else empty
     * @param node the member name the simulator answered under, e.g. {@code alipay_trade_query_response}
     * @param content the member's value, exactly the characters that were signed
     * @param sign the simulator's signature of {@code content}
     * @param fields the content's top-level scalar fields
     */
    record Entry(long seq, String method, String outTradeNo, Optional<String> outRequestNo, String node,
            String content, String sign, Map<String, String> fields) {
        Entry {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(outTradeNo, "outTradeNo");
            Objects.requireNonNull(outRequestNo, "outRequestNo");
            fields = Map.copyOf(fields);
        }

        /** @return the body as the simulator sent it */
        String body() {
            return bodyUnder(node);
        }

        /** @return the same signed content under another member name (what a renaming attacker sends) */
        String bodyUnder(String otherNode) {
            return "{\"" + otherNode + "\":" + content + ",\"sign\":\"" + sign + "\"}";
        }

        boolean isSuccess() {
            return "10000".equals(fields.get("code"));
        }

        /**
         * @return what the answer says, without whose it is: e.g. {@code query 10000 TRADE_SUCCESS},
         *     {@code pay 40004 ACQ.BUYER_BALANCE_NOT_ENOUGH}, {@code refund.query 10000 no refund}
         */
        String shape() {
            StringBuilder sb = new StringBuilder(shortMethod(method)).append(' ')
                    .append(fields.getOrDefault("code", "?"));
            if (fields.containsKey("sub_code")) {
                sb.append(' ').append(fields.get("sub_code"));
            } else if (fields.containsKey("trade_status")) {
                sb.append(' ').append(fields.get("trade_status"));
            } else if (fields.containsKey("action")) {
                sb.append(" action=").append(fields.get("action"));
            } else if (method.equals("alipay.trade.fastpay.refund.query")) {
                sb.append(fields.containsKey("refund_amount") ? " refund found" : " no refund");
            }
            return sb.toString();
        }

        /** @return e.g. {@code query of T1...0007: 10000 TRADE_SUCCESS trade_no 2026...} (for messages) */
        String describe() {
            StringBuilder sb = new StringBuilder(shortMethod(method)).append(" of ").append(outTradeNo);
            outRequestNo.ifPresent(r -> sb.append('/').append(r));
            sb.append(" (#").append(seq).append(": ").append(fields.getOrDefault("code", "?"));
            for (String f : List.of("sub_code", "trade_status", "action", "total_amount", "refund_amount",
                    "send_back_fee", "trade_no")) {
                String v = fields.get(f);
                if (v != null) {
                    sb.append(' ').append(f.equals("sub_code") || f.equals("trade_status") || f.equals("action") ? ""
                            : f + "=").append(v);
                }
            }
            return sb.append(')').toString();
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    /** qr_code → the trade whose precreate answer carried it. */
    private final Map<String, String> qrOwners = new HashMap<>();
    private final Map<String, String> qrCodes = new HashMap<>();

    /**
     * Records a genuine answer.
     *
     * @return the entry, or empty if the body is not a signed answer (a plain-text error, say)
     */
    synchronized Optional<Entry> add(long seq, String method, String outTradeNo, Optional<String> outRequestNo,
            String body) {
        Optional<Entry> parsed = parse(seq, method, outTradeNo, outRequestNo, body);
        parsed.ifPresent(e -> {
            entries.add(e);
            String qr = e.fields().get("qr_code");
            if (e.method().equals("alipay.trade.precreate") && qr != null) {
                qrOwners.put(qr, outTradeNo);
                qrCodes.put(outTradeNo, qr);
            }
        });
        return parsed;
    }

    /** @return entries matching the filter, oldest first */
    synchronized List<Entry> select(Predicate<Entry> filter) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    synchronized int size() {
        return entries.size();
    }

    /** @return the trade a QR code really belongs to, by the simulator's own precreate answers */
    synchronized Optional<String> ownerOfQrCode(String qrCode) {
        return Optional.ofNullable(qrOwners.get(qrCode));
    }

    /** @return the QR code the simulator really issued for a trade */
    synchronized Map<String, String> genuineQrCodes() {
        return Map.copyOf(qrCodes);
    }

    /**
     * Splits {@code {"<node>":<content>,"sign":"<sign>"}}, the only form the simulator sends in
     * public-key mode, so the content is exactly the characters it signed.
     */
    static Optional<Entry> parse(long seq, String method, String outTradeNo, Optional<String> outRequestNo,
            String body) {
        int nodeEnd = body.indexOf("\":");
        int signAt = body.lastIndexOf(",\"sign\":\"");
        if (!body.startsWith("{\"") || nodeEnd < 0 || signAt < nodeEnd || !body.endsWith("\"}")) {
            return Optional.empty();
        }
        String node = body.substring(2, nodeEnd);
        String content = body.substring(nodeEnd + 2, signAt);
        String sign = body.substring(signAt + ",\"sign\":\"".length(), body.length() - 2);
        return Optional.of(new Entry(seq, method, outTradeNo, outRequestNo, node, content, sign, scalars(content)));
    }

    /** @return the top-level scalar fields of a JSON object, as text */
    static Map<String, String> scalars(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t.isScalarValue()) {
                    out.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
        return out;
    }

    /** @return {@code alipay.trade.fastpay.refund.query} → {@code refund.query}, for messages */
    static String shortMethod(String method) {
        return method.replace("alipay.trade.fastpay.", "").replace("alipay.trade.", "");
    }
}
