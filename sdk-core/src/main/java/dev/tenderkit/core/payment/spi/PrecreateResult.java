package dev.tenderkit.core.payment.spi;

import java.util.Objects;

/** The answer to a QR payment creation. */
public sealed interface PrecreateResult {

    /**
     * Created: show the code to the buyer.
     *
     * @param qrCode the code's content (a URL)
     * @param raw the gateway's code
     */
    record Created(String qrCode, GatewayCode raw) implements PrecreateResult {
        /** Validates. */
        public Created {
            Objects.requireNonNull(qrCode, "qrCode");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * Refused, verified.
     *
     * @param error the mapped cause and raw code
     */
    record Declined(GatewayError error) implements PrecreateResult {
        /** Validates. */
        public Declined {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * No verified answer: the trade may exist; the engine queries and closes it.
     *
     * @param reason what went wrong
     */
    record Unknown(String reason) implements PrecreateResult {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
