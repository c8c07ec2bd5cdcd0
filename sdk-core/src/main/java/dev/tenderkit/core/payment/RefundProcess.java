package dev.tenderkit.core.payment;

import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.RefundQueryResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.RefundResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One refund's way: journal the request, send it, and on an unknown answer query it (resending
 * with the same refund number when the gateway has never heard of it) until confirmed.
 */
final class RefundProcess {
    private static final Logger LOG = LoggerFactory.getLogger(RefundProcess.class);

    private final TradeServices services;
    private final PaymentGateway gateway;
    private final TradeRecord trade;
    private final CompletableFuture<RefundOutcome> outcome = new CompletableFuture<>();
    private RefundRecord record;
    private int retries;
    /** The wallet accepted the request and the query has not yet confirmed it. */
    private boolean accepted;
    /**
     * A query found no such refund and the refund was sent again after it. A replay of that "not
     * found" reads the same as a fresh one (an Alipay answer carries nothing of the request or the
     * time), so from then on "not found" can no longer confirm a refusal of the resent request.
     */
    private boolean resentAfterNotFound;

    RefundProcess(TradeServices services, PaymentGateway gateway, TradeRecord trade, RefundRecord record) {
        this.services = services;
        this.gateway = gateway;
        this.trade = trade;
        this.record = record;
    }

    CompletableFuture<RefundOutcome> outcome() {
        return outcome;
    }

    RefundRecord record() {
        return record;
    }

    /** Sends the refund, whose request record is saved. */
    void send() {
        step(this::sendSaved);
    }

    void resume() {
        step(this::query);
    }

