package dev.tenderkit.transport.serial.ecr;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * What a cash register asks of the terminal. Every request carries a {@link #requestId()} chosen
 * by the cash register, unique per transaction: the terminal runs a transaction at most once per
 * id, so a request repeated with the same id (after an unknown outcome) is answered with the
 * first outcome, never charged twice.
 *
 * <p>Immutable; constructors validate every field and throw {@link InvalidInputException} naming
 * it.
 */
public sealed interface EcrRequest {

    /** @return the cash register's id of this request: 1 to 32 of {@code A-Z a-z 0-9 _ -} */
    String requestId();

    /**
     * Take a payment.
     *
     * @param requestId the request's id
     * @param amount what the buyer pays, in fen, more than zero
     * @param orderId the cash register's order number, 1 to 64 of {@code A-Z a-z 0-9 _ - .}
     */
    record Sale(String requestId, Money amount, String orderId) implements EcrRequest {
        /** Validates the fields. */
        public Sale {
            EcrFields.requestId("requestId", requestId);
            Objects.requireNonNull(amount, "amount").requirePositive("amount");
            EcrFields.reference("orderId", orderId);
        }
    }

    /**
     * Give money back for an earlier trade.
     *
     * @param requestId the request's id, which is also the refund's idempotency key
     * @param amount how much to refund, in fen, more than zero
     * @param tradeNo the trade number of the sale being refunded
     */
    record Refund(String requestId, Money amount, String tradeNo) implements EcrRequest {
        /** Validates the fields. */
        public Refund {
            EcrFields.requestId("requestId", requestId);
            Objects.requireNonNull(amount, "amount").requirePositive("amount");
            EcrFields.reference("tradeNo", tradeNo);
        }
    }

    /**
     * Cancel an earlier trade in full (撤销).
     *
     * @param requestId the request's id
     * @param tradeNo the trade number of the sale being voided
     */
    record VoidTrade(String requestId, String tradeNo) implements EcrRequest {
        /** Validates the fields. */
        public VoidTrade {
            EcrFields.requestId("requestId", requestId);
            EcrFields.reference("tradeNo", tradeNo);
        }
    }

    /**
     * Ask whether the terminal is ready.
     *
     * @param requestId the request's id
     */
    record StatusQuery(String requestId) implements EcrRequest {
        /** Validates the field. */
        public StatusQuery {
            EcrFields.requestId("requestId", requestId);
        }
    }

    /**
     * Ask for the outcome of an earlier sale, refund or void: what to do after an unknown outcome.
     *
     * @param requestId this query's own id
     * @param ofRequestId the id of the request whose outcome is wanted
     */
    record LastResultQuery(String requestId, String ofRequestId) implements EcrRequest {
        /** Validates the fields. */
        public LastResultQuery {
            EcrFields.requestId("requestId", requestId);
            EcrFields.requestId("ofRequestId", ofRequestId);
        }
    }
}
