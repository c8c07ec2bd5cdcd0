package dev.tenderkit.transport.http.internal;

import dev.tenderkit.transport.http.GatewayRequest;
import dev.tenderkit.transport.http.HttpOutcome;
import dev.tenderkit.transport.http.LogRedaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Formats the two DEBUG lines of a call, one for the request and one for its outcome, with
 * everything sensitive redacted by a {@link Redactor}. Thread-safe. Public only because
 * {@code GatewayTransport} holds one; this package is not exported by the module.
 */
public final class CallLog {

    private final Redactor redactor;

    /** @param rules what to mask, shorten and drop */
    public CallLog(LogRedaction rules) {
        this(new Redactor(rules));
    }

    /** @param redactor what to mask, shorten and drop */
    CallLog(Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * @param request the request about to be sent
     * @return e.g. {@code alipay.trade.pay -> POST https://host/gateway.do?sign=AbCdEfGh...(344 chars) headers{} body: auth_code=1345**********6789}
     */
    public String requestLine(GatewayRequest request) {
        StringJoiner headers = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, String> h : request.headers()) {
            headers.add(h.getKey() + ": " + redactor.header(h.getKey(), h.getValue()));
        }
        String body = request.bodyLength() == 0 ? "<empty>"
                : redactor.body(request.contentType(), new String(request.body(), StandardCharsets.UTF_8));
        return request.operation() + " -> " + request.method() + " " + redactor.url(request.url()) + " headers" + headers
                + " body: " + body;
    }

    /**
     * @param operation the call's operation name
     * @param outcome what became of the call
     * @param latency how long it took
     * @return e.g. {@code alipay.trade.pay <- 200 in 35 ms body: {...}} or
     *     {@code alipay.trade.pay <- OUTCOME UNKNOWN (READ_TIMEOUT) in 5001 ms: SocketTimeoutException: timeout}
     */
    public String outcomeLine(String operation, HttpOutcome outcome, Duration latency) {
        String took = " in " + latency.toMillis() + " ms";
        if (outcome instanceof HttpOutcome.Response r) {
            return operation + " <- " + r.status() + took + " body: "
                    + (r.rawBody().isEmpty() ? "<empty>" : redactor.body(r.headers().first("content-type"), r.rawBody()));
        }
        if (outcome instanceof HttpOutcome.NotSent n) {
            return operation + " <- NOT SENT (" + n.reason() + ")" + took + ": " + describe(n.cause());
        }
        HttpOutcome.OutcomeUnknown u = (HttpOutcome.OutcomeUnknown) outcome;
        return operation + " <- OUTCOME UNKNOWN (" + u.reason() + ")" + took + ": " + describe(u.cause());
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
