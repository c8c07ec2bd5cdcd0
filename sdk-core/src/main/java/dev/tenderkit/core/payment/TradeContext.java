package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trade in flight: the only state its steps ({@link PrepareStep}, {@link SendStep},
 * {@link PollStep}, {@link ReverseStep}, {@link SettleStep}) share, in the shape of jPOS's
 * TransactionManager context. The steps are stateless; what they learn is kept here, and what they
 * decide is journaled through {@link #save} before they act on it. Steps of one trade never
 * overlap ({@link #step} holds this context's lock), and a step that throws ends the trade loudly.
 */
final class TradeContext {
    private static final Logger LOG = LoggerFactory.getLogger(TradeContext.class);

    final TradeServices services;
    final PaymentGateway gateway;
    final GatewayTiming timing;
    /** The method asked for (what the buyer used decides the price); empty for one the registry no longer knows. */
    final Optional<PaymentMethod> method;
    final CompletableFuture<TradeOutcome> outcome = new CompletableFuture<>();
    /** The code a QR trade shows; completed when the wallet created it (or failed when it did not). */
    final CompletableFuture<String> qrCode = new CompletableFuture<>();
    private final TradeRecord first;
    private TradeRecord record;

    /** Queries made so far, for the gateway's backoff. */
    int queries;
    /**
     * A verified refusal of the pay request that no bound answer has confirmed yet: the trade
     * ends FAILED with it once the number is confirmed closed, unless it turns out paid.
     */
    Optional<GatewayError> unconfirmedDecline = Optional.empty();
    /** A QR trade whose close was refused as unknown to the wallet: its number is closed by a cancel. */
    boolean cancelInsteadOfClose;
    /** Which scheduled poll is current: a new chain retires the old one. */
    long pollChain;
    /** Whether the first step (send, or resume after a restart) has run: before it there is nothing to query. */
    boolean started;
    /**
     * The cashier pressed Cancel (set at once, outside the steps): a trade whose first step has not
     * run yet is never sent; one waiting for its buyer is reversed by the cancel's own step.
     */
    volatile boolean cancelRequested;

    TradeContext(TradeServices services, PaymentGateway gateway, Optional<PaymentMethod> method, TradeRecord record) {
        this.services = services;
        this.gateway = gateway;
        this.timing = gateway.timing();
        this.method = method;
        this.first = record;
        this.record = record;
        record.qrCode().ifPresent(qrCode::complete);
    }

    /** @return the record the trade started from here: what was asked (never changes) */
    TradeRecord first() {
        return first;
    }

    /** @return the latest journaled record (or the unjournaled intent before the first step) */
    TradeRecord record() {
        return record;
    }

    String outTradeNo() {
        return first.outTradeNo();
    }

    String orderId() {
        return first.orderId();
    }

    Instant now() {
        return services.now();
    }

    /** Runs {@code body} as a step of this trade on the gateway executor, now. */
    void runNow(Runnable body) {
        services.run(() -> step(body));
    }

    /** Runs {@code body} as a step of this trade once {@code delay} has passed. */
    void runLater(Runnable body, Duration delay) {
        services.schedule(() -> step(body), delay);
    }

    /** Journals the next record; on failure the trade stops here and its caller is told why. */
    boolean save(TradeRecord next) {
        try {
            services.save(next);
            record = next;
            return true;
        } catch (RuntimeException e) {
            LOG.error("trade {}: journaling {} failed; stopping this trade until recovery (state known to the "
                    + "gateway may be ahead of the journal: recover() queries it)", next.outTradeNo(), next.state(), e);
            end(e);
            return false;
        }
    }

    /** Ends the trade with its outcome; a caller already told "unresolved" hears nothing more. */
    void finish(TradeOutcome result) {
        services.finished(this);
        if (first.kind() == TradeKind.QR && !qrCode.isDone()) {
            // Only a QR trade's caller holds this future; a barcode trade skips building the exception.
            qrCode.completeExceptionally(new IllegalStateException("the trade ended before a QR code was created"));
        }
        if (!outcome.complete(result)) {
            LOG.info("trade {} settled as {} after its caller was told it was unresolved", outTradeNo(),
                    record.state());
        }
    }

    /** Tells the caller the trade is flagged for a person while the steps go on. */
    void unresolved() {
        outcome.complete(new TradeOutcome.Unresolved(record));
    }

    /**
     * Calls the gateway; a thrown exception or a missing result is an unknown outcome, never a
     * failure.
     */
    <T> T call(Supplier<T> gatewayCall, Function<String, T> unknown) {
        try {
            T result = gatewayCall.get();
            if (result == null) {
                return unknown.apply("gateway " + gateway.id() + " returned no result");
            }
            return result;
        } catch (RuntimeException e) {
            LOG.warn("trade {}: gateway {} threw; treating the outcome as unknown", outTradeNo(), gateway.id(), e);
            return unknown.apply("gateway " + gateway.id() + " threw " + e);
        }
    }

    /**
     * Whether a payment's amount is this trade's: a paid answer of another amount answers another
     * trade. A trade adopted by recovery's search has no known amount (zero, which no payment
     * request can have); the wallet's own bound answer says what it was.
     */
    boolean answersThisAmount(Payment payment) {
        return record.amount().isZero() || payment.amount().equals(record.amount());
    }

    /** Runs one step under this trade's lock, so that an unexpected exception ends the trade loudly. */
    private synchronized void step(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            LOG.error("trade {}: unexpected failure in state {}; recover() will settle it", outTradeNo(),
                    record.state(), e);
            end(e);
        }
    }

    private void end(RuntimeException e) {
        services.finished(this);
        qrCode.completeExceptionally(e);
        outcome.completeExceptionally(e);
    }
}
