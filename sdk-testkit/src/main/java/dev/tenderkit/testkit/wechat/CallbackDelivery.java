package dev.tenderkit.testkit.wechat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery of a callback as the simulator made it: what it posted and what came back. Listed by
 * {@link SimulatedWeChatPay#callbacks()}.
 *
 * @param id the notification's {@code id}, the same on every resend
 * @param eventType e.g. {@code TRANSACTION.SUCCESS}, {@code REFUND.SUCCESS}
 * @param outTradeNo the order concerned
 * @param attempt 1 for the first delivery, 2 for the first resend, ...
 * @param url where it was posted
 * @param body the raw JSON body posted ({@code resource} encrypted)
 * @param headers the Wechatpay-* headers posted
 * @param httpStatus the receiver's status; empty if no answer came
 * @param answer the receiver's body, or what went wrong when there was none
 * @param acknowledged whether the receiver answered 200 or 204 (then WeChat stops resending)
 */
public record CallbackDelivery(String id, String eventType, String outTradeNo, int attempt, String url, String body,
        Map<String, String> headers, Optional<Integer> httpStatus, String answer, boolean acknowledged) {

    /** Checks and copies. */
    public CallbackDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(answer, "answer");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
