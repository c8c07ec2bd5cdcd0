package dev.tenderkit.core.payment;

import dev.tenderkit.core.money.Money;
import java.util.Objects;

/** The answer to a refund request. */
public sealed interface RefundResult {

    /**
     * Refunded, verified (also the answer to a repeated request for a refund already made).
     *
     * @param amount the amount of this refund
     * @param raw the gateway's code
     */
    record Refunded(Money amount, GatewayCode raw) implements RefundResult {
        /** Validates. */
        public Refunded {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * Refused, verified.
     *
     * @param error the mapped cause and raw code
     */
    record Declined(GatewayError error) implements RefundResult {
        /** Validates. */
        public Declined {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * No verified answer: query the refund, never assume.
     *
     * @param reason what went wrong
     */
    record Unknown(String reason) implements RefundResult {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
