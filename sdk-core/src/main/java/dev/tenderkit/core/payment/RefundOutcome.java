package dev.tenderkit.core.payment;

import java.util.Objects;

/** How a refund ended. */
public sealed interface RefundOutcome {

    /**
     * Refunded.
     *
     * @param refund the refund record
     */
    record Refunded(RefundRecord refund) implements RefundOutcome {
        /** Validates. */
        public Refunded {
            Objects.requireNonNull(refund, "refund");
        }
    }

    /**
     * Refused by the wallet.
     *
     * @param refund the refund record
     * @param error the mapped cause and raw code
     */
    record Failed(RefundRecord refund, GatewayError error) implements RefundOutcome {
        /** Validates. */
        public Failed {
            Objects.requireNonNull(refund, "refund");
            Objects.requireNonNull(error, "error");
        }
    }
}
