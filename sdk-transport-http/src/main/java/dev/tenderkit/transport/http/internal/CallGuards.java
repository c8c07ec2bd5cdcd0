package dev.tenderkit.transport.http.internal;

import dev.tenderkit.transport.http.HttpOutcome;
import dev.tenderkit.transport.http.TransportListener;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The guards {@code GatewayTransport} puts around every call, so that a request that may have left
 * is never written again and metrics never change an outcome: the network interceptor that refuses
 * a second attempt ({@link ResendGuard}), the body OkHttp may write only once ({@link OneShotBody}),
 * and the listener report that swallows what a listener throws ({@link GuardedListener}). Public
 * only for {@code GatewayTransport}; this package is not exported by the module. Stateless.
 */
public final class CallGuards {

    private CallGuards() {
    }

    /** @return a network interceptor that fails any attempt after one that may have left */
    public static Interceptor resendGuard() {
        return new ResendGuard();
    }

    /**
     * @param contentType the media type, or {@code null} for none (OkHttp's contract)
     * @param bytes the body; not copied, never changed
     * @return a body OkHttp knows it cannot replay
     */
    public static RequestBody oneShotBody(MediaType contentType, byte[] bytes) {
        return new OneShotBody(contentType, bytes);
    }

    /**
     * Tells the listener about an outcome; what it throws is logged and ignored.
     *
     * @param listener the listener to tell
     * @param operation the call's operation name
     * @param outcome what became of the call
     * @param latency how long it took
     */
    public static void report(TransportListener listener, String operation, HttpOutcome outcome, Duration latency) {
        GuardedListener.report(listener, operation, outcome, latency);
    }
}
