package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.PaymentCode;
import dev.tenderkit.core.payment.spi.PrecreateRequest;

/**
 * The ways into a trade's sequence of steps: a new barcode payment (prepare, send, poll, reverse,
 * settle), a new QR payment, a trade resumed after a restart, a hint to query now, and the
 * cashier's cancel. Each runs as one step of the trade on the gateway executor. Stateless.
 */
final class TradeFlow {
    private TradeFlow() {
    }

    static void startBarcode(TradeContext t, PaymentCode code, boolean creditAllowed) {
        t.runNow(() -> {
            if (PrepareStep.journalIntent(t)) {
                SendStep.pay(t, code, creditAllowed);
            }
        });
    }

    static void startQr(TradeContext t, PrecreateRequest request) {
        t.runNow(() -> {
            if (PrepareStep.journalIntent(t)) {
                SendStep.precreate(t, request);
            }
        });
    }

    /** Picks up a journaled, unfinished trade after a restart: a cancelled one goes on reversing. */
    static void resume(TradeContext t) {
        t.runNow(() -> {
            t.started = true;
            switch (t.record().state()) {
                case CREATED, AWAITING_BUYER -> {
                    if (t.record().cancelled() || t.cancelRequested) {
                        ReverseStep.cancel(t);
                    } else {
                        PollStep.poll(t);
                    }
                }
                case REVERSING -> ReverseStep.reverse(t);
                default -> throw new IllegalStateException("resuming a final trade " + t.outTradeNo());
            }
        });
    }

    /**
     * Queries the trade now if it is still waiting for the buyer (a wallet notification said it
     * changed), instead of at the next scheduled poll.
     */
    static void checkNow(TradeContext t) {
        t.runNow(() -> {
            if (waiting(t)) {
                PollStep.pollNow(t);
            }
            // otherwise not sent yet (its first step starts the only chain), final, or reversing
            // (the reversal's own chain settles it)
        });
    }

    /**
     * The cashier pressed Cancel: a trade waiting for its buyer is reversed (a QR trade closed) now,
     * journaled as cancelled; one not yet sent is not sent; one already reversing or final is left
     * to finish as it is. The outcome says what happened ({@link TradeRecord#cancelled()}).
     */
    static void cancel(TradeContext t) {
        t.cancelRequested = true;   // seen by a first step that has not run yet: it sends nothing
        t.runNow(() -> {
            if (waiting(t)) {
                t.pollChain++;   // the scheduled poll is retired: the reversal is the only chain now
                ReverseStep.cancel(t);
            }
        });
    }

    private static boolean waiting(TradeContext t) {
        TradeState state = t.record().state();
        return t.started && !t.outcome.isDone() && (state == TradeState.CREATED || state == TradeState.AWAITING_BUYER);
    }
}
