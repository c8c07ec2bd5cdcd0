package dev.tenderkit.core.payment;

import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Queries a trade while its buyer confirms, with the gateway's backoff, until it is paid, failed,
 * closed or past its deadline (then {@link ReverseStep}); and confirms a refusal, which names no
 * trade, with a query bound to this one before it stands. Stateless.
 */
final class PollStep {
    private PollStep() {
    }

    /** Schedules the next query: at the gateway's backoff, never later than the deadline. */
    static void schedule(TradeContext t) {
        Instant now = t.now();
        Duration left = Duration.between(now, t.record().deadline());
        Duration delay = t.timing.queryDelay(t.queries);
        if (left.isNegative() || left.isZero()) {
            delay = Duration.ZERO;
        } else if (delay.compareTo(left) > 0) {
            delay = left;   // the last query happens at the deadline, and the reversal right after it
        }
        long chain = t.pollChain;
        t.runLater(() -> {
            if (chain == t.pollChain) {
                poll(t);
            }
        }, delay);
    }

    /** Queries now, retiring the poll already scheduled: there stays one chain of steps per trade. */
    static void pollNow(TradeContext t) {
        t.pollChain++;
        poll(t);
    }

    static void poll(TradeContext t) {
        t.queries++;
        TradeRecord record = t.record();
        QueryResult result = t.call(() -> t.gateway.query(record.ref()), QueryResult.Unknown::new);
        boolean pastDeadline = !t.now().isBefore(record.deadline());
        if (result instanceof QueryResult.Paid p && !t.answersThisAmount(p.payment())) {
            next(t, pastDeadline, Optional.of("the wallet reports " + p.payment().amount() + " paid for a trade of "
                    + record.amount() + ": not an answer to this trade; reversing at the deadline unless it corrects"));
        } else if (result instanceof QueryResult.Paid p) {
            SettleStep.paid(t, p.payment());
        } else if (result instanceof QueryResult.Failed f) {
            SettleStep.failed(t, f.error());
        } else if (result instanceof QueryResult.Closed c) {
            if (t.save(record.withProblem("the wallet reports the trade closed unpaid: " + c.raw(), t.now()))) {
                ReverseStep.start(t);   // confirm it with our own reversal
            }
        } else if (result instanceof QueryResult.AwaitingBuyer || result instanceof QueryResult.NotFound) {
            next(t, pastDeadline, Optional.empty());
        } else if (result instanceof QueryResult.Unknown u) {
            next(t, pastDeadline, Optional.of(u.reason()));
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
     * answer closes the number with a reversal, and the refusal stands once that is confirmed — or,
     * at a wallet that refuses to reverse a number it does not know, once a query after that refusal
     * finds no trade again ({@link ReverseStep}). A confirmed refusal keeps its own cause and raw
     * code: the query's failure is the same fact in the wallet's general terms.
     */
    static void confirmDecline(TradeContext t, GatewayError error) {
        TradeRecord record = t.record();
        QueryResult result = t.call(() -> t.gateway.query(record.ref()), QueryResult.Unknown::new);
        if (result instanceof QueryResult.Paid p && !t.answersThisAmount(p.payment())) {
            result = new QueryResult.Unknown("the wallet reports " + p.payment().amount() + " paid for a trade of "
                    + record.amount());
        }
        if (result instanceof QueryResult.Paid p) {
            SettleStep.paid(t, p.payment());
        } else if (result instanceof QueryResult.Closed || result instanceof QueryResult.Failed) {
            // The refusal stands, with its own cause: it answered the pay and says why (WeChat's 403
            // NOT_ENOUGH), where the query only confirms the trade failed, in general terms (PAYERROR).
            SettleStep.failed(t, error);
        } else if (result instanceof QueryResult.AwaitingBuyer) {
            if (t.save(record.next(t.now(), c -> c.state(TradeState.AWAITING_BUYER).problem("the wallet refused the "
                    + "payment (" + error.raw() + ") but reports the trade waiting for the buyer")))) {
                schedule(t);
            }
        } else if (result instanceof QueryResult.NotFound || result instanceof QueryResult.Unknown) {
            t.unconfirmedDecline = Optional.of(error);
            String why = result instanceof QueryResult.Unknown u ? u.reason() : "not found";
            if (t.save(record.withProblem("the wallet refused the payment (" + error.raw() + "); the query did not "
                    + "confirm it (" + why + "): closing the number before the refusal stands", t.now()))) {
                ReverseStep.start(t);
            }
        } else {
            throw new IllegalStateException("unexpected gateway result " + result);
        }
    }

    private static void next(TradeContext t, boolean pastDeadline, Optional<String> problem) {
        if (problem.isPresent() && !t.save(t.record().withProblem(problem.get(), t.now()))) {
            return;
        }
        if (pastDeadline) {
            ReverseStep.start(t);
        } else {
            schedule(t);
        }
    }
}
