package dev.tenderkit.core.payment;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.fee.LeastCostRouter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Takes payments safely: classify the payment code, resolve capability (refusing early with
 * findings), route, journal the intent durably, pay, poll while the buyer confirms, reverse at
 * the deadline and retry the reversal until it is confirmed; refund idempotently; after a crash,
 * {@link #recover()} settles every journaled trade against its gateway.
 *
 * <p>The invariants it keeps: the intent is durable before any byte reaches a gateway; no outcome
 * is inferred from a failed, timed-out or unverifiable response; a trade not confirmed paid by
 * its deadline is reversed, and the reversal is retried until confirmed or flagged for a person;
 * an order may have several attempts, each with its own out_trade_no, a new one only once the
 * previous one is final and unpaid, so at most one of them is ever charged; payment codes are only
 * logged masked.
 *
 * <p>This class is a façade over named parts: {@code Checkout} (admission per order, routing),
 * the trade steps ({@code TradeFlow}: prepare, send, poll, reverse, settle), {@code RefundDesk}
 * and {@code TradeRecovery}. Thread-safe. Timers run on the injected
 * {@link dev.tenderkit.core.time.TaskScheduler} and the steps — which block on gateway and journal
 * I/O — on the gateway executor ({@link PaymentEngineBuilder#gatewayExecutor}).
 */
public final class PaymentEngine {
    private final TransactionStore store;
    private final ZoneOffset businessZone;
    private final InFlight inFlight = new InFlight();
    private final OrderAdmission admission;
    private final Checkout checkout;
    private final RefundDesk refunds;
    private final TradeRecovery recovery;

    PaymentEngine(PaymentEngineBuilder b, CapabilityResolver resolver, Supplier<CheckoutContext> context) {
        this.store = b.store;
        this.businessZone = b.businessZone;
        OutTradeNumbers numbers = new OutTradeNumbers(b.terminalId, b.scheduler.clock().millis());
        store.reserveNumberPrefix(numbers.prefix());   // durable before this run's first trade: recovery searches it
        MethodChoice methods = new MethodChoice(resolver.registry());
        TradeServices services = new EngineServices(b.scheduler, b.gatewayExecutor(), store, b.listener, b.pricing,
                methods, inFlight);
        this.admission = new OrderAdmission(store, inFlight, numbers.prefix());
        this.refunds = new RefundDesk(store, services, inFlight, this::gateway, numbers.prefix());
        this.recovery = new TradeRecovery(store, services, inFlight, b.gateways, resolver.registry(), refunds,
                b.terminalId, numbers.prefix(), b.lostTradeSearch);
        Optional<LeastCostRouter> router = b.feeSchedule.map(fs -> LeastCostRouter.builder().resolver(resolver)
                .schedule(fs).build());
        ChannelRouting routing = new ChannelRouting(resolver, b.gateways, router, b.scheduler.clock());
        this.checkout = new Checkout(context, b.classifier, methods, admission, routing, numbers, store, services,
                inFlight, recovery);
    }

    /** @return a builder */
    public static PaymentEngineBuilder builder() {
        return new PaymentEngineBuilder();
    }

    /**
     * Takes a barcode payment and waits for its final outcome. Needs a real-time scheduler.
     *
     * @param request what the cashier asked for
     * @return the outcome
     * @throws InvalidInputException naming the field when the request is malformed (nothing is sent)
     */
    public TradeOutcome pay(BarcodePaymentRequest request) {
        return payAsync(request).join();
    }

    /**
     * Takes a barcode payment. The request is validated, the payment code classified and the
     * capability resolved before this returns; the trade's steps run on the gateway executor.
     *
     * @param request what the cashier asked for
     * @return the outcome, completed when the trade is final or flagged for a person
     * @throws InvalidInputException naming the field when the request is malformed, or when the order
     *     already has an attempt in progress or paid that asked for another payment (nothing is sent)
     * @throws dev.tenderkit.core.TenderKitException with {@link ErrorCode#HELD_BY_ANOTHER_ENGINE} when the
     *     order's attempt is unfinished and another engine sharing the store holds it (nothing is sent)
     * @throws dev.tenderkit.core.TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED} while the
     *     store is damaged ({@link TransactionStore#integrity()}): nothing is sent
     */
    public CompletableFuture<TradeOutcome> payAsync(BarcodePaymentRequest request) {
        Objects.requireNonNull(request, "request");
        JournalDamageGuard.requireIntact(store, "payment for order " + request.orderId());
        return checkout.pay(request);
    }

    /**
     * Starts a QR payment: the returned ticket's code is shown to the buyer; its outcome completes
     * when the trade is paid, or closed at the end of the validity. Asking again for the same order
     * and amount returns the same code (it is journaled, so after a restart too).
     *
     * @param request what the cashier asked for
     * @return the ticket
     * @throws dev.tenderkit.core.TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED} while the
     *     store is damaged: nothing is sent
     */
    public QrTicket startQr(QrPaymentRequest request) {
        Objects.requireNonNull(request, "request");
        JournalDamageGuard.requireIntact(store, "QR payment for order " + request.orderId());
        return checkout.startQr(request);
    }

    /**
     * The cashier pressed Cancel: the order's attempt in progress is reversed (a QR trade closed),
     * journaled as cancelled ({@link TradeRecord#cancelled()}); one not yet sent is never sent. A
     * buyer who paid a moment before is refunded by the reversal. An attempt that already ended is
     * answered as it ended.
     *
     * @param orderId the order
     * @return the outcome of the order's latest attempt, once final or flagged
     * @throws InvalidInputException naming {@code orderId} when the order is unknown or paid (refund it instead)
     * @throws dev.tenderkit.core.TenderKitException with {@link ErrorCode#HELD_BY_ANOTHER_ENGINE} when the
     *     attempt is in progress at another engine sharing the store (cancel it there)
     */
    public CompletableFuture<TradeOutcome> cancel(String orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return admission.locked(orderId, () -> {
            Optional<TradeContext> running = inFlight.forOrder(orderId).or(() -> store.tradesForOrder(orderId)
                    .stream().filter(t -> !t.state().isFinal()).findFirst().flatMap(admission::claim)
                    .map(recovery::resume));
            if (running.isPresent()) {
                TradeFlow.cancel(running.get());
                return running.get().outcome;
            }
            TradeRecord latest = store.findByOrderId(orderId).orElseThrow(() -> new InvalidInputException("orderId",
                    "there is no order " + orderId + " to cancel"));
            if (latest.state() == TradeState.PAID) {
                throw new InvalidInputException("orderId", "order " + orderId + " is paid (trade "
                        + latest.outTradeNo() + "): refund it instead of cancelling");
            }
            return CompletableFuture.completedFuture(latest.state() == TradeState.FAILED
                    ? new TradeOutcome.Failed(latest, latest.failure().orElseThrow())
                    : new TradeOutcome.Reversed(latest));
        });
    }

    /**
     * Refunds part or all of an order's paid trade. Idempotent by the refund number: asking again
     * with the same number returns the same refund. Never refunds more than was paid (refunds still
     * in progress count as refunded). A refund that cannot be taken is answered
     * {@link RefundOutcome.Refused}, with nothing journaled.
     *
     * @param request the order, the refund number, the amount and the reason
     * @return the outcome
     * @throws dev.tenderkit.core.TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED} while the
     *     store is damaged (refunds it already holds are still settled by {@link #recover()})
     */
    public CompletableFuture<RefundOutcome> refundAsync(OrderRefund request) {
        Objects.requireNonNull(request, "request");
        JournalDamageGuard.requireIntact(store, "refund " + request.refundRequestNo() + " of order "
                + request.orderId());
        return refunds.refund(request);
    }

    /**
     * Settles every journaled trade and refund that is not final, and searches the wallets for
     * trades the store lost: call it at start-up, before taking payments. Paid trades are recorded
     * as paid, unpaid ones reversed (after their deadline), refunds confirmed.
     *
     * <p>It runs on a damaged store too ({@link TransactionStore#integrity()}): it settles what the
     * store could read, and the report carries the damage. The search ({@link LostTradeSearchResult})
     * asks the gateways about the out_trade_no values after the last one the store knows in each
     * earlier run, until several in a row are not found; a trade found there is adopted under the
     * order id {@code LOST-<outTradeNo>}, flagged for attention — a paid one recorded paid, never
     * reversed; one awaiting the buyer or without a verified answer settled like any unfinished
     * trade. It costs a few queries per run, and runs on an intact store as well (the last record of
     * a trade can be lost without damage being visible, as when the disk lied about a flush).
     *
     * @return completes when every one of them is final or flagged for a person
     */
    public CompletableFuture<RecoveryReport> recover() {
        return recovery.recover();
    }

    /**
     * A hint from outside — typically a verified wallet notification ("the buyer paid") — that a
     * trade may have changed: if it is in flight and waiting for the buyer, it is queried now
     * rather than at its next poll. The hint itself changes nothing: only the verified answer to
     * the engine's own query does, so a forged or stale hint costs one query at most.
     *
     * @param outTradeNo the trade
     * @return whether the trade is in flight here and a query was scheduled
     */
    public boolean checkNow(String outTradeNo) {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Optional<TradeContext> trade = inFlight.trade(outTradeNo);
        trade.ifPresent(TradeFlow::checkNow);
        return trade.isPresent();
    }

    /** @return the trade's latest record */
    public Optional<TradeRecord> trade(String outTradeNo) {
        return store.find(outTradeNo);
    }

    /** @return the latest attempt made for a POS order id */
    public Optional<TradeRecord> tradeForOrder(String orderId) {
        return store.findByOrderId(orderId);
    }

    /** @return every attempt made for a POS order id, oldest first */
    public List<TradeRecord> attempts(String orderId) {
        return store.tradesForOrder(orderId);
    }

    /** @return the trade's refunds, oldest first */
    public List<RefundRecord> refunds(String outTradeNo) {
        return store.refunds(outTradeNo);
    }

    /**
     * @param businessDay a day in the business time zone (UTC+8 by default)
     * @return the trades created that day, oldest first, for end-of-day reconciliation; flagged
     *     ones carry {@link TradeRecord#attention()}
     */
    public List<TradeRecord> trades(LocalDate businessDay) {
        Instant from = businessDay.atStartOfDay().toInstant(businessZone);
        return store.trades(from, from.plus(Duration.ofDays(1)));
    }

    private dev.tenderkit.core.payment.spi.PaymentGateway gateway(TradeRecord t) {
        return recovery.gateway(t);
    }
}
