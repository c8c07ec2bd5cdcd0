package dev.tenderkit.alipay;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * Ties a verified answer to the request it claims to answer. Alipay signs the content of the
 * {@code <method>_response} member but neither the member's name nor anything of the request, and
 * an answer carries no nonce: whoever holds one genuinely signed answer can replay it for another
 * trade, or rename it into the answer of another method. So a verified answer counts only when
 *
 * <ul>
 *   <li>every identity it carries ({@code out_trade_no}, {@code out_request_no}, the amount) equals
 *       what was asked;</li>
 *   <li>it carries what an answer of this method must carry (a paid answer its trade number and
 *       amount, a query its {@code trade_status}, a cancel its {@code action}); and</li>
 *   <li>it carries none of the fields that only the answers of other methods carry (a query's
 *       {@code trade_status} in a "cancel" answer is a renamed query).</li>
 * </ul>
 *
 * Anything else is unbound, and an unbound answer is an unknown outcome: the engine queries. A
 * refusal (which carries no identity at all) passes only the first rule; the engine never takes a
 * refusal for a final outcome without a bound confirmation. Stateless.
 */
final class AnswerBinding {
    /** Fields by which a renamed answer of another method gives itself away. */
    private static final List<String> QUERY_ONLY = List.of("trade_status", "send_pay_date");
    private static final List<String> CANCEL_ONLY = List.of("action", "retry_flag");
    private static final List<String> PRECREATE_ONLY = List.of("qr_code");
    private static final List<String> REFUND_ONLY = List.of("fund_change", "refund_fee", "gmt_refund_pay");
    private static final List<String> REFUND_QUERY_ONLY = List.of("out_request_no", "refund_amount", "refund_status");
    private static final List<String> PAY_ONLY = List.of("gmt_payment");

    private AnswerBinding() {
    }

    /**
     * @param reply a verified reply of any code
     * @param outTradeNo the trade asked about
     * @return why the reply is not an answer about this trade, if it is not
     */
    static Optional<String> trade(AlipayReply reply, String outTradeNo) {
        Optional<String> answered = reply.get("out_trade_no");
        if (answered.isPresent() && !answered.get().equals(outTradeNo)) {
            return Optional.of("the answer is about trade " + answered.get() + ", not " + outTradeNo);
        }
        return Optional.empty();
    }

    /** A paid {@code alipay.trade.pay} answer: the trade, its wallet number and the amount asked. */
    static Optional<String> paid(AlipayReply reply, String outTradeNo, Money amount) {
        return first(aboutTrade(reply, outTradeNo, "trade_no"), amount(reply, "total_amount", amount),
                foreign(reply, "pay", QUERY_ONLY, CANCEL_ONLY, PRECREATE_ONLY, REFUND_ONLY, REFUND_QUERY_ONLY));
    }

    /** A {@code 10003} answer of {@code alipay.trade.pay}. */
    static Optional<String> paying(AlipayReply reply, String outTradeNo, Money amount) {
        return first(trade(reply, outTradeNo), reply.get("total_amount").isPresent()
                ? amount(reply, "total_amount", amount) : Optional.empty(),
                foreign(reply, "pay", QUERY_ONLY, CANCEL_ONLY, PRECREATE_ONLY, REFUND_ONLY, REFUND_QUERY_ONLY));
    }

    /** A successful {@code alipay.trade.query} answer: the trade and its status. */
    static Optional<String> queried(AlipayReply reply, String outTradeNo) {
        return first(aboutTrade(reply, outTradeNo, "trade_status"),
                foreign(reply, "query", CANCEL_ONLY, PRECREATE_ONLY, REFUND_ONLY, REFUND_QUERY_ONLY, PAY_ONLY));
    }

    /** A successful {@code alipay.trade.cancel} answer: the trade and what was done. */
    static Optional<String> cancelled(AlipayReply reply, String outTradeNo) {
        Optional<String> action = reply.get("action");
        boolean retry = reply.get("retry_flag").filter("Y"::equals).isPresent();
        if (!retry && action.filter(a -> a.equals("close") || a.equals("refund")).isEmpty()) {
            return Optional.of("a cancel answer must say its action (close or refund), got " + action.orElse("none"));
        }
        return first(aboutTrade(reply, outTradeNo),
                // a cancel that refunded carries gmt_refund_pay, as a refund does; the rest of a
                // refund's answer is foreign to it
                foreign(reply, "cancel", QUERY_ONLY, PRECREATE_ONLY, REFUND_QUERY_ONLY, PAY_ONLY,
                        List.of("total_amount", "fund_change", "refund_fee")));
    }

