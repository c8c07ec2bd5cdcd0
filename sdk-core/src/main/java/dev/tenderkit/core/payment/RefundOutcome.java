package dev.tenderkit.core.payment;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.GatewayError;
import java.util.Objects;
import java.util.Optional;

/** How a refund ended, or why it is waiting for a person. */
public sealed interface RefundOutcome {

    /**
     * @return the refund's record as it stood when the outcome was decided; empty when the refund
     *     was refused before anything was journaled ({@link Refused})
     */
    Optional<RefundRecord> record();

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

        @Override
        public Optional<RefundRecord> record() {
            return Optional.of(refund);
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

        @Override
        public Optional<RefundRecord> record() {
            return Optional.of(refund);
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

        @Override
        public Optional<RefundRecord> record() {
            return Optional.of(refund);
        }
    }

    /**
     * Refused before anything was sent or journaled: the order has no paid trade, the amount
     * exceeds what it can still refund, or the refund number was used for another amount. Nothing
     * happened; {@code reason} says what to change.
     *
     * @param orderId the order (or, for a refund asked by trade number, the trade's order if known)
     * @param refundRequestNo the refund's number
     * @param amount the amount asked
     * @param reason why it was refused, for the cashier
     */
    record Refused(String orderId, String refundRequestNo, Money amount, String reason) implements RefundOutcome {
        /** Validates. */
        public Refused {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(refundRequestNo, "refundRequestNo");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<RefundRecord> record() {
            return Optional.empty();
        }
    }
}
