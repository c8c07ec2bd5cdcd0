package dev.tenderkit.core.payment;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A refund of part or all of an order's payment, as the cashier asks for it: by the POS's own order
 * id. Idempotent by {@link #refundRequestNo()}: asking again with the same number returns the same
 * refund. Built by {@link #builder()}, which validates the fields. Immutable.
 *
 * @param orderId the order whose paid trade is refunded
 * @param refundRequestNo the refund's number, unique within the order: letters, digits, '_', at most 64
 * @param amount the amount to refund, positive
 * @param reason why, shown to the buyer
 */
public record OrderRefund(String orderId, String refundRequestNo, Money amount, String reason) {
    private static final Pattern REFUND_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /**
     * Validates.
     *
     * @throws InvalidInputException naming the field that is malformed
     */
    public OrderRefund {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        if (refundRequestNo == null || !REFUND_NO.matcher(refundRequestNo).matches()) {
            throw new InvalidInputException("refundRequestNo", "must be 1-64 letters, digits or '_', got \""
                    + refundRequestNo + "\"");
        }
        amount.requirePositive("amount");
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a refund request; {@link #build()} names the missing or malformed field. Not thread-safe. */
    public static final class Builder {
        private String orderId;
        private String refundRequestNo;
        private Money amount;
        private String reason = "";

        private Builder() {
        }

        /** @param orderId the order to refund; required @return this */
        public Builder orderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        /** @param refundRequestNo the refund's number, unique within the order; required @return this */
        public Builder refundRequestNo(String refundRequestNo) {
            this.refundRequestNo = refundRequestNo;
            return this;
        }

        /** @param amount the amount to refund; required @return this */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** @param reason why, shown to the buyer; default empty @return this */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** @return the request */
        public OrderRefund build() {
            if (orderId == null) {
                throw new InvalidInputException("orderId", "is required");
            }
            if (amount == null) {
                throw new InvalidInputException("amount", "is required");
            }
            return new OrderRefund(orderId, refundRequestNo, amount, Objects.requireNonNull(reason, "reason"));
        }
    }
}
