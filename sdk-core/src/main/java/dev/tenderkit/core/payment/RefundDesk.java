package dev.tenderkit.core.payment;

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
 * journaled; malformed input is thrown by {@link OrderRefund} before it gets here. Thread-safe:
 * admission is serialized (it is a few store lookups), the refunds themselves run in parallel.
 */
final class RefundDesk {
    private final TransactionStore store;
    private final TradeServices services;
    private final InFlight inFlight;
    private final Function<TradeRecord, PaymentGateway> gatewayOf;

    RefundDesk(TransactionStore store, TradeServices services, InFlight inFlight,
            Function<TradeRecord, PaymentGateway> gatewayOf) {
        this.store = store;
        this.services = services;
        this.inFlight = inFlight;
        this.gatewayOf = gatewayOf;
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
        RefundProcess process = inFlight.track(new RefundProcess(services, gatewayOf.apply(trade), trade, intent));
        services.run(process::start);
        return process.outcome();
    }

    /** Joins or resumes a journaled refund: final ones are answered from the journal. */
    synchronized CompletableFuture<RefundOutcome> resume(TradeRecord trade, RefundRecord r) {
        Optional<RefundProcess> running = inFlight.refund(r);
        if (running.isPresent()) {
            return running.get().outcome();
        }
        switch (r.state()) {
            case REFUNDED:
                return CompletableFuture.completedFuture(new RefundOutcome.Refunded(r));
            case FAILED:
                return CompletableFuture.completedFuture(new RefundOutcome.Failed(r, r.failure().orElseThrow()));
            default:
                RefundProcess process = inFlight.track(new RefundProcess(services, gatewayOf.apply(trade), trade, r));
                services.run(process::resume);
                return process.outcome();
        }
    }

    private static CompletableFuture<RefundOutcome> refused(OrderRefund request, String reason) {
        return CompletableFuture.completedFuture(new RefundOutcome.Refused(request.orderId(),
                request.refundRequestNo(), request.amount(), reason));
    }
}
