package dev.tenderkit.transport.http;

import java.time.Duration;

/**
 * Metrics hook: told the latency and the kind of outcome of every call, per operation name. Override
 * only what you need; {@link #NONE} does nothing.
 *
 * <p>Called synchronously on the calling thread after the outcome is known, once per call. Keep it
 * quick (count, record a histogram): no I/O, no locks held long. An exception thrown from a
 * listener is caught and logged at WARN; it never reaches the call or changes its outcome.
 */
public interface TransportListener {

    /** Does nothing. */
    TransportListener NONE = new TransportListener() {
    };

    /**
     * A whole response was received.
     *
     * @param operation the request's operation name
     * @param status the HTTP status
     * @param latency from the start of the call to the end of the body
     */
    default void responseReceived(String operation, int status, Duration latency) {
    }

    /**
     * The request provably never left.
     *
     * @param operation the request's operation name
     * @param reason why
     * @param latency from the start of the call to the failure
     */
    default void notSent(String operation, NotSentReason reason, Duration latency) {
    }

    /**
     * The request may have left and no whole response came back.
     *
     * @param operation the request's operation name
     * @param reason why
     * @param latency from the start of the call to the failure
     */
    default void outcomeUnknown(String operation, UnknownReason reason, Duration latency) {
    }
}
