package dev.tenderkit.core.operator;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the POS sends its money actions with the operator who asks for them: it wraps a
 * {@link PaymentEngine} (whose rules stay as they are) with the {@link SupervisionPolicy}, the
 * {@link Authoriser} and the {@link AuditTrail}.
 *
 * <p>Every action: when the policy supervises it, the authoriser asks a supervisor (declined, or an
 * approval that breaks the rules — a cashier approving, a supervisor approving herself without the
 * policy allowing it — is a {@link DeskOutcome.Declined} and a trail entry; nothing is sent); then
 * the intent entry is written and durable; then the engine is called; then its outcome (or its
 * failure) is written; then the engine's outcome is returned. An authoriser that fails, or a trail
 * that cannot write the intent, sends nothing and fails the future.
 *
 * <p>Rejected before anything is written (they move no money): a cancel of an unknown order, a
 * cancel of a paid order refunded in full, a resolution of a trade not flagged. Thread-safe.
 */
public final class OperatorDesk {
    private final PaymentEngine engine;
    private final SupervisionPolicy policy;
    private final SupervisedRun run;

    private OperatorDesk(Builder b) {
        this.engine = b.engine;
        this.policy = b.policy;
        this.run = new SupervisedRun(b.trail, b.policy, b.authoriser);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes a barcode payment ({@link PaymentEngine#payAsync}); no approval needed.
     *
     * @param operator who takes it
     * @param request the payment
     * @return the outcome, with the entries written
     */
    public CompletableFuture<DeskOutcome<TradeOutcome>> pay(Operator operator, BarcodePaymentRequest request) {
        Objects.requireNonNull(request, "request");
        DeskPlan plan = new DeskPlan(DeskAction.PAY, Objects.requireNonNull(operator, "operator"), request.orderId(),
                Optional.empty(), Optional.empty(), Optional.of(request.amount()), Optional.empty(), Optional.empty(),
                "");
        return run.run(plan, () -> engine.payAsync(request), OutcomeFacts::of);
    }

    /**
     * Refunds ({@link PaymentEngine#refundAsync}); a supervisor approves when the order's refunds
     * would exceed the policy's threshold.
     *
     * @param operator who asks
     * @param request the refund
     * @return the outcome, or declined
     */
    public CompletableFuture<DeskOutcome<RefundOutcome>> refund(Operator operator, OrderRefund request) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(request, "request");
        Optional<TradeRecord> paid = engine.tradeForOrder(request.orderId()).filter(t -> t.state() == TradeState.PAID);
        Money before = paid.map(t -> refundedOrRefunding(t, request.refundRequestNo())).orElse(Money.ZERO);
        Optional<String> why = policy.refundNeedsApproval(request.amount(), before)
                ? Optional.of("a refund of " + request.amount().toPlainString() + " brings the order's refunds to "
                        + request.amount().plus(before).toPlainString() + ", above the threshold of "
                        + policy.refundThreshold().toPlainString())
                : Optional.empty();
        Optional<String> method = paid.map(TradeRecord::methodId);
        DeskPlan plan = new DeskPlan(DeskAction.REFUND, operator, request.orderId(), paid.map(TradeRecord::outTradeNo),
                Optional.of(request.refundRequestNo()), Optional.of(request.amount()), method, why, request.reason());
        return run.run(plan, () -> engine.refundAsync(request), o -> OutcomeFacts.of(o, method));
    }

    /**
     * Cancels an order. An attempt in progress is cancelled by the engine ({@link PaymentEngine#cancel});
     * a paid order (which the engine would not cancel) is refunded whatever remains, under the refund
     * number {@code CXL_<outTradeNo>} (asking again finds the same refund), a cancel after payment that
     * the policy may supervise.
     *
     * @param operator who asks
     * @param orderId the order
     * @return the outcome, or declined
     * @throws InvalidInputException naming {@code orderId} when there is no such order, or its paid
     *     trade is refunded in full (nothing is written)
     */
    public CompletableFuture<DeskOutcome<ActionResult>> cancel(Operator operator, String orderId) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(orderId, "orderId");
        TradeRecord latest = engine.tradeForOrder(orderId).orElseThrow(() -> new InvalidInputException("orderId",
                "there is no order " + orderId + " to cancel"));
        Optional<String> method = Optional.of(latest.methodId());
        if (latest.state() != TradeState.PAID) {
            DeskPlan plan = new DeskPlan(DeskAction.CANCEL, operator, orderId, Optional.of(latest.outTradeNo()),
                    Optional.empty(), Optional.of(latest.amount()), method, Optional.empty(), "");
            return run.run(plan, () -> engine.cancel(orderId).thenApply(ActionResult.OfTrade::new),
                    a -> OutcomeFacts.of(a, method));
        }
        Money remaining = latest.amount().minus(refundedOrRefunding(latest, ""));
        if (remaining.isZero()) {
            throw new InvalidInputException("orderId", "order " + orderId + " (trade " + latest.outTradeNo()
                    + ") is refunded in full already: there is nothing left to cancel");
        }
        OrderRefund refund = new OrderRefund(orderId, "CXL_" + latest.outTradeNo(), remaining, "order cancelled");
        Optional<String> why = policy.cancelAfterPayment()
                ? Optional.of("order " + orderId + " is paid: cancelling it refunds " + remaining.toPlainString())
                : Optional.empty();
        DeskPlan plan = new DeskPlan(DeskAction.CANCEL, operator, orderId, Optional.of(latest.outTradeNo()),
                Optional.of(refund.refundRequestNo()), Optional.of(remaining), method, why,
                "cancel after payment: refund of what remains");
        return run.run(plan, () -> engine.refundAsync(refund).thenApply(ActionResult.OfRefund::new),
                a -> OutcomeFacts.of(a, method));
    }

    /**
     * Resolves a trade the engine flagged for attention, as a person decided; the policy may supervise it.
     *
     * @param operator who resolves it
     * @param outTradeNo the flagged trade
     * @param resolution refund it, reverse it again, or accept it as it is
     * @return the outcome, or declined
     * @throws InvalidInputException naming {@code outTradeNo} when there is no such trade or it is
     *     not flagged (nothing is written)
     */
    public CompletableFuture<DeskOutcome<ActionResult>> resolve(Operator operator, String outTradeNo,
            Resolution resolution) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(resolution, "resolution");
        TradeRecord t = engine.trade(Objects.requireNonNull(outTradeNo, "outTradeNo")).orElseThrow(() ->
                new InvalidInputException("outTradeNo", "there is no trade " + outTradeNo));
        if (!t.needsAttention()) {
            throw new InvalidInputException("outTradeNo", "trade " + outTradeNo + " is not flagged for attention: "
                    + "there is nothing to resolve");
        }
        Optional<String> why = policy.manualResolution()
                ? Optional.of("trade " + outTradeNo + " is flagged (" + t.attention().orElse("") + "): " + "a manual "
                        + "resolution needs a supervisor")
                : Optional.empty();
        Optional<String> method = Optional.of(t.methodId());
        Optional<String> refundNo = resolution instanceof Resolution.RefundIt r ? Optional.of(r.refundRequestNo())
                : Optional.empty();
        Optional<Money> amount = resolution instanceof Resolution.RefundIt r ? Optional.of(r.amount())
                : Optional.of(t.amount());
        DeskPlan plan = new DeskPlan(DeskAction.RESOLVE, operator, t.orderId(), Optional.of(outTradeNo), refundNo,
                amount, method, why, resolution.describe());
        return run.run(plan, () -> resolved(t, resolution), a -> OutcomeFacts.of(a, method));
    }

