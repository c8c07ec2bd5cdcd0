package dev.tenderkit.transport.http.internal;

import dev.tenderkit.transport.http.HttpOutcome;
import dev.tenderkit.transport.http.TransportListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a {@link TransportListener} about an outcome and swallows what it throws: metrics must never
 * change a payment call's outcome.
 */
final class GuardedListener {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private GuardedListener() {
    }

    /**
     * @param listener the listener to tell
     * @param operation the call's operation name
     * @param outcome what became of the call
     * @param latency how long it took
     */
    static void report(TransportListener listener, String operation, HttpOutcome outcome, Duration latency) {
        if (listener == TransportListener.NONE) {
            return;
        }
        try {
            if (outcome instanceof HttpOutcome.Response r) {
                listener.responseReceived(operation, r.status(), latency);
            } else if (outcome instanceof HttpOutcome.NotSent n) {
                listener.notSent(operation, n.reason(), latency);
            } else if (outcome instanceof HttpOutcome.OutcomeUnknown u) {
                listener.outcomeUnknown(operation, u.reason(), latency);
            }
        } catch (RuntimeException e) {
            LOG.warn("transport listener {} threw on {}; ignored", listener.getClass().getName(), operation, e);
        }
    }
}
