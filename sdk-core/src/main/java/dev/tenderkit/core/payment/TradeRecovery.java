package dev.tenderkit.core.payment;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every journaled trade and refund that is not final to the wallet's truth after a
 * restart (invariant 4), searches the wallets for trades the store lost, and resumes single trades
 * on demand. Thread-safe: recovery and adoption are serialized; the trades settle in parallel.
 */
final class TradeRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(TradeRecovery.class);
    /**
     * How long recovery's claim on an unfinished trade holds in a store shared by several engines
     * ({@link TransactionStore#claimUnfinished}); every save of the trade renews it there.
     */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private final TransactionStore store;
    private final TradeServices services;
    private final InFlight inFlight;
    private final Map<String, PaymentGateway> gateways;
    private final PaymentMethodRegistry registry;
    private final RefundDesk refunds;
    private final String terminalId;
    private final String ownPrefix;
    private final LostTradeSearch.Settings search;

    TradeRecovery(TransactionStore store, TradeServices services, InFlight inFlight,
            Map<String, PaymentGateway> gateways, PaymentMethodRegistry registry, RefundDesk refunds,
            String terminalId, String ownPrefix, LostTradeSearch.Settings search) {
        this.store = store;
        this.services = services;
        this.inFlight = inFlight;
        this.gateways = Map.copyOf(gateways);
        this.registry = registry;
        this.refunds = refunds;
        this.terminalId = terminalId;
        this.ownPrefix = ownPrefix;
        this.search = search;
    }

    /** @see PaymentEngine#recover() */
    CompletableFuture<RecoveryReport> recover() {
        StoreIntegrity integrity = store.integrity();
        if (integrity.isDamaged()) {
            LOG.error("recovering on a DAMAGED journal; new payments are refused until it is repaired: {}",
                    integrity.describe());
        }
        List<CompletableFuture<TradeOutcome>> trades = new ArrayList<>();
        List<CompletableFuture<RefundOutcome>> refundOutcomes = new ArrayList<>();
        synchronized (this) {
            reconcileRefundedTotals();
            for (TradeRecord t : store.claimUnfinished(ownPrefix, CLAIM_LEASE)) {
                if (t.state().isFinal() || inFlight.contains(t.outTradeNo())) {
                    continue;   // flagged but final, or already being settled
                }
                trades.add(unlessTakenOver(t, resume(t).outcome));
            }
            for (RefundRecord r : store.claimUnfinishedRefunds(ownPrefix, CLAIM_LEASE)) {
                Optional<TradeRecord> trade = store.find(r.outTradeNo());
                if (trade.isEmpty()) {
                    // Only damage does this, and the store reports it; the refund's trade must be found first.
                    LOG.error("refund {} of trade {} is in the journal but its trade is not: not settled",
                            r.refundRequestNo(), r.outTradeNo());
                    continue;
                }
                refundOutcomes.add(refunds.resume(trade.get(), r));
            }
        }
        LOG.info("recovering {} trade(s) and {} refund(s)", trades.size(), refundOutcomes.size());
        CompletableFuture<LostTradeSearch.Found> lost = new LostTradeSearch(services, this, store, gateways,
                terminalId, ownPrefix, search).start(integrity.isDamaged());
        return lost.thenCompose(found -> {
            List<CompletableFuture<TradeOutcome>> settled = new ArrayList<>(trades);
            settled.addAll(found.outcomes());
            List<CompletableFuture<?>> all = new ArrayList<>(settled);
            all.addAll(refundOutcomes);
            return CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new)).handle((ignored, error) -> {
                if (error != null) {
                    return error;
                }
                try {
                    synchronized (this) {
                        reconcileRefundedTotals();   // a trade settled from an older record lags its refunds
                    }
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }).thenApply(error -> new RecoveryReport(done(settled), done(refundOutcomes),
                    error != null ? Optional.of(error) : found.failure(), integrity, found.results()));
        });
    }

    /**
     * Adopts a trade that recovery's search found at a wallet and the store lacks: journals it,
     * tells the listener it needs attention, and settles it unless it is final (paid).
     *
     * @return its outcome, or empty when the store knows the number after all
     */
    synchronized Optional<CompletableFuture<TradeOutcome>> adoptLost(TradeRecord t) {
        if (store.isKnown(t.outTradeNo()) || inFlight.contains(t.outTradeNo())) {
            return Optional.empty();
        }
        services.save(t);
        services.attentionNeeded(t);
        if (t.state().isFinal()) {
            return Optional.of(CompletableFuture.completedFuture(new TradeOutcome.Paid(t, t.payment().orElseThrow(),
                    Optional.empty(), Optional.empty())));
        }
        return Optional.of(resume(t).outcome);
    }

    /** Resumes a journaled, unfinished trade: its steps pick up where the journal says it stood. */
    TradeContext resume(TradeRecord t) {
        Optional<PaymentMethod> method = registry.find(t.methodId());
        if (method.isEmpty()) {
            // Settling the trade matters more than pricing it: go on, but say it is not priced.
            LOG.warn("trade {} was made with method {}, which this engine's registry does not know; it is settled "
                    + "but not priced", t.outTradeNo(), t.methodId());
        }
        TradeContext trade = inFlight.track(new TradeContext(services, gateway(t), method, t));
        TradeFlow.resume(trade);
        return trade;
    }

    PaymentGateway gateway(TradeRecord t) {
        PaymentGateway g = gateways.get(t.channelId());
        if (g == null) {
            throw new IllegalStateException("trade " + t.outTradeNo() + " went through channel " + t.channelId()
                    + ", which has no gateway configured in this engine: configure it to settle the trade");
        }
        return g;
    }

    /**
     * A crash between journaling a refund as done and journaling the trade's new refunded total
     * leaves the total behind; the refund records are the truth, so the total is recomputed.
     */
    private void reconcileRefundedTotals() {
        for (TradeRecord t : store.refundedTotalsToCheck()) {
            if (t.state() != TradeState.PAID) {
                continue;
            }
            RefundedTotal.bringUpToDate(services, t.outTradeNo()).filter(now -> !now.refunded().equals(t.refunded()))
                    .ifPresent(now -> LOG.warn("trade {}: refunded total {} in the journal, refunds add up to {}; "
                            + "corrected", t.outTradeNo(), t.refunded(), now.refunded()));
        }
    }

    private static <T> List<T> done(List<CompletableFuture<T>> futures) {
        return futures.stream().filter(f -> !f.isCompletedExceptionally()).map(CompletableFuture::join)
                .filter(Objects::nonNull).toList();
    }

    /**
     * A trade whose save the store refused as a conflict was changed first by another engine sharing
     * the store (it resumed the order, or its own recovery got there first): that engine settles it,
     * and nothing of this one's was written. Not a failure of this recovery; the trade is left out of
     * its report (completes with null, which {@link #done} drops).
     */
    private static CompletableFuture<TradeOutcome> unlessTakenOver(TradeRecord t, CompletableFuture<TradeOutcome> outcome) {
        return outcome.handle((settled, error) -> {
            if (error == null) {
                return settled;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TenderKitException k && k.code() == ErrorCode.STORE_CONFLICT) {
                LOG.info("trade {} was changed by another engine while this one recovered it; left to that engine: {}",
                        t.outTradeNo(), k.getMessage());
                return null;
            }
            throw new CompletionException(cause);
        });
    }
}