    private CompletableFuture<ActionResult> resolved(TradeRecord t, Resolution resolution) {
        if (resolution instanceof Resolution.RefundIt r) {
            return engine.refundAsync(new OrderRefund(t.orderId(), r.refundRequestNo(), r.amount(), r.reason()))
                    .thenApply(ActionResult.OfRefund::new);
        }
        if (resolution instanceof Resolution.Reverse) {
            return engine.cancel(t.orderId()).thenApply(ActionResult.OfTrade::new);
        }
        return CompletableFuture.completedFuture(new ActionResult.Recorded(((Resolution.AcceptAsIs) resolution).note()));
    }

    /**
     * What the trade's refunds take already: refunded, or in progress (a refund that failed takes
     * nothing), leaving out {@code refundNo} (asking again for the same refund is not a second one).
     */
    private Money refundedOrRefunding(TradeRecord t, String refundNo) {
        Money sum = Money.ZERO;
        for (RefundRecord r : engine.refunds(t.outTradeNo())) {
            if (r.state() != RefundState.FAILED && !r.refundRequestNo().equals(refundNo)) {
                sum = sum.plus(r.amount());
            }
        }
        return sum;
    }

    /** Collects a desk; {@link #build()} names the missing setting. Not thread-safe. */
    public static final class Builder {
        private PaymentEngine engine;
        private AuditTrail trail;
        private SupervisionPolicy policy = SupervisionPolicy.builder().build();
        private Authoriser authoriser;

        private Builder() {
        }

        /** @param engine the engine the desk wraps; required @return this */
        public Builder engine(PaymentEngine engine) {
            this.engine = engine;
            return this;
        }

        /** @param trail the audit trail, open; required @return this */
        public Builder trail(AuditTrail trail) {
            this.trail = trail;
            return this;
        }

        /** @param policy what needs approval; default: {@code SupervisionPolicy.builder().build()} @return this */
        public Builder policy(SupervisionPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** @param authoriser how a supervisor is asked; required @return this */
        public Builder authoriser(Authoriser authoriser) {
            this.authoriser = authoriser;
            return this;
        }

        /**
         * @return the desk
         * @throws ConfigurationException naming {@code engine}, {@code trail}, {@code policy} or
         *     {@code authoriser} when missing
         */
        public OperatorDesk build() {
            if (engine == null) {
                throw new ConfigurationException("engine", "the desk needs the PaymentEngine it wraps");
            }
            if (trail == null) {
                throw new ConfigurationException("trail", "the desk needs an open AuditTrail: every action is "
                        + "written to it before it is sent");
            }
            if (policy == null) {
                throw new ConfigurationException("policy", "must not be null; SupervisionPolicy.builder().build() "
                        + "supervises every refund, a cancel after payment and a resolution");
            }
            if (authoriser == null) {
                throw new ConfigurationException("authoriser", "the desk needs the POS's Authoriser to ask a "
                        + "supervisor (PIN, card, app)");
            }
            return new OperatorDesk(this);
        }
    }
}
