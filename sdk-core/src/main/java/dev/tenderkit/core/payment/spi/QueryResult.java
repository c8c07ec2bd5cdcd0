package dev.tenderkit.core.payment.spi;

import java.util.Objects;

/** The answer to a trade query. */
public sealed interface QueryResult {

    /**
     * The trade is paid.
     *
     * @param payment the payment
     * @param raw the gateway's code
     */
    record Paid(Payment payment, GatewayCode raw) implements QueryResult {
        /** Validates. */
        public Paid {
            Objects.requireNonNull(payment, "payment");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * The trade exists and waits for the buyer.
     *
     * @param raw the gateway's code
     */
    record AwaitingBuyer(GatewayCode raw) implements QueryResult {
        /** Validates. */
        public AwaitingBuyer {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * The trade is closed without a payment standing (never paid, cancelled, or fully refunded).
     *
     * @param raw the gateway's code
     */
    record Closed(GatewayCode raw) implements QueryResult {
        /** Validates. */
        public Closed {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * The gateway has no such trade: the pay request never reached it.
     *
     * @param raw the gateway's code
     */
    record NotFound(GatewayCode raw) implements QueryResult {
        /** Validates. */
        public NotFound {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * The trade exists and was definitely refused (e.g. insufficient balance after the password).
     *
     * @param error the mapped cause and raw code
     */
    record Failed(GatewayError error) implements QueryResult {
        /** Validates. */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * No verified answer: ask again later.
     *
     * @param reason what went wrong
     */
    record Unknown(String reason) implements QueryResult {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
