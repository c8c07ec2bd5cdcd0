package dev.tenderkit.core.payment;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Admits refunds: finds the order's paid trade, keeps a refund number to one amount, never lets
 * refunds (those in progress included) exceed what was paid, and joins a refund already in
 * progress. A request that cannot be taken is answered {@link RefundOutcome.Refused}, with nothing
 * journaled; malformed input is thrown by {@link OrderRefund} before it gets here.
 *
 * <p>With engines sharing a store: a refund number another engine saved first is answered as that
 * refund; one over what was paid, counting the other engines' refunds, is refused by the store
 * ({@link ErrorCode#REFUND_EXCEEDS_PAYMENT}) and answered {@link RefundOutcome.Refused}; an unfinished
 * refund is resumed here only once the store hands it to this engine
 * ({@link TransactionStore#claimRefund}), and while another engine holds it its outcome is awaited
 * by reading the store again, with the gateway's backoff, sending nothing. Thread-safe: admission
 * is serialized (a few store lookups and the request's save), the refunds themselves run in parallel.
 */
final class RefundDesk {
    private final TransactionStore store;
    private final TradeServices services;
    private final InFlight inFlight;
    private final Function<TradeRecord, PaymentGateway> gatewayOf;
    private final String owner;

    /** @param owner this engine run, as it claims refunds ({@link TransactionStore#claimRefund}) */
    RefundDesk(TransactionStore store, TradeServices services, InFlight inFlight,
            Function<TradeRecord, PaymentGateway> gatewayOf, String owner) {
        this.store = store;
        this.services = services;
        this.inFlight = inFlight;
        this.gatewayOf = gatewayOf;
        this.owner = owner;
    }

    synchronized CompletableFuture<RefundOutcome> refund(OrderRefund request) {
        List<TradeRecord> attempts = store.tradesForOrder(request.orderId());
        if (attempts.isEmpty()) {
            return refused(request, "there is no order " + request.orderId() + " in the journal");
        }
        Optional<TradeRecord> paid = attempts.stream().filter(t -> t.state() == TradeState.PAID).findFirst();
        if (paid.isPresent()) {
            return refund(paid.get(), request);
        }
        // a refund number already journaled is answered even when its trade is no longer PAID
        for (TradeRecord t : attempts) {
            if (store.findRefund(t.outTradeNo(), request.refundRequestNo()).isPresent()) {
                return refund(t, request);
            }
        }
        TradeRecord latest = attempts.get(attempts.size() - 1);
        return refused(request, "order " + request.orderId() + " has no paid trade (its latest, "
                + latest.outTradeNo() + ", is " + latest.state() + "): only a paid trade can be refunded");
    }

    synchronized CompletableFuture<RefundOutcome> refund(TradeRecord trade, OrderRefund request) {
        Optional<RefundRecord> existing = store.findRefund(trade.outTradeNo(), request.refundRequestNo());
        if (existing.isPresent()) {
            RefundRecord r = existing.get();
            if (!r.amount().equals(request.amount())) {
                return refused(request, "refund " + r.refundRequestNo() + " of order " + trade.orderId()
                        + " was already requested for " + r.amount() + ", not " + request.amount());
            }
            return resume(trade, r);
        }
        if (trade.state() != TradeState.PAID) {
            return refused(request, "trade " + trade.outTradeNo() + " of order " + trade.orderId() + " is "
                    + trade.state() + ", not PAID: only a paid trade can be refunded");
        }
        Money committed = Money.ZERO;
        for (RefundRecord r : store.refunds(trade.outTradeNo())) {
            if (r.state() != RefundState.FAILED) {
                committed = committed.plus(r.amount());
            }
        }
        Money paid = trade.payment().orElseThrow().amount();
        Money refundable = paid.isLessThan(committed) ? Money.ZERO : paid.minus(committed);
        if (request.amount().isGreaterThan(refundable)) {
            return refused(request, "a refund of " + request.amount() + " exceeds what order " + trade.orderId()
                    + " can still refund: " + refundable + " (paid " + paid + ", refunded or in progress "
                    + committed + ")");
        }
        RefundRecord intent = new RefundRecord(trade.outTradeNo(), request.refundRequestNo(), request.amount(),
                request.reason(), RefundState.REQUESTED, services.now(), services.now(), Optional.empty(),
                Optional.empty(), 0);
        try {
            services.save(intent);   // durable before the request is sent
        } catch (TenderKitException e) {
            if (e.code() == ErrorCode.REFUND_EXCEEDS_PAYMENT) {
                return refused(request, e.getMessage());
            }
            if (e.code() == ErrorCode.STORE_CONFLICT
                    && store.findRefund(trade.outTradeNo(), request.refundRequestNo()).isPresent()) {
                return refund(trade, request);   // another engine saved this refund number first: answered as it
            }
            return Checkout.failed(e);
        } catch (RuntimeException e) {
            return Checkout.failed(e);
        }
        RefundProcess process = inFlight.track(new RefundProcess(services, gatewayOf.apply(trade), trade, intent));
        services.run(process::send);
        return process.outcome();
    }

    /**
     * Joins or resumes a journaled refund: final ones are answered from the journal, an unfinished one
     * is resumed once this engine holds it, and awaited while another engine does.
     */
    synchronized CompletableFuture<RefundOutcome> resume(TradeRecord trade, RefundRecord r) {
        return resume(trade, r, 0);
    }

    private synchronized CompletableFuture<RefundOutcome> resume(TradeRecord trade, RefundRecord r, int waited) {
        Optional<RefundProcess> running = inFlight.refund(r);
        if (running.isPresent()) {
            return running.get().outcome();
        }
        if (r.state().isFinal()) {
            return answered(r);
        }
        Optional<RefundRecord> claimed = store.claimRefund(r.outTradeNo(), r.refundRequestNo(), owner,
                TradeRecovery.CLAIM_LEASE);
        if (claimed.isPresent()) {
            RefundProcess process = inFlight.track(new RefundProcess(services, gatewayOf.apply(trade), trade,
                    claimed.get()));
            services.run(process::resume);
            return process.outcome();
        }
        RefundRecord now = store.findRefund(r.outTradeNo(), r.refundRequestNo()).orElse(r);
        if (now.state().isFinal()) {
            return answered(now);
        }
        CompletableFuture<RefundOutcome> outcome = new CompletableFuture<>();
        services.schedule(() -> resume(trade, now, waited + 1).whenComplete((o, e) -> {
            if (e != null) {
                outcome.completeExceptionally(e);
            } else {
                outcome.complete(o);
            }
        }), gatewayOf.apply(trade).timing().reversalDelay(waited));
        return outcome;
    }

    private static CompletableFuture<RefundOutcome> answered(RefundRecord r) {
        return CompletableFuture.completedFuture(r.state() == RefundState.REFUNDED ? new RefundOutcome.Refunded(r)
                : new RefundOutcome.Failed(r, r.failure().orElseThrow()));
    }

    private static CompletableFuture<RefundOutcome> refused(OrderRefund request, String reason) {
        return CompletableFuture.completedFuture(new RefundOutcome.Refused(request.orderId(),
                request.refundRequestNo(), request.amount(), reason));
    }
}
