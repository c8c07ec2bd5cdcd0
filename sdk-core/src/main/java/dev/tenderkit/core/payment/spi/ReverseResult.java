package dev.tenderkit.core.payment.spi;

import java.util.Objects;

/**
 * The answer to a reversal (Alipay cancel, WeChat reverse): the trade is closed, and if it had been
 * paid the money goes back to the buyer.
 */
public sealed interface ReverseResult {

    /**
     * Reversed, verified.
     *
     * @param refundedPayment whether the trade had been paid and the reversal returned the money
     * @param raw the gateway's code
     */
    record Reversed(boolean refundedPayment, GatewayCode raw) implements ReverseResult {
        /** Validates. */
        public Reversed {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * The gateway asks to try again (e.g. Alipay retry_flag=Y, WeChat recall=Y).
     *
     * @param raw the gateway's code
     */
    record RetryLater(GatewayCode raw) implements ReverseResult {
        /** Validates. */
        public RetryLater {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * Refused, verified (e.g. past the reversal window): a person must settle it.
     *
     * @param error the mapped cause and raw code
     */
    record Declined(GatewayError error) implements ReverseResult {
        /** Validates. */
        public Declined {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * No verified answer (or the request never left): try again.
     *
     * @param reason what went wrong
     */
    record Unknown(String reason) implements ReverseResult {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
