package dev.tenderkit.transport.http.internal;

import dev.tenderkit.transport.http.HttpOutcome;
import dev.tenderkit.transport.http.NotSentReason;
import dev.tenderkit.transport.http.UnknownReason;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns a failed call into {@link HttpOutcome.NotSent} or {@link HttpOutcome.OutcomeUnknown}.
 *
 * <p>Which of the two is decided by {@link CallState#mayHaveLeft()} alone, that is by whether OkHttp
 * fired {@code requestHeadersStart} for this call. The exception type only picks the reason within
 * that side: a {@link SocketTimeoutException} during the TLS handshake is {@code NotSent(TLS_FAILED)},
 * the same exception after the request was written is {@code OutcomeUnknown(READ_TIMEOUT)}.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    /**
     * @param state what the call did
     * @param failure how it failed
     * @return the outcome; never a response
     */
    static HttpOutcome classify(CallState state, Exception failure) {
        return state.mayHaveLeft() ? new HttpOutcome.OutcomeUnknown(unknownReason(state, failure), failure)
                : new HttpOutcome.NotSent(notSentReason(state, failure), failure);
    }

    private static NotSentReason notSentReason(CallState state, Exception failure) {
        if (state.canceledByCaller()) {
            return NotSentReason.CANCELED;
        }
        if (isCallTimeout(failure)) {
            return NotSentReason.CALL_TIMEOUT;
        }
        if (failure instanceof UnknownHostException) {
            return NotSentReason.DNS_FAILURE;
        }
        if (failure instanceof SSLPeerUnverifiedException && String.valueOf(failure.getMessage())
                .startsWith("Certificate pinning failure")) {
            return NotSentReason.CERTIFICATE_PINNING_FAILED;
        }
        if (failure instanceof SSLException || state.phase() == CallPhase.SECURING) {
            return NotSentReason.TLS_FAILED;
        }
        if (state.phase() == CallPhase.CONNECTING || failure instanceof java.net.ConnectException
                || failure instanceof java.net.NoRouteToHostException) {
            return NotSentReason.CONNECT_FAILED;
        }
        if (state.phase() == CallPhase.DNS) {
            return NotSentReason.DNS_FAILURE;
        }
        return NotSentReason.OTHER;
    }

    private static UnknownReason unknownReason(CallState state, Exception failure) {
        if (failure instanceof ResendGuard.ResendRefusedException) {
            return UnknownReason.RESEND_REFUSED;
        }
        if (state.canceledByCaller()) {
            return UnknownReason.CANCELED;
        }
        if (isCallTimeout(failure)) {
            return UnknownReason.CALL_TIMEOUT;
        }
        if (state.phase() == CallPhase.RECEIVING_BODY) {
            return UnknownReason.RESPONSE_INCOMPLETE;
        }
        if (failure instanceof SocketTimeoutException) {
            return UnknownReason.READ_TIMEOUT;
        }
        if (failure instanceof java.io.IOException) {
            return UnknownReason.CONNECTION_LOST;
        }
        return UnknownReason.OTHER;
    }

    /** OkHttp reports its call timeout as a plain {@link InterruptedIOException}, socket timeouts as the subclass. */
    private static boolean isCallTimeout(Exception failure) {
        return failure instanceof InterruptedIOException && !(failure instanceof SocketTimeoutException);
    }
}
