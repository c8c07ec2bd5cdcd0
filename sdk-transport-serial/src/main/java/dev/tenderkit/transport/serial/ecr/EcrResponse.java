package dev.tenderkit.transport.serial.ecr;

import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * What the terminal answers. Every response carries the {@link #requestId()} of the request it
 * answers.
 *
 * <p>Immutable; constructors validate every field and throw
 * {@link dev.tenderkit.core.InvalidInputException} naming it.
 */
public sealed interface EcrResponse {

    /** @return the id of the request this answers */
    String requestId();

    /**
     * The outcome of a sale, refund or void.
     *
     * @param requestId the id of the sale, refund or void request
     * @param status where the transaction stands
     * @param amount the amount of the transaction, in fen
     * @param tradeNo the terminal's trade number, once there is one
     * @param fundingSource what the buyer paid with, e.g. 花呗 or 余额, when the wallet said
     * @param reason why it was declined or is unknown, in words
     */
    record TransactionResult(String requestId, TransactionStatus status, Money amount, Optional<String> tradeNo,
            Optional<String> fundingSource, Optional<String> reason) implements EcrResponse {
        /** Validates the fields. */
        public TransactionResult {
            EcrFields.requestId("requestId", requestId);
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(tradeNo, "tradeNo").ifPresent(t -> EcrFields.reference("tradeNo", t));
            Objects.requireNonNull(fundingSource, "fundingSource").ifPresent(f -> EcrFields.text("fundingSource", f));
            Objects.requireNonNull(reason, "reason").ifPresent(r -> EcrFields.text("reason", r));
        }

        /**
         * @param requestId the request's id
         * @param amount the amount paid
         * @param tradeNo the trade number
         * @param fundingSource what the buyer paid with
         * @return an approved result
         */
        public static TransactionResult approved(String requestId, Money amount, String tradeNo, String fundingSource) {
            return new TransactionResult(requestId, TransactionStatus.APPROVED, amount, Optional.of(tradeNo),
                    Optional.of(fundingSource), Optional.empty());
        }

        /**
         * @param requestId the request's id
         * @param amount the amount asked for
         * @param reason why it was declined
         * @return a declined result
         */
        public static TransactionResult declined(String requestId, Money amount, String reason) {
            return new TransactionResult(requestId, TransactionStatus.DECLINED, amount, Optional.empty(),
                    Optional.empty(), Optional.of(reason));
        }

        /**
         * @param requestId the request's id
         * @param amount the amount asked for
         * @param status {@link TransactionStatus#IN_PROGRESS} or {@link TransactionStatus#UNKNOWN}
         * @param reason in words
         * @return a result that is not final
         */
        public static TransactionResult pending(String requestId, Money amount, TransactionStatus status, String reason) {
            return new TransactionResult(requestId, status, amount, Optional.empty(), Optional.empty(),
                    Optional.of(reason));
        }
    }

    /**
     * The answer to a {@link EcrRequest.LastResultQuery}.
     *
     * @param requestId the query's own id
     * @param ofRequestId the id asked about
     * @param result its outcome, or empty if the terminal never saw that request (so it never ran)
     */
    record LastResult(String requestId, String ofRequestId, Optional<TransactionResult> result) implements EcrResponse {
        /** Validates the fields. */
        public LastResult {
            EcrFields.requestId("requestId", requestId);
            EcrFields.requestId("ofRequestId", ofRequestId);
            Objects.requireNonNull(result, "result").ifPresent(r -> {
                if (!r.requestId().equals(ofRequestId)) {
                    throw new dev.tenderkit.core.InvalidInputException("result",
                            "is for request " + r.requestId() + ", not " + ofRequestId);
                }
            });
        }
    }

    /**
     * The answer to a {@link EcrRequest.StatusQuery}.
     *
     * @param requestId the query's id
     * @param state whether the terminal can take a transaction now
     */
    record TerminalStatus(String requestId, TerminalState state) implements EcrResponse {
        /** Validates the fields. */
        public TerminalStatus {
            EcrFields.requestId("requestId", requestId);
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The terminal refused to act on the request; nothing was run.
     *
     * @param requestId the request's id, or {@code "-"} if it could not be read
     * @param reason why
     * @param detail in words
     */
    record Rejected(String requestId, RejectReason reason, String detail) implements EcrResponse {
        /** Validates the fields. */
        public Rejected {
            if (!"-".equals(requestId)) {
                EcrFields.requestId("requestId", requestId);
            }
            Objects.requireNonNull(reason, "reason");
            EcrFields.text("detail", detail);
        }
    }
}
