package dev.tenderkit.core.payment;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.payment.spi.CloseResult;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.ReverseResult;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverses a trade not confirmed paid by its deadline (or cancelled by the cashier), and retries
 * the reversal with backoff until the wallet confirms it — flagging it for a person after the
 * gateway's configured attempts, never dropping it (invariant 3). A QR trade is closed instead,
 * which never refunds. Stateless.
 */
final class ReverseStep {
    private static final Logger LOG = LoggerFactory.getLogger(ReverseStep.class);

    private ReverseStep() {
    }

    static void start(TradeContext t) {
        if (t.save(t.record().advance(TradeState.REVERSING, t.now()))) {
            reverse(t);
        }
    }

    /** Starts the reversal of a trade the cashier cancelled: journaled as cancelled, then reversed. */
    static void cancel(TradeContext t) {
        if (t.save(t.record().next(t.now(), c -> c.state(TradeState.REVERSING).cancelled()
                .problem("cancelled by the cashier")))) {
            reverse(t);
        }
    }

    static void reverse(TradeContext t) {
        TradeRecord record = t.record();
        // A QR trade is closed (closing never refunds: a payment just before the deadline is found
        // and kept); a number the wallet may never have seen is cancelled instead, which closes it.
        if (record.kind() == TradeKind.QR && t.unconfirmedDecline.isEmpty() && !t.cancelInsteadOfClose) {
            CloseResult result = t.call(() -> t.gateway.close(record.ref()), CloseResult.Unknown::new);
            if (result instanceof CloseResult.Closed) {
                SettleStep.reversed(t, false);
            } else if (result instanceof CloseResult.Declined d) {
                afterRefusal(t, d.error());
            } else if (result instanceof CloseResult.Unknown u) {
                retry(t, u.reason());
            } else {
                throw new IllegalStateException("unexpected gateway result " + result);
            }
            return;
        }
        ReverseResult result = t.call(() -> t.gateway.reverse(record.ref()), ReverseResult.Unknown::new);
        if (result instanceof ReverseResult.Reversed r) {
            SettleStep.reversed(t, r.refundedPayment());
        } else if (result instanceof ReverseResult.RetryLater r) {
            retry(t, "the wallet asked to retry the reversal: " + r.raw());
        } else if (result instanceof ReverseResult.Declined d) {
            afterRefusal(t, d.error());
        } else if (result instanceof ReverseResult.Unknown u) {
            retry(t, u.reason());
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    /** A refused reversal: find out what the trade really is before deciding. */
    private static void afterRefusal(TradeContext t, GatewayError error) {
        QueryResult result = t.call(() -> t.gateway.query(t.record().ref()), QueryResult.Unknown::new);
        if (result instanceof QueryResult.Paid p) {
            SettleStep.paidWithAttention(t, p.payment(), "paid after the deadline and the reversal was refused ("
                    + error.raw() + "): refund it if the goods were not handed over");
        } else if (result instanceof QueryResult.Closed) {
            SettleStep.reversed(t, false);
        } else if (t.record().kind() == TradeKind.QR && !t.cancelInsteadOfClose
                && result instanceof QueryResult.NotFound) {
            // a close is refused for a number the wallet does not know; a cancel closes it
            t.cancelInsteadOfClose = true;
            reverse(t);
        } else if (result instanceof QueryResult.NotFound n && neverCreated(t)) {
            // nothing to reverse, and nothing will appear: the refusal stands, or the request never arrived
            SettleStep.failed(t, t.unconfirmedDecline.orElse(new GatewayError(Cause.TERMINAL_UNHEALTHY, n.raw())));
        } else {
            // Not found after a refused reversal proves nothing by itself: a delayed pay request could
            // still arrive, and only a confirmed reversal closes the number. Keep trying, flag if it lasts.
            retry(t, "the reversal was refused (" + error.raw() + ") and the trade's status is unclear");
        }
    }

    /**
     * Whether a verified "no such trade", after the wallet refused to reverse the number, proves that
     * no pay request of this trade created or will create it — so there is nothing to reverse and no
     * reversal can ever be confirmed (WeChat Pay answers 404 {@code ORDER_NOT_EXIST} to reversing an
     * order it never created, and keeps no record of the number, unlike Alipay's cancel). Invariant 2
     * forbids inferring an outcome from an unverified or missing answer, and invariant 3 wants every
     * unpaid trade closed at the wallet; so not found counts as final in two cases only:
     * <ol>
     *   <li>the pay had a verified, definite refusal ({@link TradeContext#unconfirmedDecline}): the
     *       wallet processed that request and refused it, and a refused request creates nothing
     *       later; two verified answers since (the refused reversal, and this query after it) show
     *       that no order exists, so the refusal was no replay hiding a charge. What
     *       is left open is a replayed refusal while the real request is held back in the network and
     *       released later, which needs a broken TLS connection as well as a replay; covering it
     *       would hold every mistyped payment code open at the counter for the wallet's whole request
     *       window (ten minutes at WeChat Pay);</li>
     *   <li>the gateway declares a {@link dev.tenderkit.core.payment.spi.GatewayTiming#requestValidity()}
     *       and the trade's deadline plus it has passed: no pay is sent after the deadline
     *       ({@link SendStep}), and the wallet refuses a request whose signed timestamp is older than
     *       its window, so a request lost in the network (or sent by a terminal that was killed while
     *       waiting for the answer) can no longer take effect.</li>
     * </ol>
     * Otherwise — an unknown pay answer within the window — the reversal is retried and flagged when
     * it lasts, as for any unconfirmed reversal.
     */
    private static boolean neverCreated(TradeContext t) {
        if (t.unconfirmedDecline.isPresent()) {
            return true;
        }
        Optional<Duration> validity = t.timing.requestValidity();
        return validity.isPresent() && !t.now().isBefore(t.record().deadline().plus(validity.get()));
    }

    private static void retry(TradeContext t, String problem) {
        TradeRecord record = t.record();
        int attempts = record.reversalAttempts() + 1;
        boolean flagNow = !record.needsAttention() && attempts >= t.timing.reversalAttemptsBeforeAttention();
        Optional<String> flag = flagNow ? Optional.of("the reversal is not confirmed after " + attempts
                + " attempts (last: " + problem + "); the engine keeps retrying, but check the trade with the wallet")
                : Optional.empty();
        if (!t.save(record.reversalAttempted(flag, problem, t.now()))) {
            return;
        }
        if (flagNow) {
            LOG.warn("trade {} needs attention: {}", t.outTradeNo(), flag.get());
            t.services.attentionNeeded(t.record());
            t.unresolved();
        }
        t.runLater(() -> reverse(t), t.timing.reversalDelay(attempts - 1));
    }
}
