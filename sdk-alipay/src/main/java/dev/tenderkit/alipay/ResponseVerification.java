package dev.tenderkit.alipay;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying an Alipay gateway response. Only {@link Verified} gives access to the
 * signed content; there is no boolean to ignore. An {@link Unverified} response says nothing about
 * the trade: its outcome is unknown and must be queried.
 */
sealed interface ResponseVerification {

    /**
     * The signature over the raw response node verified.
     *
     * @param node the node whose value was verified: {@code <method>_response} or {@code error_response}
     * @param content the raw text of that value, exactly as received, braces included
     */
    record Verified(String node, String content) implements ResponseVerification {
        /** Validates. */
        public Verified {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(content, "content");
        }

        /** @return whether the gateway answered with {@code error_response} instead of the method's node */
        public boolean isErrorResponse() {
            return node.equals(AlipayVerifier.ERROR_RESPONSE);
        }
    }

    /**
     * The response could not be verified. Never act on it as an answer.
     *
     * @param failure why
     * @param detail a sentence for logs
     * @param nodeText the unverified node text, if one was found: for diagnosis only (e.g. a
     *     gateway complaining, unsigned, that our signature is invalid)
     */
    record Unverified(Failure failure, String detail, Optional<String> nodeText) implements ResponseVerification {
        /** Validates. */
        public Unverified {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(nodeText, "nodeText");
        }
    }

    /** Why a response was not verified. */
    enum Failure {
        /** Not one JSON object, or the node's value is not an object. */
        MALFORMED_BODY,
        /** Neither {@code <method>_response} nor {@code error_response} is present. */
        NODE_MISSING,
        /** The response node appears more than once. */
        DUPLICATE_NODE,
        /** No {@code sign}, or it is empty. */
        SIGN_MISSING,
        /** The signature does not verify (also not after turning {@code \/} into {@code /}). */
        BAD_SIGNATURE,
        /** Certificate mode: {@code alipay_cert_sn} names a certificate other than the configured one. */
        UNKNOWN_ALIPAY_CERT
    }
}
