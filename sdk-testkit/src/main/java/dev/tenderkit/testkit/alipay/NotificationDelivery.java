package dev.tenderkit.testkit.alipay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery of an asynchronous notification as the simulator made it: what it posted, and what
 * came back. Listed by {@link SimulatedAlipay#notifications()}.
 *
 * @param notifyId the notification's {@code notify_id}, the same on every resend
 * @param outTradeNo the trade
 * @param tradeStatus the {@code trade_status} posted
 * @param attempt 1 for the first delivery, 2 for the first resend, ...
 * @param url where it was posted ({@code notify_url})
 * @param params every parameter posted, {@code sign} included, decoded
 * @param httpStatus the receiver's HTTP status; empty if no answer came (refused, reset, timed out)
 * @param answer the receiver's body, or what went wrong when there was none
 * @param acknowledged whether the receiver answered {@code success} (then Alipay stops resending)
 */
public record NotificationDelivery(String notifyId, String outTradeNo, String tradeStatus, int attempt, String url,
        Map<String, String> params, Optional<Integer> httpStatus, String answer, boolean acknowledged) {

    /** Checks and copies. */
    public NotificationDelivery {
        Objects.requireNonNull(notifyId, "notifyId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(tradeStatus, "tradeStatus");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(answer, "answer");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