    /** A successful {@code alipay.trade.close} answer. */
    static Optional<String> closed(AlipayReply reply, String outTradeNo) {
        return first(aboutTrade(reply, outTradeNo),
                foreign(reply, "close", QUERY_ONLY, CANCEL_ONLY, PRECREATE_ONLY, REFUND_ONLY, REFUND_QUERY_ONLY,
                        PAY_ONLY, List.of("total_amount")));
    }

    /** A successful {@code alipay.trade.precreate} answer: the trade and its code. */
    static Optional<String> precreated(AlipayReply reply, String outTradeNo) {
        return first(aboutTrade(reply, outTradeNo, "qr_code"),
                foreign(reply, "precreate", QUERY_ONLY, CANCEL_ONLY, REFUND_ONLY, REFUND_QUERY_ONLY, PAY_ONLY));
    }

    /**
     * A successful {@code alipay.trade.refund} answer. Alipay's refund answer names the trade but
     * not the refund request, so it is bound to the trade only: the engine confirms the refund by
     * querying it ({@code out_request_no} and amount bound there).
     */
    static Optional<String> refundAccepted(AlipayReply reply, String outTradeNo, String outRequestNo) {
        return first(aboutTrade(reply, outTradeNo), sameIfPresent(reply, "out_request_no", outRequestNo),
                foreign(reply, "refund", QUERY_ONLY, CANCEL_ONLY, PRECREATE_ONLY, PAY_ONLY));
    }

    /** A refund query answer that says the refund was made: the trade, the request and the amount. */
    static Optional<String> refundFound(AlipayReply reply, String outTradeNo, String outRequestNo) {
        return first(trade(reply, outTradeNo), equal(reply, "out_request_no", outRequestNo),
                amountIfPresentIsValid(reply, "refund_amount"),
                foreign(reply, "refund query", List.of("trade_status"), CANCEL_ONLY, PRECREATE_ONLY, PAY_ONLY,
                        List.of("fund_change")));
    }

    /** A refund query answer of any kind: nothing of another trade, request or method. */
    static Optional<String> refundQueried(AlipayReply reply, String outTradeNo, String outRequestNo) {
        return first(trade(reply, outTradeNo), sameIfPresent(reply, "out_request_no", outRequestNo),
                foreign(reply, "refund query", List.of("trade_status"), CANCEL_ONLY, PRECREATE_ONLY, PAY_ONLY,
                        List.of("fund_change")));
    }

    /**
     * @return the amount in the field, if it is present and a well-formed amount (Alipay writes
     *     yuan with at most two decimals; anything else is not an amount we can trust)
     */
    static Optional<Money> money(AlipayReply reply, String field) {
        Optional<String> text = reply.get(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.parse(text.get()));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> aboutTrade(AlipayReply reply, String outTradeNo, String... fields) {
        if (reply.get("out_trade_no").isEmpty()) {
            return Optional.of("the answer does not say which trade it is about (no out_trade_no)");
        }
        Optional<String> other = trade(reply, outTradeNo);
        if (other.isPresent()) {
            return other;
        }
        for (String f : fields) {
            if (reply.get(f).isEmpty()) {
                return Optional.of("the answer lacks " + f);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> equal(AlipayReply reply, String field, String expected) {
        Optional<String> v = reply.get(field);
        if (v.isEmpty()) {
            return Optional.of("the answer lacks " + field);
        }
        return v.get().equals(expected) ? Optional.empty()
                : Optional.of("the answer's " + field + " is " + v.get() + ", not " + expected);
    }

    private static Optional<String> sameIfPresent(AlipayReply reply, String field, String expected) {
        Optional<String> v = reply.get(field);
        return v.isEmpty() || v.get().equals(expected) ? Optional.empty()
                : Optional.of("the answer's " + field + " is " + v.get() + ", not " + expected);
    }

    private static Optional<String> amount(AlipayReply reply, String field, Money expected) {
        Optional<String> text = reply.get(field);
        if (text.isEmpty()) {
            return Optional.of("the answer lacks " + field);
        }
        Optional<Money> m = money(reply, field);
        if (m.isEmpty()) {
            return Optional.of("the answer's " + field + " \"" + text.get() + "\" is not an amount");
        }
        return m.get().equals(expected) ? Optional.empty()
                : Optional.of("the answer's " + field + " is " + m.get() + ", not the " + expected + " asked");
    }

    private static Optional<String> amountIfPresentIsValid(AlipayReply reply, String field) {
        Optional<String> text = reply.get(field);
        return text.isEmpty() || money(reply, field).isPresent() ? Optional.empty()
                : Optional.of("the answer's " + field + " \"" + text.get() + "\" is not an amount");
    }

    @SafeVarargs
    private static Optional<String> foreign(AlipayReply reply, String method, List<String>... others) {
        for (List<String> fields : others) {
            for (String f : fields) {
                if (reply.fields().containsKey(f)) {
                    return Optional.of("a " + method + " answer carrying " + f + " is another method's answer");
                }
            }
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