    private void sendSaved() {
        RefundRequest request = new RefundRequest(trade.ref(), record.refundRequestNo(), record.amount(),
                trade.amount(), record.reason());
        RefundResult result = call(() -> gateway.refund(request), RefundResult.Unknown::new);
        if (result instanceof RefundResult.Refunded r && !r.amount().equals(record.amount())) {
            retryLater("the wallet answered a refund of " + r.amount() + " for a request of " + record.amount()
                    + ": not an answer to this refund");
        } else if (result instanceof RefundResult.Refunded) {
            refunded();
        } else if (result instanceof RefundResult.Accepted a) {
            accepted = true;
            query();   // the answer is not bound to this refund request: its query is
        } else if (result instanceof RefundResult.Declined d) {
            confirmDecline(d.error());
        } else if (result instanceof RefundResult.Unknown u) {
            retryLater(u.reason());
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    /**
     * A refusal names no refund, so a replayed refusal of another refund reads the same; and a
     * refund wrongly taken for failed is money the buyer has that the till says she has not. The
     * refund query (bound to this request and its amount) decides: made is made; not found confirms
     * the refusal, unless the refund was resent after an earlier "not found" (which a man in the
     * middle could replay here); no answer asks again later.
     */
    private void confirmDecline(GatewayError error) {
        RefundQueryResult result = call(() -> gateway.queryRefund(trade.ref(), record.refundRequestNo()),
                RefundQueryResult.Unknown::new);
        if (result instanceof RefundQueryResult.Refunded r && r.amount().equals(record.amount())) {
            refunded();
        } else if (result instanceof RefundQueryResult.Failed f) {
            failedAfterAcceptance(f.error());
        } else if (result instanceof RefundQueryResult.NotFound && resentAfterNotFound) {
            retryLater("the wallet refused the resent refund (" + error.raw() + ") and its query finds none, but the "
                    + "query before the resend found none either and a replay of that answer would read the same: "
                    + "the refusal is not confirmed");
        } else if (result instanceof RefundQueryResult.NotFound) {
            if (save(record.advance(RefundState.FAILED, Optional.of(error), Optional.empty(), services.now()))) {
                finish(new RefundOutcome.Failed(record, error));
            }
        } else {
            retryLater("the wallet refused the refund (" + error.raw() + ") but its query did not confirm it: "
                    + result);
        }
    }

    private void query() {
        RefundQueryResult result = call(() -> gateway.queryRefund(trade.ref(), record.refundRequestNo()),
                RefundQueryResult.Unknown::new);
        if (result instanceof RefundQueryResult.Refunded r && !r.amount().equals(record.amount())) {
            retryLater("the wallet reports a refund of " + r.amount() + " for a request of " + record.amount()
                    + ": not an answer to this refund");
        } else if (result instanceof RefundQueryResult.Refunded) {
            refunded();
        } else if (result instanceof RefundQueryResult.Processing pr) {
            accepted = false;
            retryLater("the wallet is still paying the refund out: " + pr.raw());
        } else if (result instanceof RefundQueryResult.Failed f) {
            failedAfterAcceptance(f.error());
        } else if (result instanceof RefundQueryResult.NotFound && accepted) {
            // accepted a moment ago but not found: the wallet may be slow to show it (or the answer
            // was not the wallet's); ask again later instead of resending at once
            accepted = false;
            retryLater("the wallet accepted the refund but does not show it yet");
        } else if (result instanceof RefundQueryResult.NotFound) {
            resentAfterNotFound = true;
            sendSaved();   // never arrived: the same refund number makes resending safe
        } else if (result instanceof RefundQueryResult.Unknown u) {
            retryLater(u.reason());
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    /** The wallet took the refund and then could not make it: final, and a person tells the buyer. */
    private void failedAfterAcceptance(GatewayError error) {
        String why = "the wallet accepted refund " + record.refundRequestNo() + " and then failed it (" + error.raw()
                + "): the buyer has not received " + record.amount() + "; settle it with the buyer";
        if (save(record.failedWithAttention(error, why, services.now()))) {
            LOG.warn("refund {} of trade {} needs attention: {}", record.refundRequestNo(), record.outTradeNo(), why);
            finish(new RefundOutcome.Failed(record, error));
        }
    }

    /**
     * Asks again later, with the gateway's backoff; after the configured attempts the refund is
     * flagged for a person and its caller told it is unresolved, and the engine keeps asking, as it
     * does for a reversal.
     */
    private void retryLater(String problem) {
        int attempts = record.attempts() + 1;
        boolean flagNow = !record.needsAttention() && attempts >= gateway.timing().reversalAttemptsBeforeAttention();
        Optional<String> flag = flagNow ? Optional.of("refund " + record.refundRequestNo() + " is not confirmed after "
                + attempts + " attempts (last: " + problem + "); the engine keeps asking, but check it with the wallet")
                : Optional.empty();
        if (!save(record.retried(flag, problem, services.now()))) {
            return;
        }
        if (flagNow) {
            LOG.warn("refund {} of trade {} needs attention: {}", record.refundRequestNo(), record.outTradeNo(),
                    flag.get());
            outcome.complete(new RefundOutcome.Unresolved(record));
        }
        Duration delay = gateway.timing().reversalDelay(retries++);
        LOG.warn("refund {} of trade {}: outcome unknown ({}); querying again in {}", record.refundRequestNo(),
                record.outTradeNo(), problem, delay);
        services.schedule(() -> step(this::query), delay);
    }

    private void refunded() {
        if (!save(record.advance(RefundState.REFUNDED, Optional.empty(), Optional.empty(), services.now()))) {
            return;
        }
        try {
            RefundedTotal.bringUpToDate(services, trade.outTradeNo());
        } catch (RuntimeException e) {
            LOG.error("refund {} of trade {} is done but the trade's refunded total could not be journaled",
                    record.refundRequestNo(), record.outTradeNo(), e);
            services.finished(this);
            outcome.completeExceptionally(e);
            return;
        }
        finish(new RefundOutcome.Refunded(record));
    }

    private void finish(RefundOutcome result) {
        services.finished(this);
        outcome.complete(result);
    }

    private boolean save(RefundRecord next) {
        try {
            services.save(next);
            record = next;
            return true;
        } catch (RuntimeException e) {
            LOG.error("refund {} of trade {}: journaling failed; recover() will settle it", next.refundRequestNo(),
                    next.outTradeNo(), e);
            services.finished(this);
            outcome.completeExceptionally(e);
            return false;
        }
    }

    private void step(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            LOG.error("refund {} of trade {}: unexpected failure; recover() will settle it", record.refundRequestNo(),
                    record.outTradeNo(), e);
            services.finished(this);
            outcome.completeExceptionally(e);
        }
    }

    private <T> T call(Supplier<T> gatewayCall, Function<String, T> unknown) {
        try {
            T result = gatewayCall.get();
            return result != null ? result : unknown.apply("gateway " + gateway.id() + " returned no result");
        } catch (RuntimeException e) {
            LOG.warn("refund {}: gateway {} threw; treating the outcome as unknown", record.refundRequestNo(),
                    gateway.id(), e);
            return unknown.apply("gateway " + gateway.id() + " threw " + e);
        }
    }
}
