package dev.tenderkit.core.payment.spi;

import java.util.Objects;

/** The answer to closing an unpaid trade (a QR code nobody paid). Closing never refunds. */
public sealed interface CloseResult {

    /**
     * Closed, verified: it can no longer be paid.
     *
     * @param raw the gateway's code
     */
    record Closed(GatewayCode raw) implements CloseResult {
        /** Validates. */
        public Closed {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * Refused, verified (for example because the trade was paid in the meantime: query it).
     *
     * @param error the mapped cause and raw code
     */
    record Declined(GatewayError error) implements CloseResult {
        /** Validates. */
        public Declined {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * No verified answer: try again.
     *
     * @param reason what went wrong
     */
    record Unknown(String reason) implements CloseResult {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
