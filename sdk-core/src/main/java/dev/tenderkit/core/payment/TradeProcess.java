package dev.tenderkit.core.payment;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.PaymentCode;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.CloseResult;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.ReverseResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trade's way through the state machine: pay (or precreate), poll while the buyer confirms,
 * reverse at the deadline, retry the reversal until confirmed. Every step journals before it
 * acts on the result, and every step runs on the engine's scheduler, one at a time per trade.
 */
final class TradeProcess {
    private static final Logger LOG = LoggerFactory.getLogger(TradeProcess.class);

    private final PaymentEngine engine;
    private final PaymentGateway gateway;
    private final GatewayTiming timing;
    private final PaymentMethod method;
    private final CompletableFuture<TradeOutcome> outcome = new CompletableFuture<>();
    private final TradeRecord intent;
    private TradeRecord record;
    private int queries;
    /**
     * A verified refusal of the pay request that no bound answer has confirmed yet: the trade
     * ends FAILED with it once the number is confirmed closed, unless it turns out paid.
     */
    private Optional<GatewayError> unconfirmedDecline = Optional.empty();
    /** A QR trade whose close was refused as unknown to the wallet: its number is closed by a cancel. */
    private boolean cancelInsteadOfClose;
    /** Which scheduled poll is current: {@link #checkNow()} starts a new chain and retires the old one. */
    private long pollChain;
    /** Whether the first step (send, or resume after a restart) has run: before it there is nothing to query. */
    private boolean started;

    TradeProcess(PaymentEngine engine, PaymentGateway gateway, PaymentMethod method, TradeRecord record) {
        this.engine = engine;
        this.gateway = gateway;
        this.timing = gateway.timing();
        this.method = method;
        this.record = record;
        this.intent = record;
    }

    /** @return the record the process started from: what was asked (never changes) */
    TradeRecord intent() {
        return intent;
    }

    CompletableFuture<TradeOutcome> outcome() {
        return outcome;
    }

    String outTradeNo() {
        return record.outTradeNo();
    }

    String orderId() {
        return record.orderId();
    }

    /** Journals the intent, then sends the barcode payment. Runs on the scheduler. */
    void startBarcode(PaymentCode code, boolean creditAllowed) {
        step(() -> {
            started = true;
            if (!save(record)) {
                return;
            }
            PayRequest request = new PayRequest(record.ref(), record.amount(), code, record.subject(), method,
                    record.installments(), creditAllowed);
            LOG.info("paying {}", request);
            PayResult result = call(() -> gateway.pay(request), PayResult.Unknown::new);
            if (result instanceof PayResult.Paid p && !answersThisAmount(p.payment())) {
                if (save(record.advance(TradeState.AWAITING_BUYER, now()).withProblem("the wallet answered "
                        + p.payment().amount() + " paid for a trade of " + record.amount() + ": not an answer to this "
                        + "trade; querying", now()))) {
                    schedulePoll();
                }
            } else if (result instanceof PayResult.Paid p) {
                paid(p.payment());
            } else if (result instanceof PayResult.AwaitingBuyer a) {
                if (save(record.advance(TradeState.AWAITING_BUYER, now()))) {
                    schedulePoll();
                }
            } else if (result instanceof PayResult.Unknown u) {
                if (save(record.advance(TradeState.AWAITING_BUYER, now()).withProblem(u.reason(), now()))) {
                    schedulePoll();
                }
            } else if (result instanceof PayResult.Declined d) {
                confirmDecline(d.error());
            } else if (result instanceof PayResult.NotSent n) {
                failed(new GatewayError(Cause.TERMINAL_UNHEALTHY,
                    new GatewayCode("NOT_SENT", Optional.empty(), n.reason())));
            } else {
                throw new IllegalStateException("unexpected gateway result " + result);
            }
        });
    }

