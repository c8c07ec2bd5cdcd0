package dev.tenderkit.core.payment;

import dev.tenderkit.core.payment.spi.GatewayError;
import java.util.Objects;

/** How a refund ended, or why it is waiting for a person. */
public sealed interface RefundOutcome {

    /** @return the refund's record as it stood when the outcome was decided */
    RefundRecord refund();

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

    /**
     * Not confirmed after the configured attempts: flagged for a person
     * ({@link RefundRecord#attention()}). The engine keeps asking the wallet; the refund's final state
     * reaches the listener when it comes.
     *
     * @param refund the refund record, flagged
     */
    record Unresolved(RefundRecord refund) implements RefundOutcome {
        /** Validates. */
        public Unresolved {
            Objects.requireNonNull(refund, "refund");
        }
    }
}
