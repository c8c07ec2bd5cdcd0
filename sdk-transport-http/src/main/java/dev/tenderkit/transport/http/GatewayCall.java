package dev.tenderkit.transport.http;

import dev.tenderkit.transport.http.internal.CallState;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * One prepared gateway call: {@link #execute()} it once, from one thread; {@link #cancel()} it from
 * any thread. Made by {@link GatewayTransport#newCall(GatewayRequest)}.
 *
 * <p>A call cancelled before its request started to be written ends as
 * {@code NotSent(CANCELED)}; cancelled later, as {@code OutcomeUnknown(CANCELED)}.
 */
public final class GatewayCall {

    private final GatewayTransport transport;
    private final GatewayRequest request;
    private final Call call;
    private final CallState state;
    private final AtomicBoolean executed = new AtomicBoolean();

    GatewayCall(GatewayTransport transport, GatewayRequest request, Call call, CallState state) {
        this.transport = transport;
        this.request = request;
        this.call = call;
        this.state = state;
    }

    /**
     * Sends the request and waits for the outcome, at most the call timeout.
     *
     * @return the outcome; never throws for network failures
     * @throws IllegalStateException if this call was already executed
     */
    public HttpOutcome execute() {
        if (!executed.compareAndSet(false, true)) {
            throw new IllegalStateException("a GatewayCall executes once; make a new one with GatewayTransport.newCall");
        }
        return transport.run(request, call, state);
    }

    /** Cancels the call; safe at any time, from any thread, more than once. */
    public void cancel() {
        state.markCanceledByCaller();
        call.cancel();
    }

    /** @return the request this call sends */
    public GatewayRequest request() {
        return request;
    }

    @Override
    public String toString() {
        return "GatewayCall[" + Objects.toString(request) + "]";
    }
}
