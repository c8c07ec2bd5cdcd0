package dev.tenderkit.wechat;

import java.util.Optional;

/**
 * Ties a verified WeChat Pay answer to the request it claims to answer. WeChat Pay signs the answer
 * body with a timestamp and a nonce, but nothing of the request: a genuinely signed answer about
 * another trade, another merchant or another refund, replayed within the five minutes, verifies.
 * So an answer counts only if every identity it carries ({@code mchid}, {@code appid},
 * {@code out_trade_no}, {@code out_refund_no}, {@code amount.total}/{@code amount.refund} in fen)
 * equals what was asked, and it carries what an answer of this call must carry. Anything else is
 * unbound, and an unbound answer is an unknown outcome. Stateless.
 */
final class AnswerBinding {
    private AnswerBinding() {
    }

    /** Identities that may be absent, but when present must be ours. */
    static Optional<String> ours(JsonObject body, WeChatPayCredentials c, String outTradeNo) {
        return first(same(body, "mchid", c.mchid()), same(body, "appid", c.appid()),
                same(body, "out_trade_no", outTradeNo));
    }

    /** A paid trade: ours, naming the trade and its wallet number, for the amount asked. */
    static Optional<String> paid(JsonObject body, WeChatPayCredentials c, String outTradeNo, Optional<Long> fen) {
        return first(ours(body, c, outTradeNo), present(body, "out_trade_no"), present(body, "transaction_id"),
                present(body, "mchid"), amount(body.object("amount"), "total", fen));
    }

    /** Any trade state answer of a query: ours, naming the trade. */
    static Optional<String> queried(JsonObject body, WeChatPayCredentials c, String outTradeNo) {
        return first(ours(body, c, outTradeNo), present(body, "out_trade_no"), present(body, "trade_state"));
    }

    /** A refund answer: our trade (when named), this refund, its amount. */
    static Optional<String> refund(JsonObject body, WeChatPayCredentials c, String outTradeNo, String outRefundNo,
            Optional<Long> fen) {
        return first(same(body, "out_trade_no", outTradeNo), same(body, "mchid", c.mchid()),
                present(body, "out_refund_no"), same(body, "out_refund_no", outRefundNo), present(body, "status"),
                amount(body.object("amount"), "refund", fen));
    }

    private static Optional<String> same(JsonObject body, String field, String expected) {
        if (body.has(field) && !body.string(field).filter(expected::equals).isPresent()) {
            return Optional.of("the answer's " + field + " is " + body.string(field).orElse("not a string") + ", not "
                    + expected);
        }
        return Optional.empty();
    }

    private static Optional<String> present(JsonObject body, String field) {
        return body.string(field).filter(s -> !s.isEmpty()).isPresent() ? Optional.empty()
                : Optional.of("the answer lacks " + field);
    }

    private static Optional<String> amount(JsonObject amount, String field, Optional<Long> fen) {
        Optional<Long> got = amount.number(field);
        if (got.isEmpty()) {
            return Optional.of("the answer lacks a whole amount." + field);
        }
        if (got.get() <= 0 || fen.isPresent() && !got.get().equals(fen.get())) {
            return Optional.of("the answer's amount." + field + " is " + got.get() + " fen"
                    + fen.map(f -> ", not the " + f + " asked").orElse(""));
        }
        if (amount.has("currency") && !amount.string("currency").filter("CNY"::equals).isPresent()) {
            return Optional.of("the answer's currency is not CNY");
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... checks) {
        for (Optional<String> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }
}
