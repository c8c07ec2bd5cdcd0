package dev.tenderkit.alipay.mitm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the man in the middle does to each answer, drawn from one seeded {@link Random} in the
 * order requests arrive (the engine runs on virtual time, on one thread, so a seed replays a run):
 * let it through, or attack it — either after forwarding the request (the wallet acted, the
 * engine is told a lie) or without forwarding it (the wallet never heard of it) — with one of the
 * {@link Kind}s: genuinely signed answers replayed from elsewhere, or forgeries.
 */
final class AttackPlan {
    /** Whether the wallet saw the request the engine is lied to about. */
    enum Mode {
        /** Forwarded: the wallet acted on the request (charged, cancelled, refunded), the engine sees a replacement. */
        FORWARDED,
        /** Not forwarded: the wallet never heard of the request, the engine sees a replacement. */
        WITHHELD
    }

    /** What the engine is shown instead of the wallet's answer. */
    enum Kind {
        /** A genuine signed answer of the same method for another trade, verbatim. */
        OTHER_TRADE("other trade", true),
        /** A genuine signed answer of another method for the same trade, its member renamed to this method's. */
        OTHER_METHOD_SAME_TRADE("renamed same", true),
        /** A genuine signed answer of another method for another trade, its member renamed. */
        OTHER_METHOD_OTHER_TRADE("renamed other", true),
        /** An older genuine signed answer of the same method and trade (another refund number, an earlier poll). */
        OLDER_SAME_TRADE("older", true),
        /** Genuine content without its signature (no {@code sign}, or an empty one). */
        UNSIGNED("unsigned", false),
        /** Content changed after signing, the sign kept: one digit flipped, or another trade's answer retargeted. */
        TAMPERED("tampered", false),
        /** Content signed with a key that is not Alipay's: genuine content, or another trade's answer retargeted. */
        FOREIGN_KEY("foreign key", false),
        /** A genuine body cut short. */
        TRUNCATED("truncated", false),
        /** HTTP 500 with an HTML page. */
        HTTP_500("HTTP 500", false);

        private final String label;
        private final boolean replay;

        Kind(String label, boolean replay) {
            this.label = label;
            this.replay = replay;
        }

        /** @return a short name for tables */
        String label() {
            return label;
        }

        /** @return whether this kind replays an answer Alipay really signed (else it is a forgery) */
        boolean replay() {
            return replay;
        }
    }

    /**
     * A request as the proxy read it.
     *
     * @param seq its place in the order of arrival
     * @param method e.g. {@code alipay.trade.pay}
     * @param outTradeNo the trade it names
     * @param outRequestNo the refund number it names, for refund and refund query
     * @param amount {@code total_amount} of a pay or precreate, {@code refund_amount} of a refund
     */
    record Request(long seq, String method, String outTradeNo, Optional<String> outRequestNo, Optional<String> amount) {
        Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(outTradeNo, "outTradeNo");
        }

        String node() {
            return method.replace('.', '_') + "_response";
        }