    /** Journals the intent, then creates the QR payment; completes {@code qr} with the code. */
    void startQr(PrecreateRequest request, CompletableFuture<String> qr) {
        step(() -> {
            started = true;
            if (!save(record)) {
                qr.completeExceptionally(new IllegalStateException("the trade could not be journaled"));
                return;
            }
            PrecreateResult result = call(() -> gateway.precreate(request), PrecreateResult.Unknown::new);
            if (result instanceof PrecreateResult.Created c) {
                if (save(record.advance(TradeState.AWAITING_BUYER, now()))) {
                    qr.complete(c.qrCode());
                    schedulePoll();
                }
            } else if (result instanceof PrecreateResult.Declined d) {
                qr.completeExceptionally(new IllegalStateException("the wallet refused the QR payment: "
                        + d.error().raw()));
                confirmDecline(d.error());   // the refusal names no trade: confirm it before it is final
            } else if (result instanceof PrecreateResult.Unknown u) {
                // The trade may exist at the gateway without us having its code: close it.
                qr.completeExceptionally(new IllegalStateException("no verified answer creating the QR payment: "
                        + u.reason() + "; the trade is being closed"));
                if (save(record.withProblem(u.reason(), now()))) {
                    startReversal();
                }
            } else {
                throw new IllegalStateException("unexpected gateway result " + result);
            }
        });
    }

    /** Picks up a journaled trade after a restart. */
    void resume() {
        step(() -> {
            started = true;
            switch (record.state()) {
                case CREATED, AWAITING_BUYER -> poll();
                case REVERSING -> reverse();
                default -> throw new IllegalStateException("resuming a final trade " + record.outTradeNo());
            }
        });
    }

    /**
     * Queries the trade now if it is still waiting for the buyer (a wallet notification said it
     * changed), instead of at the next scheduled poll. The poll already scheduled is retired, so
     * there is still one chain of steps per trade. Runs on the scheduler.
     */
    void checkNow() {
        step(() -> {
            if (!started || outcome.isDone()
                    || (record.state() != TradeState.CREATED && record.state() != TradeState.AWAITING_BUYER)) {
                // not sent yet (its first step will start the only chain), final, or reversing (the
                // reversal's own chain settles it)
                return;
            }
            pollChain++;
            poll();
        });
    }

    private void schedulePoll() {
        Instant now = now();
        Duration left = Duration.between(now, record.deadline());
        Duration delay = timing.queryDelay(queries);
        if (left.isNegative() || left.isZero()) {
            delay = Duration.ZERO;
        } else if (delay.compareTo(left) > 0) {
            delay = left;   // the last query happens at the deadline, and the reversal right after it
        }
        long chain = pollChain;
        engine.schedule(() -> step(() -> {
            if (chain == pollChain) {
                poll();
            }
        }), delay);
    }

