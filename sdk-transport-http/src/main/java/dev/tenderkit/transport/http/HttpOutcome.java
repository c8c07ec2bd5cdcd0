package dev.tenderkit.transport.http;

import java.util.Arrays;
import java.util.Objects;

/**
 * What became of one gateway call. Exactly one of three things, and nothing is ever inferred:
 *
 * <ul>
 *   <li>{@link Response}: a whole HTTP response was received. Any status, 5xx included: what a
 *       status means for the payment is the caller's to decide.</li>
 *   <li>{@link NotSent}: the request provably never left (no byte of it was written to a socket).
 *       Safe to retry.</li>
 *   <li>{@link OutcomeUnknown}: the request may have reached the gateway and no whole response was
 *       received. Must be resolved by querying the gateway; never retried blindly, never taken as
 *       failure.</li>
 * </ul>
 *
 * <p>The line between the last two is drawn per call from OkHttp's events, not from exception
 * types: see {@link GatewayTransport}.
 */
public sealed interface HttpOutcome permits HttpOutcome.Response, HttpOutcome.NotSent, HttpOutcome.OutcomeUnknown {

    /**
     * A whole response was received.
     *
     * @param status the HTTP status code, e.g. 200 or 502
     * @param headers the response headers
     * @param body the body exactly as received (after transfer decoding); a copy is returned
     * @param rawBody the body decoded with the charset of its {@code Content-Type} (UTF-8 when none
     *     is given), character for character as received: this is the text a signature is
     *     verified over, never a re-serialisation. Byte sequences invalid in that charset become
     *     U+FFFD, which makes any signature over them fail rather than pass.
     */
    record Response(int status, HttpHeaders headers, byte[] body, String rawBody) implements HttpOutcome {

        /** Checks nothing is null and copies the body. */
        public Response {
            Objects.requireNonNull(headers, "headers");
            body = Objects.requireNonNull(body, "body").clone();
            Objects.requireNonNull(rawBody, "rawBody");
        }

        /** @return a copy of the body bytes */
        @Override
        public byte[] body() {
            return body.clone();
        }

        /** @return whether the status is 2xx */
        public boolean isSuccessful() {
            return status >= 200 && status < 300;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Response r && r.status == status && r.headers.equals(headers)
                    && Arrays.equals(r.body, body) && r.rawBody.equals(rawBody);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, Arrays.hashCode(body), rawBody);
        }

        /** @return status and body size only: bodies may hold buyer data and never go into a string by accident */
        @Override
        public String toString() {
            return "Response[status=" + status + ", body=" + body.length + " bytes]";
        }
    }

    /**
     * The request provably never left: safe to retry.
     *
     * @param reason why, stably
     * @param cause the underlying failure; its message names the host or address, never the request
     */
    record NotSent(NotSentReason reason, Exception cause) implements HttpOutcome {
        /** Checks nothing is null. */
        public NotSent {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The request may have reached the gateway and no whole response came back: query, never assume.
     *
     * @param reason why, stably
     * @param cause the underlying failure
     */
    record OutcomeUnknown(UnknownReason reason, Exception cause) implements HttpOutcome {
        /** Checks nothing is null. */
        public OutcomeUnknown {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
