package dev.tenderkit.core.payment;

/**
 * The first step of a new trade: journal the intent durably before any byte reaches a gateway
 * (invariant 1). A trade the cashier cancelled before this step ran is journaled as reversed
 * without sending anything. Stateless.
 */
final class PrepareStep {
    private PrepareStep() {
    }

    /** @return whether the trade may be sent: the intent is durable and the cashier has not cancelled it */
    static boolean journalIntent(TradeContext t) {
        t.started = true;
        if (!t.save(t.record())) {
            return false;
        }
        if (t.cancelRequested) {
            SettleStep.reversed(t, t.record().next(t.now(), c -> c.state(TradeState.REVERSED).cancelled()
                    .problem("cancelled by the cashier before anything was sent")));
            return false;
        }
        return true;
    }
}