        String describe() {
            return AnswerPool.shortMethod(method) + " of " + outTradeNo + outRequestNo.map(r -> "/" + r).orElse("");
        }
    }

    /** The attack decided for one request, before its replacement is built. */
    record Decision(Mode mode, Kind kind) {
    }

    /**
     * What the engine is sent instead of the wallet's answer.
     *
     * @param kind the kind actually delivered (a kind with nothing to replay falls back to another)
     * @param status the HTTP status
     * @param body the body
     * @param detail where it came from, for messages
     * @param source what the replayed or forged-from answer says ({@link AnswerPool.Entry#shape()}), for tallies
     */
    record Replacement(Kind kind, int status, String body, String detail, String source) {
    }

    private static final Pattern DIGIT = Pattern.compile("[0-9]");
    /** The methods attacked; a precreate is attacked only after it was forwarded (see {@link #decide}). */
    static final Set<String> ATTACKED = Set.of("alipay.trade.pay", "alipay.trade.precreate", "alipay.trade.query",
            "alipay.trade.cancel", "alipay.trade.close", "alipay.trade.refund", "alipay.trade.fastpay.refund.query");

    private final Random random;
    private final double rate;
    private final Map<Kind, Integer> weights;
    private final int totalWeight;
    private final KeyPair foreignKey;

    /**
     * @param seed the seed of every decision
     * @param rate the share of answers attacked, 0..1
     * @param foreignKey an RSA key pair that is not Alipay's, for {@link Kind#FOREIGN_KEY}
     */
    AttackPlan(long seed, double rate, KeyPair foreignKey) {
        this.random = new Random(seed);
        this.rate = rate;
        this.foreignKey = foreignKey;
        Map<Kind, Integer> w = new EnumMap<>(Kind.class);
        // Mostly replays of genuinely signed answers: that is the threat a signature alone does not stop.
        w.put(Kind.OTHER_TRADE, 28);
        w.put(Kind.OTHER_METHOD_SAME_TRADE, 14);
        w.put(Kind.OTHER_METHOD_OTHER_TRADE, 14);
        w.put(Kind.OLDER_SAME_TRADE, 14);
        w.put(Kind.UNSIGNED, 6);
        w.put(Kind.TAMPERED, 8);
        w.put(Kind.FOREIGN_KEY, 7);
        w.put(Kind.TRUNCATED, 3);
        w.put(Kind.HTTP_500, 3);
        this.weights = w;
        this.totalWeight = w.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * @return the attack on this request's answer, or empty to let the wallet's answer through. A
     *     precreate is only attacked after it was forwarded: a QR trade the wallet never created
     *     cannot be closed at all ({@code alipay.trade.close} answers ACQ.TRADE_NOT_EXIST), which
     *     is not what this test is about.
     */
    synchronized Optional<Decision> decide(Request r) {
        if (!ATTACKED.contains(r.method()) || random.nextDouble() >= rate) {
            return Optional.empty();
        }
        Mode mode = r.method().equals("alipay.trade.precreate") || random.nextBoolean() ? Mode.FORWARDED
                : Mode.WITHHELD;
        int pick = random.nextInt(totalWeight);
        for (Map.Entry<Kind, Integer> e : weights.entrySet()) {
            pick -= e.getValue();
            if (pick < 0) {
                return Optional.of(new Decision(mode, e.getKey()));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Builds the replacement. A replay with nothing to replay yet (the first trades, a trade's first
     * request) falls back to another replay kind that has something, then to a forgery.
     *
     * @param d the decision
     * @param r the request
     * @param genuine the wallet's answer, when the request was forwarded and answered with a signed body
     * @param pool every genuine answer so far ({@code genuine} included)
     */
    synchronized Replacement replace(Decision d, Request r, Optional<AnswerPool.Entry> genuine, AnswerPool pool) {
        Optional<Replacement> first = build(d.kind(), r, genuine, pool);
        if (first.isPresent()) {
            return first.get();
        }
        List<Kind> others = new ArrayList<>(List.of(Kind.values()));
        others.remove(d.kind());
        java.util.Collections.shuffle(others, random);
        others.sort((a, b) -> Boolean.compare(b.replay(), a.replay()));   // replays first, stable otherwise
        for (Kind k : others) {
            Optional<Replacement> next = build(k, r, genuine, pool);
            if (next.isPresent()) {
                return next.get();
            }
        }
        throw new IllegalStateException("HTTP_500 is always possible");
    }

    private Optional<Replacement> build(Kind kind, Request r, Optional<AnswerPool.Entry> genuine, AnswerPool pool) {
        switch (kind) {
            case OTHER_TRADE:
                return pick(pool, e -> e.method().equals(r.method()) && !e.outTradeNo().equals(r.outTradeNo()))
                        .map(e -> replay(kind, e, r.node(), "verbatim"));
            case OTHER_METHOD_SAME_TRADE:
                return pick(pool, e -> !e.method().equals(r.method()) && e.outTradeNo().equals(r.outTradeNo())
                        && e.seq() != r.seq()).map(e -> renamed(kind, e, r));
            case OTHER_METHOD_OTHER_TRADE:
                return pick(pool, e -> !e.method().equals(r.method()) && !e.outTradeNo().equals(r.outTradeNo()))
                        .map(e -> renamed(kind, e, r));
            case OLDER_SAME_TRADE:
                return pick(pool, e -> e.method().equals(r.method()) && e.outTradeNo().equals(r.outTradeNo())
                        && e.seq() < r.seq()).map(e -> replay(kind, e, r.node(), "older answer of the same trade"));
            case UNSIGNED:
                return base(r, genuine, pool).map(e -> random.nextBoolean()
                        ? new Replacement(kind, 200, "{\"" + r.node() + "\":" + e.content() + "}",
                                "no sign member; content of " + e.describe(), e.shape())
                        : new Replacement(kind, 200, "{\"" + r.node() + "\":" + e.content() + ",\"sign\":\"\"}",
                                "empty sign; content of " + e.describe(), e.shape()));
            case TAMPERED:
                if (random.nextBoolean()) {
                    return retargeted(r, pool).map(t -> new Replacement(kind, 200, "{\"" + r.node() + "\":"
                            + t.content() + ",\"sign\":\"" + t.source().sign() + "\"}",
                            "retargeted to this request, Alipay's sign kept: " + t.source().describe(),
                            t.source().shape()));
                }
                return base(r, genuine, pool).map(e -> {
                    String flipped = flipOneDigit(e.content());
                    return new Replacement(kind, 200, "{\"" + r.node() + "\":" + flipped + ",\"sign\":\"" + e.sign()
                            + "\"}", "one digit changed, Alipay's sign kept: " + e.describe(), e.shape());
                });
            case FOREIGN_KEY:
                if (random.nextBoolean()) {
                    return retargeted(r, pool).map(t -> new Replacement(kind, 200, "{\"" + r.node() + "\":"
                            + t.content() + ",\"sign\":\"" + foreignSign(t.content()) + "\"}",
                            "retargeted to this request, signed with another key: " + t.source().describe(),
                            t.source().shape()));
                }
                return base(r, genuine, pool).map(e -> new Replacement(kind, 200, "{\"" + r.node() + "\":"
                        + e.content() + ",\"sign\":\"" + foreignSign(e.content()) + "\"}",
                        "re-signed with another key: " + e.describe(), e.shape()));
            case TRUNCATED:
                return base(r, genuine, pool).map(e -> {
                    String body = e.bodyUnder(r.node());
                    int cut = 1 + random.nextInt(body.length() - 1);
                    return new Replacement(kind, 200, body.substring(0, cut), "cut to " + cut + " of " + body.length()
                            + " characters: " + e.describe(), e.shape());
                });
            case HTTP_500:
                return Optional.of(new Replacement(kind, 500,
                        "<html><body><h1>500 Internal Server Error</h1></body></html>", "HTTP 500", "HTTP 500"));
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private Replacement replay(Kind kind, AnswerPool.Entry e, String node, String how) {
        return new Replacement(kind, 200, e.bodyUnder(node), how + ": " + e.describe(), e.shape());
    }

    private Replacement renamed(Kind kind, AnswerPool.Entry e, Request r) {
        // The verifier falls back to error_response when the method's member is missing, so that
        // name is as good as the method's own to an attacker.
        String node = random.nextInt(10) == 0 ? "error_response" : r.node();
        return new Replacement(kind, 200, e.bodyUnder(node), e.describe() + " renamed " + node,
                e.shape() + (node.equals("error_response") ? " as error_response" : ""));
    }

    private Optional<AnswerPool.Entry> pick(AnswerPool pool, Predicate<AnswerPool.Entry> filter) {
        List<AnswerPool.Entry> candidates = pool.select(filter);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    /** Genuine content to forge from: the wallet's own answer if there is one, else another trade's of the method. */
    private Optional<AnswerPool.Entry> base(Request r, Optional<AnswerPool.Entry> genuine, AnswerPool pool) {
        if (genuine.isPresent()) {
            return genuine;
        }
        return pick(pool, e -> e.method().equals(r.method()));
    }

    /** Another trade's content, made to name this request (its trade, refund number, amount). */
    private record Retargeted(AnswerPool.Entry source, String content) {
    }

    private Optional<Retargeted> retargeted(Request r, AnswerPool pool) {
        Optional<AnswerPool.Entry> source = pick(pool, e -> e.method().equals(r.method())
                && !e.outTradeNo().equals(r.outTradeNo()) && e.isSuccess());
        if (source.isEmpty()) {
            source = pick(pool, e -> !e.outTradeNo().equals(r.outTradeNo()) && e.isSuccess());
        }
        return source.map(e -> {
            String c = setField(e.content(), "out_trade_no", r.outTradeNo());
            if (r.outRequestNo().isPresent()) {
                c = setField(c, "out_request_no", r.outRequestNo().get());
            }
            if (r.amount().isPresent()) {
                String a = r.amount().get();
                if (r.method().equals("alipay.trade.refund")) {
                    c = setField(c, "send_back_fee", a);
                } else {
                    c = setField(setField(setField(c, "total_amount", a), "receipt_amount", a), "buyer_pay_amount", a);
                }
            }
            return new Retargeted(e, c);
        }).filter(t -> !t.content().equals(t.source().content()));   // changed, or it would be a plain replay
    }

    private static String setField(String json, String field, String value) {
        return json.replaceAll("\"" + field + "\":\"[^\"]*\"", Matcher.quoteReplacement("\"" + field + "\":\"" + value
                + "\""));
    }

    private String flipOneDigit(String content) {
        List<Integer> digits = new ArrayList<>();
        Matcher m = DIGIT.matcher(content);
        while (m.find()) {
            digits.add(m.start());
        }
        int at = digits.get(random.nextInt(digits.size()));   // every answer has digits: its code
        char c = content.charAt(at);
        return content.substring(0, at) + (char) ('0' + (c - '0' + 1) % 10) + content.substring(at + 1);
    }

    private String foreignSign(String content) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(foreignKey.getPrivate());
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