    private void poll() {
        queries++;
        QueryResult result = call(() -> gateway.query(record.ref()), QueryResult.Unknown::new);
        boolean pastDeadline = !now().isBefore(record.deadline());
        if (result instanceof QueryResult.Paid p && !answersThisAmount(p.payment())) {
            next(pastDeadline, Optional.of("the wallet reports " + p.payment().amount() + " paid for a trade of "
                    + record.amount() + ": not an answer to this trade; reversing at the deadline unless it corrects"));
        } else if (result instanceof QueryResult.Paid p) {
            paid(p.payment());
        } else if (result instanceof QueryResult.Failed f) {
            failed(f.error());
        } else if (result instanceof QueryResult.Closed c) {
            if (save(record.withProblem("the wallet reports the trade closed unpaid: " + c.raw(), now()))) {
                startReversal();   // confirm it with our own reversal
            }
        } else if (result instanceof QueryResult.AwaitingBuyer a) {
            next(pastDeadline, Optional.empty());
        } else if (result instanceof QueryResult.NotFound n) {
            next(pastDeadline, Optional.empty());
        } else if (result instanceof QueryResult.Unknown u) {
            next(pastDeadline, Optional.of(u.reason()));
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    /**
     * A verified refusal of a pay request that may have reached the wallet is not final until a
     * bound answer confirms it: a refusal names no trade, so one genuinely signed refusal of
     * another trade, replayed, reads the same; and a trade wrongly taken for failed is a charge
     * nobody collects. So: query. Paid is paid; closed or failed confirms the refusal; a trade
     * waiting for its buyer is polled as usual; not found (which names no trade either) or no
     * answer closes the number with a reversal, and the refusal stands once that is confirmed.
     */
    private void confirmDecline(GatewayError error) {
        QueryResult result = call(() -> gateway.query(record.ref()), QueryResult.Unknown::new);
        if (result instanceof QueryResult.Paid p && !answersThisAmount(p.payment())) {
            result = new QueryResult.Unknown("the wallet reports " + p.payment().amount() + " paid for a trade of "
                    + record.amount());
        }
        if (result instanceof QueryResult.Paid p) {
            paid(p.payment());
        } else if (result instanceof QueryResult.Closed || result instanceof QueryResult.Failed) {
            failed(result instanceof QueryResult.Failed f ? f.error() : error);
        } else if (result instanceof QueryResult.AwaitingBuyer) {
            if (save(record.advance(TradeState.AWAITING_BUYER, now()).withProblem("the wallet refused the payment ("
                    + error.raw() + ") but reports the trade waiting for the buyer", now()))) {
                schedulePoll();
            }
        } else if (result instanceof QueryResult.NotFound || result instanceof QueryResult.Unknown) {
            unconfirmedDecline = Optional.of(error);
            String why = result instanceof QueryResult.Unknown u ? u.reason() : "not found";
            if (save(record.withProblem("the wallet refused the payment (" + error.raw() + "); the query did not "
                    + "confirm it (" + why + "): closing the number before the refusal stands", now()))) {
                startReversal();
            }
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    private void next(boolean pastDeadline, Optional<String> problem) {
        if (problem.isPresent() && !save(record.withProblem(problem.get(), now()))) {
            return;
        }
        if (pastDeadline) {
            startReversal();
        } else {
            schedulePoll();
        }
    }

    private void startReversal() {
        if (save(record.advance(TradeState.REVERSING, now()))) {
            reverse();
        }
    }

    private void reverse() {
        // A QR trade is closed (closing never refunds: a payment just before the deadline is found
        // and kept); a number the wallet may never have seen is cancelled instead, which closes it.
        if (record.kind() == TradeKind.QR && unconfirmedDecline.isEmpty() && !cancelInsteadOfClose) {
            CloseResult result = call(() -> gateway.close(record.ref()), CloseResult.Unknown::new);
            if (result instanceof CloseResult.Closed c) {
                reversed(false);
            } else if (result instanceof CloseResult.Declined d) {
                afterRefusedReversal(d.error());
            } else if (result instanceof CloseResult.Unknown u) {
                retryReversal(u.reason());
            } else {
                throw new IllegalStateException("unexpected gateway result " + result);
            }
            return;
        }
        ReverseResult result = call(() -> gateway.reverse(record.ref()), ReverseResult.Unknown::new);
        if (result instanceof ReverseResult.Reversed r) {
            reversed(r.refundedPayment());
        } else if (result instanceof ReverseResult.RetryLater r) {
            retryReversal("the wallet asked to retry the reversal: " + r.raw());
        } else if (result instanceof ReverseResult.Declined d) {
            afterRefusedReversal(d.error());
        } else if (result instanceof ReverseResult.Unknown u) {
            retryReversal(u.reason());
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    /** A refused reversal: find out what the trade really is before deciding. */
    private void afterRefusedReversal(GatewayError error) {
        QueryResult result = call(() -> gateway.query(record.ref()), QueryResult.Unknown::new);
        if (result instanceof QueryResult.Paid p) {
            String why = "paid after the deadline and the reversal was refused (" + error.raw()
                    + "): refund it if the goods were not handed over";
            paidWithAttention(p.payment(), why);
        } else if (result instanceof QueryResult.Closed c) {
            reversed(false);
        } else if (record.kind() == TradeKind.QR && !cancelInsteadOfClose && result instanceof QueryResult.NotFound) {
            // a close is refused for a number the wallet does not know; a cancel closes it
            cancelInsteadOfClose = true;
            reverse();
        } else {
            // Not found after a refused reversal proves nothing: a delayed pay request could still
            // arrive, and only a confirmed reversal closes the number. Keep trying, flag if it lasts.
            retryReversal("the reversal was refused (" + error.raw() + ") and the trade's status is unclear");
        }
    }

    private void retryReversal(String problem) {
        int attempts = record.reversalAttempts() + 1;
        boolean flagNow = !record.needsAttention() && attempts >= timing.reversalAttemptsBeforeAttention();
        Optional<String> flag = flagNow ? Optional.of("the reversal is not confirmed after " + attempts
                + " attempts (last: " + problem + "); the engine keeps retrying, but check the trade with the wallet")
                : Optional.empty();
        if (!save(record.reversalAttempted(flag, problem, now()))) {
            return;
        }
        if (flagNow) {
            LOG.warn("trade {} needs attention: {}", record.outTradeNo(), flag.get());
            engine.attentionNeeded(record);
            outcome.complete(new TradeOutcome.Unresolved(record));
        }
        engine.schedule(() -> step(this::reverse), timing.reversalDelay(attempts - 1));
    }

    /** @param refundedPayment whether the reversal returned a payment (then the trade was charged) */
    private void reversed(boolean refundedPayment) {
        if (unconfirmedDecline.isPresent() && !refundedPayment) {
            failed(unconfirmedDecline.get());   // the number is closed and nothing was charged: the refusal stands
            return;
        }
        if (save(record.advance(TradeState.REVERSED, now()))) {
            finish(new TradeOutcome.Reversed(record));
        }
    }

    private void failed(GatewayError error) {
        if (save(record.failed(error, now()))) {
            LOG.info("trade {} failed: {} ({})", record.outTradeNo(), error.cause(), error.raw());
            finish(new TradeOutcome.Failed(record, error));
        }
    }

    private void paid(Payment payment) {
        Optional<String> mismatch = payment.amount().equals(record.amount()) ? Optional.empty()
                : Optional.of("the wallet reports " + payment.amount() + " paid for a trade of " + record.amount());
        if (mismatch.isPresent()) {
            paidWithAttention(payment, mismatch.get());
            return;
        }
        Optional<Money> fee = engine.price(record, method, payment);
        if (save(record.paid(payment, fee, now()))) {
            finish(paidOutcome(payment, fee));
        }
    }

    private void paidWithAttention(Payment payment, String why) {
        TradeRecord paid = record.paid(payment, engine.price(record, method, payment), now());
        TradeRecord flagged = new TradeRecord(paid.outTradeNo(), paid.orderId(), paid.kind(), paid.channelId(),
                paid.gatewayId(), paid.methodId(), paid.amount(), paid.subject(), paid.installments(),
                paid.maskedPaymentCode(), paid.paymentCodeDigest(), paid.state(), paid.createdAt(), paid.updatedAt(), paid.deadline(),
                paid.payment(), paid.failure(), paid.fee(), Optional.of(why), paid.reversalAttempts(), Optional.of(why),
                paid.refunded(), paid.revision());
        if (save(flagged)) {
            LOG.warn("trade {} needs attention: {}", record.outTradeNo(), why);
            engine.attentionNeeded(record);
            finish(paidOutcome(payment, record.fee()));
        }
    }

    private TradeOutcome.Paid paidOutcome(Payment payment, Optional<Money> fee) {
        Optional<Money> net = fee.filter(f -> !f.isGreaterThan(payment.amount())).map(payment.amount()::minus);
        return new TradeOutcome.Paid(record, payment, fee, net);
    }

    private void finish(TradeOutcome result) {
        engine.finished(this);
        if (!outcome.complete(result)) {
            LOG.info("trade {} settled as {} after its caller was told it was unresolved", record.outTradeNo(),
                    record.state());
        }
    }

    /** Journals the new record; on failure the trade stops here and its caller is told why. */
    private boolean save(TradeRecord next) {
        try {
            engine.save(next);
            record = next;
            return true;
        } catch (RuntimeException e) {
            LOG.error("trade {}: journaling {} failed; stopping this trade until recovery (state known to the "
                    + "gateway may be ahead of the journal: recover() queries it)", next.outTradeNo(), next.state(), e);
            engine.finished(this);
            outcome.completeExceptionally(e);
            return false;
        }
    }

    /**
     * Runs one step, so that an unexpected exception ends the trade loudly instead of silently.
     * Steps of one trade never overlap: they chain through the scheduler, and the lock keeps a
     * {@link #checkNow()} from running beside a scheduled step.
     */
    private synchronized void step(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            LOG.error("trade {}: unexpected failure in state {}; recover() will settle it", record.outTradeNo(),
                    record.state(), e);
            engine.finished(this);
            outcome.completeExceptionally(e);
        }
    }

    private <T> T call(Supplier<T> gatewayCall, java.util.function.Function<String, T> unknown) {
        try {
            T result = gatewayCall.get();
            if (result == null) {
                return unknown.apply("gateway " + gateway.id() + " returned no result");
            }
            return result;
        } catch (RuntimeException e) {
            LOG.warn("trade {}: gateway {} threw; treating the outcome as unknown", record.outTradeNo(), gateway.id(), e);
            return unknown.apply("gateway " + gateway.id() + " threw " + e);
        }
    }

    /**
     * Whether a payment's amount is this trade's: a paid answer of another amount answers another
     * trade. A trade adopted by recovery's search has no known amount (zero, which no payment
     * request can have); the wallet's own bound answer says what it was.
     */
    private boolean answersThisAmount(Payment payment) {
        return record.amount().isZero() || payment.amount().equals(record.amount());
    }

    private Instant now() {
        return engine.now();
    }
}
