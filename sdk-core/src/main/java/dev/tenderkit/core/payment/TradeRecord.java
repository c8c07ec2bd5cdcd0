package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.TradeRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the engine knows about one trade, as journaled after every change: what was asked
 * ({@link #intent()}, never changes) and where it stands ({@link #progress()}). A later record of
 * the same {@link #outTradeNo()} supersedes an earlier one ({@link #revision()} grows by one per
 * change); {@link #next} is the one way to derive it. The payment code is only ever held masked.
 * The accessors below read through to the intent or the progress. Immutable.
 *
 * @param intent what the trade asks for
 * @param progress where it stands
 */
public record TradeRecord(TradeIntent intent, TradeProgress progress) {

    /** Validates. */
    public TradeRecord {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * @param intent what a new trade asks for
     * @return its first record: CREATED, revision 0, written at the intent's creation time
     */
    public static TradeRecord created(TradeIntent intent) {
        return new TradeRecord(intent, TradeProgress.created(intent.createdAt()));
    }

    /**
     * Derives the next revision: the same intent, the progress changed by {@code change}.
     *
     * @param at when the change is journaled
     * @param change what changes
     * @return the next revision
     */
    public TradeRecord next(Instant at, UnaryOperator<TradeProgress.Change> change) {
        return new TradeRecord(intent, change.apply(progress.change()).at(at, progress.revision() + 1));
    }

    /** @return the next revision of this record in a new state, at a time */
    public TradeRecord advance(TradeState state, Instant at) {
        return next(at, c -> c.state(state));
    }

    /** @return this record paid (next revision) */
    public TradeRecord paid(Payment confirmed, Optional<Money> merchantFee, Instant at) {
        return next(at, c -> c.paid(confirmed, merchantFee));
    }

    /** @return this record failed (next revision) */
    public TradeRecord failed(GatewayError error, Instant at) {
        return next(at, c -> c.failed(error));
    }

    /** @return this record with a problem noted (next revision) */
    public TradeRecord withProblem(String problem, Instant at) {
        return next(at, c -> c.problem(problem));
    }

    /** @return this record after one more reversal attempt, flagged when {@code flag} is present (next revision) */
    public TradeRecord reversalAttempted(Optional<String> flag, String problem, Instant at) {
        return next(at, c -> {
            flag.ifPresent(c::attention);
            return c.problem(problem).reversalAttempted();
        });
    }

    /** @return this record with a new refunded total (next revision) */
    public TradeRecord withRefunded(Money total, Instant at) {
        return next(at, c -> c.refunded(total));
    }

    /** @return whether a person must look at it */
    public boolean needsAttention() {
        return progress.attention().isPresent();
    }

    /** @return the trade reference for its gateway */
    public TradeRef ref() {
        return new TradeRef(intent.outTradeNo(), intent.channelId());
    }

    /** @return {@link TradeIntent#outTradeNo()} */
    public String outTradeNo() {
        return intent.outTradeNo();
    }

    /** @return {@link TradeIntent#orderId()} */
    public String orderId() {
        return intent.orderId();
    }

    /** @return {@link TradeIntent#attempt()} */
    public int attempt() {
        return intent.attempt();
    }

    /** @return {@link TradeIntent#kind()} */
    public TradeKind kind() {
        return intent.kind();
    }

    /** @return {@link TradeIntent#channelId()} */
    public String channelId() {
        return intent.channelId();
    }

    /** @return {@link TradeIntent#gatewayId()} */
    public String gatewayId() {
        return intent.gatewayId();
    }

    /** @return {@link TradeIntent#methodId()} */
    public String methodId() {
        return intent.methodId();
    }

    /** @return {@link TradeIntent#amount()} */
    public Money amount() {
        return intent.amount();
    }

    /** @return {@link TradeIntent#subject()} */
    public String subject() {
        return intent.subject();
    }

    /** @return {@link TradeIntent#installments()} */
    public Optional<InstallmentPlan> installments() {
        return intent.installments();
    }

    /** @return {@link TradeIntent#maskedPaymentCode()} */
    public String maskedPaymentCode() {
        return intent.maskedPaymentCode();
    }

    /** @return {@link TradeIntent#paymentCodeDigest()} */
    public Optional<String> paymentCodeDigest() {
        return intent.paymentCodeDigest();
    }

    /** @return {@link TradeIntent#createdAt()} */
    public Instant createdAt() {
        return intent.createdAt();
    }

    /** @return {@link TradeIntent#deadline()} */
    public Instant deadline() {
        return intent.deadline();
    }

    /** @return {@link TradeProgress#state()} */
    public TradeState state() {
        return progress.state();
    }

    /** @return {@link TradeProgress#updatedAt()} */
    public Instant updatedAt() {
        return progress.updatedAt();
    }

    /** @return {@link TradeProgress#payment()} */
    public Optional<Payment> payment() {
        return progress.payment();
    }

    /** @return {@link TradeProgress#failure()} */
    public Optional<GatewayError> failure() {
        return progress.failure();
    }

    /** @return {@link TradeProgress#fee()} */
    public Optional<Money> fee() {
        return progress.fee();
    }

    /** @return {@link TradeProgress#lastProblem()} */
    public Optional<String> lastProblem() {
        return progress.lastProblem();
    }

    /** @return {@link TradeProgress#reversalAttempts()} */
    public int reversalAttempts() {
        return progress.reversalAttempts();
    }

    /** @return {@link TradeProgress#attention()} */
    public Optional<String> attention() {
        return progress.attention();
    }

    /** @return {@link TradeProgress#refunded()} */
    public Money refunded() {
        return progress.refunded();
    }

    /** @return {@link TradeProgress#qrCode()} */
    public Optional<String> qrCode() {
        return progress.qrCode();
    }

    /** @return {@link TradeProgress#cancelled()} */
    public boolean cancelled() {
        return progress.cancelled();
    }

    /** @return {@link TradeProgress#revision()} */
    public long revision() {
        return progress.revision();
    }
}
