package dev.tenderkit.testkit.wechat;

import java.util.Objects;

/**
 * How a refund ends, scripted with {@link SimulatedWeChatPay#scriptRefund(String, RefundScript)} by
 * out_refund_no (default {@link #succeeds()}). A refund is accepted PROCESSING; it settles on the
 * first refund query after {@code processingQueries} queries that still see PROCESSING, or when the
 * simulator's refund delay passes on its scheduler, whichever comes first.
 *
 * @param outcome SUCCESS, CLOSED or ABNORMAL
 * @param processingQueries refund queries answered PROCESSING before it settles
 */
public record RefundScript(WeChatRefund.Status outcome, int processingQueries) {

    /** Checks. */
    public RefundScript {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == WeChatRefund.Status.PROCESSING) {
            throw new IllegalArgumentException("a refund settles SUCCESS, CLOSED or ABNORMAL, not PROCESSING");
        }
        if (processingQueries < 0) {
            throw new IllegalArgumentException("processingQueries must be >= 0, was " + processingQueries);
        }
    }

    /** @return a refund that settles SUCCESS on the first query */
    public static RefundScript succeeds() {
        return new RefundScript(WeChatRefund.Status.SUCCESS, 0);
    }

    /** @return a refund WeChat closes (the money stays with the merchant) */
    public static RefundScript closes() {
        return new RefundScript(WeChatRefund.Status.CLOSED, 0);
    }

    /** @return a refund that ends ABNORMAL (a person must handle it) */
    public static RefundScript abnormal() {
        return new RefundScript(WeChatRefund.Status.ABNORMAL, 0);
    }

    /** @param queries queries answered PROCESSING first @return the same outcome, later */
    public RefundScript after(int queries) {
        return new RefundScript(outcome, queries);
    }
}
