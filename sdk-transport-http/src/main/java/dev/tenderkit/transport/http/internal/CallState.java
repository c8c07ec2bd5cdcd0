package dev.tenderkit.transport.http.internal;

import dev.tenderkit.transport.http.HttpOutcome;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * What one gateway call has done so far, fed by {@link SendTracker} from OkHttp's events and read
 * once the call is over. Carried as the OkHttp request's tag, so every attempt and every listener
 * of the call see the same state. Thread-safe: events may come from OkHttp's threads.
 *
 * <p>The one fact that matters, {@link #mayHaveLeft()}, only ever goes from false to true. Public
 * only because {@code GatewayTransport} and {@code GatewayCall} hold it; this package is not
 * exported by the module.
 */
public final class CallState {

    private volatile CallPhase phase = CallPhase.STARTED;
    private volatile boolean mayHaveLeft;
    private volatile boolean canceledByCaller;
    private volatile int sendAttempts;

    /** @param next the phase an event reports; the phase never goes back to an earlier one after sending */
    void advance(CallPhase next) {
        if (next.compareTo(CallPhase.SENDING) >= 0) {
            mayHaveLeft = true;
        }
        if (!mayHaveLeft || next.compareTo(phase) > 0) {
            phase = next;
        }
    }

    /** Called when a request's headers start to be written: from here on the request may have left. */
    synchronized void sendStarted() {
        sendAttempts++;
        advance(CallPhase.SENDING);
    }

    /**
     * Asked before a network attempt writes anything.
     *
     * @return false if an earlier attempt of this call may already have left, so this one must not be sent
     */
    boolean mayAttemptSend() {
        return !mayHaveLeft;
    }

    /** Records that the caller, not a timeout, cancelled the call. */
    public void markCanceledByCaller() {
        canceledByCaller = true;
    }

    /**
     * @param failure how the call failed
     * @return {@link HttpOutcome.NotSent} or {@link HttpOutcome.OutcomeUnknown}, decided by
     *     {@link #mayHaveLeft()} alone ({@link FailureClassifier}); never a response
     */
    public HttpOutcome outcomeOf(Exception failure) {
        return FailureClassifier.classify(this, failure);
    }

    /**
     * The event listener of one OkHttp call: a {@link SendTracker} feeding the state tagged on the
     * call's request, followed by the host application's listener, if it has one.
     *
     * @param call the call OkHttp asks a listener for
     * @param hostListeners the host client's listener factory
     * @return the listener; the host's alone for a call without a {@code CallState} tag
     */
    public static EventListener trackingListener(Call call, EventListener.Factory hostListeners) {
        EventListener host = hostListeners.create(call);
        CallState state = call.request().tag(CallState.class);
        if (state == null) {
            return host;
        }
        SendTracker tracker = new SendTracker(state);
        return host == EventListener.NONE ? tracker : tracker.plus(host);
    }

    /** @return whether any byte of the request may have been written to a socket */
    boolean mayHaveLeft() {
        return mayHaveLeft;
    }

    /** @return the furthest phase reached */
    CallPhase phase() {
        return phase;
    }

    /** @return whether the caller cancelled the call */
    boolean canceledByCaller() {
        return canceledByCaller;
    }

    /** @return how many times the request started to be written; more than 1 would be a resend */
    int sendAttempts() {
        return sendAttempts;
    }
}
