package dev.tenderkit.core.payment.spi;

import dev.tenderkit.core.money.Money;
import java.util.Objects;

/** The answer to a refund request. */
public sealed interface RefundResult {

    /**
     * Refunded, verified and bound to this request: the answer names this refund request number and
     * its amount (also the answer to a repeated request for a refund already made).
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
     * The wallet took the refund request, but its answer does not prove that this refund (this
     * request number, this amount) was made: Alipay's refund answer, for one, names the trade but
     * not the request, so any earlier refund answer of the trade would read the same. The engine
     * confirms it with {@link PaymentGateway#queryRefund} before recording it refunded.
     *
     * @param raw the gateway's code
     */
    record Accepted(GatewayCode raw) implements RefundResult {
        /** Validates. */
        public Accepted {
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
