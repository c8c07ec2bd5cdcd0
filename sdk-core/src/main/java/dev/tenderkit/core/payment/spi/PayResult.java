package dev.tenderkit.core.payment.spi;

import java.util.Objects;

/**
 * The answer to a barcode payment request. "Definitely failed" ({@link Declined}, {@link NotSent})
 * is kept apart from "outcome unknown" ({@link Unknown}): an unknown outcome is never taken for a
 * failure, it is queried.
 */
public sealed interface PayResult {

    /**
     * Paid, verified.
     *
     * @param payment the payment as the gateway confirms it
     * @param raw the gateway's code
     */
    record Paid(Payment payment, GatewayCode raw) implements PayResult {
        /** Validates. */
        public Paid {
            Objects.requireNonNull(payment, "payment");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * The buyer must confirm (enter a password): query until paid or the deadline.
     *
     * @param raw the gateway's code (e.g. Alipay 10003, WeChat USERPAYING)
     */
    record AwaitingBuyer(GatewayCode raw) implements PayResult {
        /** Validates. */
        public AwaitingBuyer {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * Refused, verified: nothing was charged.
     *
     * @param error the mapped cause and raw code
     */
    record Declined(GatewayError error) implements PayResult {
        /** Validates. */
        public Declined {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The request may have reached the gateway but no verified answer came back (timeout, reset,
     * 5xx, unparsable or unverifiable response): query, never assume.
     *
     * @param reason what went wrong, for the journal and the log
     */
    record Unknown(String reason) implements PayResult {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The request never left (DNS failure, connection refused before sending): nothing was charged.
     *
     * @param reason what went wrong
     */
    record NotSent(String reason) implements PayResult {
        /** Validates. */
        public NotSent {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
