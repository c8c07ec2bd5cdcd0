package dev.tenderkit.transport.http.internal;

/**
 * What one gateway call has done so far, fed by {@link SendTracker} from OkHttp's events and read
 * once the call is over. Carried as the OkHttp request's tag, so every attempt and every listener
 * of the call see the same state. Thread-safe: events may come from OkHttp's threads.
 *
 * <p>The one fact that matters, {@link #mayHaveLeft()}, only ever goes from false to true.
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

    /** @return whether any byte of the request may have been written to a socket */
    public boolean mayHaveLeft() {
        return mayHaveLeft;
    }

    /** @return the furthest phase reached */
    public CallPhase phase() {
        return phase;
    }

    /** @return whether the caller cancelled the call */
    public boolean canceledByCaller() {
        return canceledByCaller;
    }

    /** @return how many times the request started to be written; more than 1 would be a resend */
    public int sendAttempts() {
        return sendAttempts;
    }
}
