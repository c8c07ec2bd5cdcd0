package dev.tenderkit.core.payment;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a trade stands: everything about it that changes, one value per journaled revision. A
 * change is made with {@link TradeRecord#next}, which is the only way to derive the next revision.
 * Immutable.
 *
 * @param state where the trade stands
 * @param updatedAt when this revision was written
 * @param payment the confirmed payment, once paid
 * @param failure the verified refusal, when failed
 * @param fee the merchant's fee for a paid trade, when a fee engine priced it
 * @param lastProblem the last unknown outcome or retry reason, for support
 * @param reversalAttempts reversal attempts made so far
 * @param attention why a person must look at the trade, when flagged
 * @param refunded total refunded so far
 * @param qrCode the code a QR trade shows the buyer, once the wallet created it
 * @param cancelled whether the cashier cancelled the trade while it was in progress
 * @param revision 0 for the first record of the trade, then one more per change
 */
public record TradeProgress(TradeState state, Instant updatedAt, Optional<Payment> payment,
        Optional<GatewayError> failure, Optional<Money> fee, Optional<String> lastProblem, int reversalAttempts,
        Optional<String> attention, Money refunded, Optional<String> qrCode, boolean cancelled, long revision) {

    /** Validates. */
    public TradeProgress {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(lastProblem, "lastProblem");
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(qrCode, "qrCode");
        if (state == TradeState.PAID && payment.isEmpty()) {
            throw new IllegalArgumentException("a PAID trade record needs its payment");
        }
        if (state == TradeState.FAILED && failure.isEmpty()) {
            throw new IllegalArgumentException("a FAILED trade record needs its failure");
        }
    }

    /**
     * @param at when the intent is journaled
     * @return the progress of a trade just created: nothing sent, revision 0
     */
    public static TradeProgress created(Instant at) {
        return new TradeProgress(TradeState.CREATED, at, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Money.ZERO, Optional.empty(), false, 0);
    }

    /** @return a change of this progress, to be completed by {@link TradeRecord#next} */
    Change change() {
        return new Change(this);
    }

    /** A change being made to a trade's progress: set what changes, the rest is carried over. Not thread-safe. */
    public static final class Change {
        private TradeState state;
        private Optional<Payment> payment;
        private Optional<GatewayError> failure;
        private Optional<Money> fee;
        private Optional<String> lastProblem;
        private int reversalAttempts;
        private Optional<String> attention;
        private Money refunded;
        private Optional<String> qrCode;
        private boolean cancelled;

        private Change(TradeProgress p) {
            state = p.state;
            payment = p.payment;
            failure = p.failure;
            fee = p.fee;
            lastProblem = p.lastProblem;
            reversalAttempts = p.reversalAttempts;
            attention = p.attention;
            refunded = p.refunded;
            qrCode = p.qrCode;
            cancelled = p.cancelled;
        }

        /** @param next the new state @return this */
        public Change state(TradeState next) {
            state = next;
            return this;
        }

        /** @param confirmed the confirmed payment @param merchantFee its fee, if priced @return this, PAID */
        public Change paid(Payment confirmed, Optional<Money> merchantFee) {
            state = TradeState.PAID;
            payment = Optional.of(confirmed);
            fee = merchantFee;
            return this;
        }

        /** @param error the verified refusal @return this, FAILED */
        public Change failed(GatewayError error) {
            state = TradeState.FAILED;
            failure = Optional.of(error);
            return this;
        }

        /** @param problem the last unknown outcome or retry reason @return this */
        public Change problem(String problem) {
            lastProblem = Optional.of(problem);
            return this;
        }

        /** @param why why a person must look at the trade (replaces an earlier reason) @return this */
        public Change attention(String why) {
            attention = Optional.of(why);
            return this;
        }

        /** @return this with one more reversal attempt counted */
        public Change reversalAttempted() {
            reversalAttempts++;
            return this;
        }

        /** @param total the new refunded total @return this */
        public Change refunded(Money total) {
            refunded = total;
            return this;
        }

        /** @param code the code the buyer scans @return this */
        public Change qrCode(String code) {
            qrCode = Optional.of(code);
            return this;
        }

        /** @return this, marked cancelled by the cashier */
        public Change cancelled() {
            cancelled = true;
            return this;
        }

        TradeProgress at(Instant at, long revision) {
            return new TradeProgress(state, at, payment, failure, fee, lastProblem, reversalAttempts, attention,
                    refunded, qrCode, cancelled, revision);
        }
    }
}
