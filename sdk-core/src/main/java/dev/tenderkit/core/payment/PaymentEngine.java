package dev.tenderkit.core.payment;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.LeastCostRouter;
import dev.tenderkit.core.fee.RankedChannel;
import dev.tenderkit.core.fee.RouteDecision;
import dev.tenderkit.core.fee.Routed;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentCode;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.time.TaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes payments safely: classify the payment code, resolve capability (refusing early with
 * findings), route, journal the intent durably, pay, poll while the buyer confirms, reverse at
 * the deadline and retry the reversal until it is confirmed; refund idempotently; after a crash,
 * {@link #recover()} settles every journaled trade against its gateway.
 *
 * <p>The invariants it keeps: the intent is durable before any byte reaches a gateway; no outcome
 * is inferred from a failed, timed-out or unverifiable response; a trade not confirmed paid by
 * its deadline is reversed, and the reversal is retried until confirmed or flagged for a person;
 * one order id has one out_trade_no and so at most one charge; payment codes are only logged
 * masked.
 *
 * <p>Thread-safe. All waiting happens on the injected {@link TaskScheduler}; gateway calls run on
 * its threads, so give a real-time scheduler several threads.
 */
public final class PaymentEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentEngine.class);
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_\\-.:]{1,64}");
    private static final Pattern REFUND_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final CapabilityResolver resolver;
    private final Supplier<CheckoutContext> context;
    private final TransactionStore store;
    private final Map<String, PaymentGateway> gateways;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final TradeListener listener;
    private final PaymentCodeClassifier classifier;
    private final PaymentPricing pricing;
    private final ZoneOffset businessZone;
    private final OutTradeNumbers numbers;
    private final String terminalId;
    private final LostTradeSearch.Settings lostTradeSearch;
    private final Optional<LeastCostRouter> router;
    private final Map<String, TradeProcess> inFlight = new ConcurrentHashMap<>();
    /** Trades admitted but maybe not yet journaled, by order id: a second request joins them. */
    private final Map<String, TradeProcess> inFlightByOrder = new ConcurrentHashMap<>();
    private final Map<String, RefundProcess> refundsInFlight = new ConcurrentHashMap<>();
    private final Object admission = new Object();

    private PaymentEngine(Builder b) {
        this.resolver = b.resolver;
        this.context = b.context;
        this.store = b.store;
        this.gateways = Map.copyOf(b.gateways);
        this.clock = b.clock;
        this.scheduler = b.scheduler;
        this.listener = b.listener;
        this.classifier = b.classifier;
        this.pricing = b.pricing;
        this.businessZone = b.businessZone;
        this.numbers = new OutTradeNumbers(b.terminalId, clock.millis());
        this.terminalId = b.terminalId;
        this.lostTradeSearch = b.lostTradeSearch;
        store.reserveNumberPrefix(numbers.prefix());   // durable before this run's first trade: recovery searches it
        this.router = b.feeSchedule.map(fs -> LeastCostRouter.builder().resolver(b.resolver).schedule(fs).build());
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- barcode payments

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
     * capability resolved before this returns; everything else happens on the scheduler.
     *
     * @param request what the cashier asked for
     * @return the outcome, completed when the trade is final or flagged for a person
     * @throws InvalidInputException naming the field when the request is malformed (nothing is sent)
     * @throws dev.tenderkit.core.TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED} while the
     *     store is damaged ({@link TransactionStore#integrity()}): nothing is sent
     */
    public CompletableFuture<TradeOutcome> payAsync(BarcodePaymentRequest request) {
        Objects.requireNonNull(request, "request");
        JournalDamageGuard.requireIntact(store, "payment for order " + request.orderId());
        validateOrder(request.orderId(), request.amount(), request.subject());
        PaymentCode code = classifier.classify(request.paymentCode());
        PaymentMethod method = barcodeMethod(code.wallet(), request.installments());
        synchronized (admission) {
            Optional<CompletableFuture<TradeOutcome>> existing = existingTrade(request.orderId(),
                    t -> OrderReuse.check(t, TradeKind.BARCODE, method, request.amount(), Optional.of(code)));
            if (existing.isPresent()) {
                return existing.get();
            }
            Route route = route(method, request.amount(), request.pinnedChannel(), request.installments());
            if (route.refusal().isPresent()) {
                return CompletableFuture.completedFuture(route.refusal().get());
            }
            PaymentGateway gateway = route.gateway();
            Instant now = now();
            String outTradeNo = numbers.next(store::isKnown);
            TradeRecord intent = new TradeRecord(outTradeNo, request.orderId(), TradeKind.BARCODE,
                    route.channel().id(), gateway.id(), method.id(), request.amount(), request.subject(),
                    request.installments(), code.masked(), Optional.of(PaymentCodeDigest.of(outTradeNo, code.value())),
                    TradeState.CREATED, now, now,
                    now.plus(gateway.timing().buyerDeadline()), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, Optional.empty(), Money.ZERO, 0);
            TradeProcess process = track(new TradeProcess(this, gateway, method, intent));
            scheduler.schedule(() -> process.startBarcode(code, route.creditAllowed()), Duration.ZERO);
            return process.outcome();
        }
    }

    // ---------------------------------------------------------------- QR payments

    /**
     * Starts a QR payment: the returned ticket's code is shown to the buyer; its outcome completes
     * when the trade is paid, or closed at the end of the validity.
     *
     * @param request what the cashier asked for
     * @return the ticket
     * @throws dev.tenderkit.core.TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED} while the
     *     store is damaged: nothing is sent
     */
    public QrTicket startQr(QrPaymentRequest request) {
        Objects.requireNonNull(request, "request");
        JournalDamageGuard.requireIntact(store, "QR payment for order " + request.orderId());
        validateOrder(request.orderId(), request.amount(), request.subject());
        if (request.validity().compareTo(Duration.ofMinutes(1)) < 0 || request.validity().compareTo(Duration.ofHours(2)) > 0) {
            throw new InvalidInputException("validity", "a QR code may be valid from 1 minute to 2 hours, got "
                    + request.validity());
        }
        synchronized (admission) {
            if (inFlightByOrder.containsKey(request.orderId()) || store.findByOrderId(request.orderId()).isPresent()) {
                throw new InvalidInputException("orderId", "order " + request.orderId()
                        + " already has a trade; look it up with trade(...) instead of starting another");
            }
            Route route = route(request.method(), request.amount(), request.pinnedChannel(), Optional.empty());
            if (route.refusal().isPresent()) {
                return new QrTicket(Optional.empty(), CompletableFuture.failedFuture(new IllegalStateException(
                        "refused before sending")), CompletableFuture.completedFuture(route.refusal().get()));
            }
            PaymentGateway gateway = route.gateway();
            Instant now = now();
            TradeRecord intent = new TradeRecord(numbers.next(store::isKnown), request.orderId(), TradeKind.QR,
                    route.channel().id(), gateway.id(), request.method().id(), request.amount(), request.subject(),
                    Optional.empty(), "", Optional.empty(), TradeState.CREATED, now, now, now.plus(request.validity()),
                    Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Money.ZERO, 0);
            TradeProcess process = track(new TradeProcess(this, gateway, request.method(), intent));
            CompletableFuture<String> code = new CompletableFuture<>();
            PrecreateRequest precreate = new PrecreateRequest(intent.ref(), request.amount(), request.subject(),
                    request.method(), request.validity(), route.creditAllowed());
            scheduler.schedule(() -> process.startQr(precreate, code), Duration.ZERO);
            return new QrTicket(Optional.of(intent.outTradeNo()), code, process.outcome());
        }
    }

    // ---------------------------------------------------------------- refunds

    /**
     * Refunds part or all of a paid trade. Idempotent by {@code refundRequestNo}: asking again with
     * the same number returns the same refund. Never refunds more than was paid (refunds still in
     * progress count as refunded).
     *
     * @param outTradeNo the trade
     * @param refundRequestNo the refund's number, unique within the trade: letters, digits, '_', at most 64
     * @param amount the amount to refund
     * @param reason why, shown to the buyer
     * @return the outcome
     * @throws InvalidInputException naming the field when the refund is not possible
     * @throws dev.tenderkit.core.TenderKitException with {@link ErrorCode#JOURNAL_DAMAGED} while the
     *     store is damaged (refunds it already holds are still settled by {@link #recover()})
     */
    public CompletableFuture<RefundOutcome> refundAsync(String outTradeNo, String refundRequestNo, Money amount,
            String reason) {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        JournalDamageGuard.requireIntact(store, "refund " + refundRequestNo + " of trade " + outTradeNo);
        if (refundRequestNo == null || !REFUND_NO.matcher(refundRequestNo).matches()) {
            throw new InvalidInputException("refundRequestNo", "must be 1-64 letters, digits or '_', got \""
                    + refundRequestNo + "\"");
        }
        amount.requirePositive("amount");
        synchronized (admission) {
            TradeRecord trade = store.find(outTradeNo).orElseThrow(() -> new InvalidInputException("outTradeNo",
                    "no trade " + outTradeNo + " in the journal"));
            Optional<RefundRecord> existing = store.findRefund(outTradeNo, refundRequestNo);
            if (existing.isPresent()) {
                RefundRecord r = existing.get();
                if (!r.amount().equals(amount)) {
                    throw new InvalidInputException("refundRequestNo", "refund " + refundRequestNo + " of trade "
                            + outTradeNo + " was already requested for " + r.amount() + ", not " + amount);
                }
                return resumeRefund(trade, r);
            }
            if (trade.state() != TradeState.PAID) {
                throw new InvalidInputException("outTradeNo", "trade " + outTradeNo + " is " + trade.state()
                        + ", not PAID: only a paid trade can be refunded");
            }
            Money committed = Money.ZERO;
            for (RefundRecord r : store.refunds(outTradeNo)) {
                if (r.state() != RefundState.FAILED) {
                    committed = committed.plus(r.amount());
                }
            }
            Money paid = trade.payment().orElseThrow().amount();
            Money refundable = paid.isLessThan(committed) ? Money.ZERO : paid.minus(committed);
            if (amount.isGreaterThan(refundable)) {
                throw new InvalidInputException("amount", "refund of " + amount + " exceeds what trade " + outTradeNo
                        + " can still refund: " + refundable + " (paid " + paid + ", refunded or in progress "
                        + committed + ")");
            }
            Instant now = now();
            RefundRecord intent = new RefundRecord(outTradeNo, refundRequestNo, amount, reason, RefundState.REQUESTED,
                    now, now, Optional.empty(), Optional.empty(), 0);
            RefundProcess process = new RefundProcess(this, gateway(trade), trade, intent);
            refundsInFlight.put(refundKey(intent), process);
            scheduler.schedule(process::start, Duration.ZERO);
            return process.outcome();
        }
    }

    private CompletableFuture<RefundOutcome> resumeRefund(TradeRecord trade, RefundRecord r) {
        RefundProcess running = refundsInFlight.get(refundKey(r));
        if (running != null) {
            return running.outcome();
        }
        switch (r.state()) {
            case REFUNDED:
                return CompletableFuture.completedFuture(new RefundOutcome.Refunded(r));
            case FAILED:
                return CompletableFuture.completedFuture(new RefundOutcome.Failed(r, r.failure().orElseThrow()));
            default:
                RefundProcess process = new RefundProcess(this, gateway(trade), trade, r);
                refundsInFlight.put(refundKey(r), process);
                scheduler.schedule(process::resume, Duration.ZERO);
                return process.outcome();
        }
    }

    private static String refundKey(RefundRecord r) {
        return r.outTradeNo() + "\u0000" + r.refundRequestNo();
    }

    // ---------------------------------------------------------------- recovery and listing

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
        StoreIntegrity integrity = store.integrity();
        if (integrity.isDamaged()) {
            LOG.error("recovering on a DAMAGED journal; new payments are refused until it is repaired: {}",
                    integrity.describe());
        }
        List<CompletableFuture<TradeOutcome>> trades = new ArrayList<>();
        List<CompletableFuture<RefundOutcome>> refunds = new ArrayList<>();
        synchronized (admission) {
            reconcileRefundedTotals();
            for (TradeRecord t : store.unfinished()) {
                if (t.state().isFinal() || inFlight.containsKey(t.outTradeNo())) {
                    continue;   // flagged but final, or already being settled
                }
                trades.add(resume(t).outcome());
            }
            for (RefundRecord r : store.unfinishedRefunds()) {
                Optional<TradeRecord> trade = store.find(r.outTradeNo());
                if (trade.isEmpty()) {
                    // Only damage does this, and the store reports it; the refund's trade must be found first.
                    LOG.error("refund {} of trade {} is in the journal but its trade is not: not settled",
                            r.refundRequestNo(), r.outTradeNo());
                    continue;
                }
                refunds.add(resumeRefund(trade.get(), r));
            }
        }
        LOG.info("recovering {} trade(s) and {} refund(s)", trades.size(), refunds.size());
        CompletableFuture<LostTradeSearch.Found> search = new LostTradeSearch(this, store, gateways, terminalId,
                numbers.prefix(), lostTradeSearch).start(integrity.isDamaged());
        return search.thenCompose(found -> {
            List<CompletableFuture<TradeOutcome>> settled = new ArrayList<>(trades);
            settled.addAll(found.outcomes());
            List<CompletableFuture<?>> all = new ArrayList<>(settled);
            all.addAll(refunds);
            return CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new)).handle((ignored, error) -> {
                if (error != null) {
                    return error;
                }
                try {
                    synchronized (admission) {
                        reconcileRefundedTotals();   // a trade settled from an older record lags its refunds
                    }
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }).thenApply(error ->
                    new RecoveryReport(
                            settled.stream().filter(f -> !f.isCompletedExceptionally()).map(CompletableFuture::join)
                                    .toList(),
                            refunds.stream().filter(f -> !f.isCompletedExceptionally()).map(CompletableFuture::join)
                                    .toList(),
                            error != null ? Optional.of(error) : found.failure(), integrity, found.results()));
        });
    }

    /**
     * Adopts a trade that recovery's search found at a wallet and the store lacks: journals it,
     * tells the listener it needs attention, and settles it unless it is final (paid).
     *
     * @return its outcome, or empty when the store knows the number after all
     */
    Optional<CompletableFuture<TradeOutcome>> adoptLost(TradeRecord t) {
        synchronized (admission) {
            if (store.isKnown(t.outTradeNo()) || inFlight.containsKey(t.outTradeNo())) {
                return Optional.empty();
            }
            save(t);
            attentionNeeded(t);
            if (t.state().isFinal()) {
                return Optional.of(CompletableFuture.completedFuture(new TradeOutcome.Paid(t, t.payment().orElseThrow(),
                        Optional.empty(), Optional.empty())));
            }
            return Optional.of(resume(t).outcome());
        }
    }

    /**
     * A crash between journaling a refund as done and journaling the trade's new refunded total
     * leaves the total behind; the refund records are the truth, so the total is recomputed.
     */
    private void reconcileRefundedTotals() {
        for (TradeRecord t : store.trades(Instant.EPOCH, Instant.MAX)) {
            if (t.state() != TradeState.PAID) {
                continue;
            }
            Money total = refundedTotal(t.outTradeNo());
            if (!total.equals(t.refunded())) {
                LOG.warn("trade {}: refunded total {} in the journal, refunds add up to {}; correcting",
                        t.outTradeNo(), t.refunded(), total);
                save(t.withRefunded(total, now()));
            }
        }
    }

    Money refundedTotal(String outTradeNo) {
        Money total = Money.ZERO;
        for (RefundRecord r : store.refunds(outTradeNo)) {
            if (r.state() == RefundState.REFUNDED) {
                total = total.plus(r.amount());
            }
        }
        return total;
    }

    private TradeProcess resume(TradeRecord t) {
        PaymentMethod method = resolver.registry().find(t.methodId()).orElseGet(() -> {
            // Settling the trade matters more than pricing it: go on, but say the fee may be wrong.
            LOG.warn("trade {} was made with method {}, which this engine's registry no longer knows; it is "
                    + "settled and priced as plain Alipay", t.outTradeNo(), t.methodId());
            return PaymentMethods.ALIPAY;
        });
        TradeProcess process = track(new TradeProcess(this, gateway(t), method, t));
        scheduler.schedule(process::resume, Duration.ZERO);
        return process;
    }

    private TradeProcess track(TradeProcess process) {
        inFlight.put(process.outTradeNo(), process);
        inFlightByOrder.put(process.orderId(), process);
        return process;
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
        TradeProcess process = inFlight.get(outTradeNo);
        if (process == null) {
            return false;
        }
        scheduler.schedule(process::checkNow, Duration.ZERO);
        return true;
    }

    /** @return the trade's latest record */
    public Optional<TradeRecord> trade(String outTradeNo) {
        return store.find(outTradeNo);
    }

    /** @return the trade made for a POS order id */
    public Optional<TradeRecord> tradeForOrder(String orderId) {
        return store.findByOrderId(orderId);
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

    // ---------------------------------------------------------------- internals used by the processes

    Instant now() {
        return clock.instant();
    }

    void schedule(Runnable task, Duration delay) {
        scheduler.schedule(task, delay);
    }

    void save(TradeRecord record) {
        store.save(record);
        notify(() -> listener.onTradeChanged(record));
    }

    void save(RefundRecord record) {
        store.save(record);
        notify(() -> listener.onRefundChanged(record));
    }

    void attentionNeeded(TradeRecord record) {
        notify(() -> listener.onAttentionNeeded(record));
    }

    void finished(TradeProcess process) {
        inFlight.remove(process.outTradeNo(), process);
        inFlightByOrder.remove(process.orderId(), process);
    }

    void finished(RefundProcess process) {
        refundsInFlight.remove(refundKey(process.record()), process);
    }

    Optional<Money> price(TradeRecord trade, PaymentMethod requested, Payment payment) {
        PaymentMethod pricedAs = pricedAs(requested, payment.fundingSource());
        try {
            return pricing.merchantFee(trade.channelId(), pricedAs, payment.amount(), trade.installments(),
                    payment.paidAt());
        } catch (RuntimeException e) {
            LOG.error("trade {}: pricing the payment as {} failed; the trade is recorded paid without a fee",
                    trade.outTradeNo(), pricedAs.id(), e);
            return Optional.empty();
        }
    }

    /** What the buyer actually used decides the fee: Huabei costs more than Alipay's balance. */
    private PaymentMethod pricedAs(PaymentMethod requested, FundingSource funding) {
        if (requested.wallet() == Wallet.ALIPAY && funding.credit() && !requested.isCredit()) {
            if (funding.installmentPeriods() > 0) {
                return resolver.registry().find("alipay.huabei.installment." + funding.installmentPeriods())
                        .orElse(PaymentMethods.ALIPAY_HUABEI);
            }
            return PaymentMethods.ALIPAY_HUABEI;
        }
        if (requested.wallet() == Wallet.WECHAT_PAY && funding.credit() && !requested.isCredit()) {
            return PaymentMethods.WECHAT_PAY_CREDIT;
        }
        return requested;
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("a trade listener threw; the payment is unaffected", e);
        }
    }

    private PaymentGateway gateway(TradeRecord t) {
        PaymentGateway g = gateways.get(t.channelId());
        if (g == null) {
            throw new IllegalStateException("trade " + t.outTradeNo() + " went through channel " + t.channelId()
                    + ", which has no gateway configured in this engine: configure it to settle the trade");
        }
        return g;
    }

    /**
     * The trade an order already has, if any, after {@code sameRequest} has checked that the new
     * request asks for the same payment (it throws when it does not).
     */
    private Optional<CompletableFuture<TradeOutcome>> existingTrade(String orderId,
            java.util.function.Consumer<TradeRecord> sameRequest) {
        TradeProcess admitted = inFlightByOrder.get(orderId);
        if (admitted != null) {
            sameRequest.accept(admitted.intent());
            return Optional.of(admitted.outcome());
        }
        Optional<TradeRecord> existing = store.findByOrderId(orderId);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        TradeRecord t = existing.get();
        sameRequest.accept(t);
        TradeProcess running = inFlight.get(t.outTradeNo());
        if (running != null) {
            return Optional.of(running.outcome());
        }
        LOG.info("order {} already has trade {} ({}); returning it instead of charging again", orderId,
                t.outTradeNo(), t.state());
        switch (t.state()) {
            case PAID:
                return Optional.of(CompletableFuture.completedFuture(new TradeOutcome.Paid(t, t.payment().orElseThrow(),
                        t.fee(), t.fee().map(f -> t.payment().get().amount().minus(f)))));
            case FAILED:
                return Optional.of(CompletableFuture.completedFuture(new TradeOutcome.Failed(t, t.failure().orElseThrow())));
            case REVERSED:
                return Optional.of(CompletableFuture.completedFuture(new TradeOutcome.Reversed(t)));
            default:
                return Optional.of(resume(t).outcome());
        }
    }

    private static void validateOrder(String orderId, Money amount, String subject) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new InvalidInputException("orderId", "must be 1-64 of letters, digits and _-.:, got \"" + orderId + "\"");
        }
        amount.requirePositive("amount");
        if (subject.isBlank() || subject.length() > 128) {
            throw new InvalidInputException("subject", "must be 1-128 characters, got " + subject.length());
        }
    }

    private static PaymentMethod barcodeMethod(Wallet wallet, Optional<InstallmentPlan> plan) {
        if (plan.isPresent()) {
            if (wallet != Wallet.ALIPAY) {
                throw new InvalidInputException("installments", "installments are a Huabei feature; this payment "
                        + "code belongs to " + wallet);
            }
            int periods = plan.get().periods();
            if (periods != 3 && periods != 6 && periods != 12) {
                throw new InvalidInputException("installments", "Huabei installments are 3, 6 or 12 periods, got "
                        + periods);
            }
            return periods == 3 ? PaymentMethods.HUABEI_INSTALLMENT_3
                    : periods == 6 ? PaymentMethods.HUABEI_INSTALLMENT_6 : PaymentMethods.HUABEI_INSTALLMENT_12;
        }
        switch (wallet) {
            case ALIPAY:
                return PaymentMethods.ALIPAY;
            case WECHAT_PAY:
                return PaymentMethods.WECHAT_PAY;
            case UNIONPAY:
                return PaymentMethods.UNIONPAY_QR;
            case ECNY:
                return PaymentMethods.ECNY;
            default:
                throw new IllegalStateException("unknown wallet " + wallet);
        }
    }

    /** The channel a payment goes through, or why it cannot be taken. */
    private record Route(ChannelProfile channel, PaymentGateway gateway, boolean creditAllowed,
            Optional<TradeOutcome.Refused> refusal) {
        static Route refused(PaymentMethod method, List<Finding> findings) {
            return new Route(null, null, false, Optional.of(new TradeOutcome.Refused(method, findings)));
        }
    }

    private Route route(PaymentMethod method, Money amount, Optional<String> pinned,
            Optional<InstallmentPlan> installments) {
        CheckoutContext ctx = context.get();
        CapabilityVerdict verdict = resolver.resolve(ctx, method, amount);
        if (!verdict.isAccepted()) {
            return Route.refused(method, verdict.blockingFindings());
        }
        List<ChannelProfile> candidates = new ArrayList<>();
        for (ChannelProfile c : verdict.acceptingChannels()) {
            if (pinned.isEmpty() || pinned.get().equals(c.id())) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            if (!ctx.merchant().channelIds().contains(pinned.orElseThrow())) {
                throw new InvalidInputException("pinnedChannel", "channel " + pinned.get()
                        + " is not one of the merchant's channels " + ctx.merchant().channelIds());
            }
            return Route.refused(method, verdict.blockingFindingsAgainst(pinned.get()));
        }
        candidates = cheapestFirst(ctx, verdict, candidates, amount, installments);
        for (ChannelProfile c : candidates) {
            PaymentGateway g = gateways.get(c.id());
            if (g != null) {
                return new Route(c, g, creditAllowed(ctx, method, amount, c), Optional.empty());
            }
        }
        throw new dev.tenderkit.core.TenderKitException(ErrorCode.INVALID_CONFIGURATION, "no gateway is configured "
                + "for channel(s) " + candidates.stream().map(ChannelProfile::id).toList() + " that accept "
                + method.id() + "; add one with PaymentEngine.Builder.gateway(channelId, gateway)");
    }

    /**
     * With a fee schedule, the capable channels the schedule prices come first, cheapest first (the
     * router's order); channels it cannot price follow in the merchant's order, so a missing fee
     * term never refuses a sale.
     */
    private List<ChannelProfile> cheapestFirst(CheckoutContext ctx, CapabilityVerdict verdict,
            List<ChannelProfile> candidates, Money amount, Optional<InstallmentPlan> installments) {
        if (router.isEmpty() || candidates.size() < 2) {
            return candidates;
        }
        RouteDecision decision = router.get().route(ctx, verdict,
                FeeSchedulePricing.request(verdict.method(), amount, installments, now()));
        if (!(decision instanceof Routed routed)) {
            LOG.info("no fee schedule prices {} here; routing in the merchant's order", verdict.method().id());
            return candidates;
        }
        List<ChannelProfile> ordered = new ArrayList<>();
        for (RankedChannel ranked : routed.ranked()) {
            for (ChannelProfile c : candidates) {
                if (c.id().equals(ranked.channelId())) {
                    ordered.add(c);
                }
            }
        }
        for (ChannelProfile c : candidates) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        return ordered;
    }

    /** Consumer credit is allowed only if one of the wallet's credit methods is accepted on the channel. */
    private boolean creditAllowed(CheckoutContext ctx, PaymentMethod method, Money amount, ChannelProfile channel) {
        if (method.isCredit()) {
            return true;
        }
        for (PaymentMethod m : resolver.registry().all()) {
            if (m.wallet() == method.wallet() && m.isCredit() && !m.isInstallment()
                    && resolver.resolve(ctx, m, amount).isAcceptedOn(channel.id())) {
                return true;
            }
        }
        return false;
    }

    /** Configures an engine; {@link #build()} validates and names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private CapabilityResolver resolver;
        private Supplier<CheckoutContext> context;
        private TransactionStore store;
        private final Map<String, PaymentGateway> gateways = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private TaskScheduler scheduler;
        private TradeListener listener = TradeListener.NONE;
        private PaymentCodeClassifier classifier = PaymentCodeClassifier.standard();
        private PaymentPricing pricing = PaymentPricing.NONE;
        private Optional<FeeSchedule> feeSchedule = Optional.empty();
        private ZoneOffset businessZone = ZoneOffset.ofHours(8);
        private String terminalId;
        private LostTradeSearch.Settings lostTradeSearch = LostTradeSearch.Settings.DEFAULT;

        private Builder() {
        }

        /**
         * How {@link PaymentEngine#recover()} searches the wallets for trades the store lost.
         *
         * @param consecutiveNotFound "not found" answers in a row that end the search of one run;
         *     default 3; 0 turns the search off
         * @param runsWhenIntact how many recent earlier runs are searched while the store is intact
         *     (all of them, within the store's retention, while it is damaged); default 8
         */
        public Builder lostTradeSearch(int consecutiveNotFound, int runsWhenIntact) {
            if (consecutiveNotFound < 0 || consecutiveNotFound > 100) {
                throw new ConfigurationException("lostTradeSearch.consecutiveNotFound", "must be 0-100, got "
                        + consecutiveNotFound);
            }
            if (runsWhenIntact < 1 || runsWhenIntact > 1000) {
                throw new ConfigurationException("lostTradeSearch.runsWhenIntact", "must be 1-1000, got "
                        + runsWhenIntact);
            }
            this.lostTradeSearch = new LostTradeSearch.Settings(consecutiveNotFound, runsWhenIntact,
                    LostTradeSearch.Settings.DEFAULT.maxNumbersPerRun());
            return this;
        }

        /** @param resolver decides capability and supplies the method registry; required */
        public Builder resolver(CapabilityResolver resolver) {
            this.resolver = resolver;
            return this;
        }

        /** @param context this terminal and merchant, asked afresh per payment (health changes); required */
        public Builder context(Supplier<CheckoutContext> context) {
            this.context = context;
            return this;
        }

        /** @param store where trades are journaled; required */
        public Builder store(TransactionStore store) {
            this.store = store;
            return this;
        }

        /** @param channelId a merchant channel; @param gateway the gateway serving it */
        public Builder gateway(String channelId, PaymentGateway gateway) {
            gateways.put(Objects.requireNonNull(channelId, "channelId"), Objects.requireNonNull(gateway, "gateway"));
            return this;
        }

        /** @param clock the engine's clock; default the UTC system clock */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @param scheduler runs every step; required */
        public Builder scheduler(TaskScheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** @param listener told of every change; default none */
        public Builder listener(TradeListener listener) {
            this.listener = listener;
            return this;
        }

        /** @param classifier tells wallets by payment code; default the standard rules */
        public Builder classifier(PaymentCodeClassifier classifier) {
            this.classifier = classifier;
            return this;
        }

        /**
         * @param schedule the merchant's fee schedule: routes to the cheapest capable channel and
         *     prices paid trades (replaces {@link #pricing})
         */
        public Builder feeSchedule(FeeSchedule schedule) {
            this.feeSchedule = Optional.of(schedule);
            this.pricing = new FeeSchedulePricing(schedule);
            return this;
        }

        /** @param pricing prices paid trades; default none */
        public Builder pricing(PaymentPricing pricing) {
            this.pricing = pricing;
            return this;
        }

        /** @param businessZone the offset of the business day for listings; default UTC+8 */
        public Builder businessZone(ZoneOffset businessZone) {
            this.businessZone = businessZone;
            return this;
        }

        /** @param terminalId this terminal's id: 1-12 ASCII letters or digits, unique per merchant; required */
        public Builder terminalId(String terminalId) {
            this.terminalId = terminalId;
            return this;
        }

        /** @return the engine */
        public PaymentEngine build() {
            require("resolver", resolver);
            require("context", context);
            require("store", store);
            require("clock", clock);
            require("scheduler", scheduler);
            require("listener", listener);
            require("classifier", classifier);
            require("pricing", pricing);
            require("businessZone", businessZone);
            if (gateways.isEmpty()) {
                throw new ConfigurationException("gateways", "configure at least one channel's gateway");
            }
            return new PaymentEngine(this);
        }

        private static void require(String name, Object value) {
            if (value == null) {
                throw new ConfigurationException(name, "is required");
            }
        }
    }
}
