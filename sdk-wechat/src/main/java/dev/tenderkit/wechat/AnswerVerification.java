package dev.tenderkit.wechat;

import java.util.Objects;

/**
 * What verifying one WeChat Pay answer or callback came to. Only {@link Verified} hands out the
 * body; there is no boolean to forget. An {@link Unverified} answer says nothing, whatever its HTTP
 * status: its outcome is unknown and the trade is queried.
 */
sealed interface AnswerVerification {

    /**
     * The signature over {@code timestamp\nnonce\nbody\n} verified with the key the serial names, and
     * the timestamp is within five minutes of our clock.
     *
     * @param body the raw body, exactly as received
     * @param serial the {@code Wechatpay-Serial} that chose the key
     */
    record Verified(String body, String serial) implements AnswerVerification {
        /** Validates. */
        public Verified {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(serial, "serial");
        }
    }

    /**
     * Not verified: never act on it.
     *
     * @param failure why
     * @param detail a sentence for logs (no key, no body)
     */
    record Unverified(Failure failure, String detail) implements AnswerVerification {
        /** Validates. */
        public Unverified {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why an answer was not verified. */
    enum Failure {
        /** A {@code Wechatpay-*} signature header is missing or empty: an unsigned answer. */
        UNSIGNED,
        /** {@code Wechatpay-Timestamp} is not Unix seconds. */
        MALFORMED_TIMESTAMP,
        /** The timestamp is five minutes or more away from our clock (stale, replayed, or a skewed clock). */
        STALE_TIMESTAMP,
        /** A {@code WECHATPAY/SIGNTEST/} probe signature, which WeChat Pay sends to test that we refuse it. */
        PROBE,
        /** {@code Wechatpay-Serial} names neither the public key nor a known platform certificate. */
        UNKNOWN_SERIAL,
        /** {@code Wechatpay-Signature-Type} names a scheme other than the configured one. */
        WRONG_SIGNATURE_TYPE,
        /** The signature is not base64, or does not verify. */
        BAD_SIGNATURE
    }
}
