package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.TradeRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine knows about one trade, as journaled after every change. A later record of
 * the same {@link #outTradeNo()} supersedes an earlier one ({@link #revision()} grows by one per
 * change). The payment code is only ever held masked.
 *
 * @param outTradeNo TenderKit's trade number, unique across terminals and restarts
 * @param orderId the POS's own order id; one order id has one trade
 * @param kind barcode or QR
 * @param channelId the channel the trade goes through
 * @param gatewayId the gateway serving that channel
 * @param methodId the payment method requested
 * @param amount the amount to charge
 * @param subject what is sold
 * @param installments the installment plan requested, if any
 * @param maskedPaymentCode the buyer's payment code, masked ("" for QR trades)
 * @param paymentCodeDigest a digest of the whole payment code salted with the out_trade_no
 *     ({@link PaymentCodeDigest}), so that a second request for the same order can be told to carry
 *     the same code without keeping the code; empty for QR trades and for records written before it
 * @param state where the trade stands
 * @param createdAt when the intent was journaled
 * @param updatedAt when this record was written
 * @param deadline when an unpaid trade is reversed
 * @param payment the confirmed payment, once paid
 * @param failure the verified refusal, when failed
 * @param fee the merchant's fee for a paid trade, when a fee engine priced it
 * @param lastProblem the last unknown outcome or retry reason, for support
 * @param reversalAttempts reversal attempts made so far
 * @param attention why a person must look at the trade, when flagged
 * @param refunded total refunded so far
 * @param revision 0 for the first record of the trade, then one more per change
 */
public record TradeRecord(String outTradeNo, String orderId, TradeKind kind, String channelId, String gatewayId,
        String methodId, Money amount, String subject, Optional<InstallmentPlan> installments,
        String maskedPaymentCode, Optional<String> paymentCodeDigest, TradeState state, Instant createdAt, Instant updatedAt, Instant deadline,
        Optional<Payment> payment, Optional<GatewayError> failure, Optional<Money> fee, Optional<String> lastProblem,
        int reversalAttempts, Optional<String> attention, Money refunded, long revision) {

    /** Validates. */
    public TradeRecord {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(installments, "installments");
        Objects.requireNonNull(maskedPaymentCode, "maskedPaymentCode");
        Objects.requireNonNull(paymentCodeDigest, "paymentCodeDigest");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(lastProblem, "lastProblem");
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(refunded, "refunded");
        if (state == TradeState.PAID && payment.isEmpty()) {
            throw new IllegalArgumentException("a PAID trade record needs its payment: " + outTradeNo);
        }
        if (state == TradeState.FAILED && failure.isEmpty()) {
            throw new IllegalArgumentException("a FAILED trade record needs its failure: " + outTradeNo);
        }
    }

    /** @return whether a person must look at it */
    public boolean needsAttention() {
        return attention.isPresent();
    }

    /** @return the next revision of this record in a new state, at a time */
    public TradeRecord advance(TradeState next, Instant at) {
        return new TradeRecord(outTradeNo, orderId, kind, channelId, gatewayId, methodId, amount, subject,
                installments, maskedPaymentCode, paymentCodeDigest, next, createdAt, at, deadline, payment, failure, fee, lastProblem,
                reversalAttempts, attention, refunded, revision + 1);
    }

    /** @return this record paid (next revision) */
    public TradeRecord paid(Payment confirmed, Optional<Money> merchantFee, Instant at) {
        return new TradeRecord(outTradeNo, orderId, kind, channelId, gatewayId, methodId, amount, subject,
                installments, maskedPaymentCode, paymentCodeDigest, TradeState.PAID, createdAt, at, deadline, Optional.of(confirmed),
                failure, merchantFee, lastProblem, reversalAttempts, attention, refunded, revision + 1);
    }

    /** @return this record failed (next revision) */
    public TradeRecord failed(GatewayError error, Instant at) {
        return new TradeRecord(outTradeNo, orderId, kind, channelId, gatewayId, methodId, amount, subject,
                installments, maskedPaymentCode, paymentCodeDigest, TradeState.FAILED, createdAt, at, deadline, payment,
                Optional.of(error), fee, lastProblem, reversalAttempts, attention, refunded, revision + 1);
    }

    /** @return this record with a problem noted (next revision) */
    public TradeRecord withProblem(String problem, Instant at) {
        return new TradeRecord(outTradeNo, orderId, kind, channelId, gatewayId, methodId, amount, subject,
                installments, maskedPaymentCode, paymentCodeDigest, state, createdAt, at, deadline, payment, failure, fee,
                Optional.of(problem), reversalAttempts, attention, refunded, revision + 1);
    }

    /** @return this record after one more reversal attempt, flagged when {@code flag} is present (next revision) */
    public TradeRecord reversalAttempted(Optional<String> flag, String problem, Instant at) {
        return new TradeRecord(outTradeNo, orderId, kind, channelId, gatewayId, methodId, amount, subject,
                installments, maskedPaymentCode, paymentCodeDigest, state, createdAt, at, deadline, payment, failure, fee,
                Optional.of(problem), reversalAttempts + 1, flag.or(() -> attention), refunded, revision + 1);
    }

    /** @return this record with a new refunded total (next revision) */
    public TradeRecord withRefunded(Money total, Instant at) {
        return new TradeRecord(outTradeNo, orderId, kind, channelId, gatewayId, methodId, amount, subject,
                installments, maskedPaymentCode, paymentCodeDigest, state, createdAt, at, deadline, payment, failure, fee, lastProblem,
                reversalAttempts, attention, total, revision + 1);
    }

    /** @return the trade reference for its gateway */
    public TradeRef ref() {
        return new TradeRef(outTradeNo, channelId);
    }
}
