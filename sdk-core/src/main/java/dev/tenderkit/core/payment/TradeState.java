package dev.tenderkit.core.payment;

/** Where a trade stands. PAID, FAILED and REVERSED are final. */
public enum TradeState {
    /** The intent is journaled; the request may or may not have reached the gateway. */
    CREATED(false),
    /** The gateway has the trade and waits for the buyer (or its answer was unknown): polling. */
    AWAITING_BUYER(false),
    /** Not paid by the deadline (or outcome unknown): the reversal is in progress. */
    REVERSING(false),
    /** Paid, confirmed by the gateway. */
    PAID(true),
    /** Definitely refused by the gateway; nothing was charged. */
    FAILED(true),
    /** Reversed (cancelled or closed), confirmed by the gateway; any money charged was returned. */
    REVERSED(true);

    private final boolean isFinal;

    TradeState(boolean isFinal) {
        this.isFinal = isFinal;
    }

    /** @return whether the trade can no longer change (except for refunds of a paid trade) */
    public boolean isFinal() {
        return isFinal;
    }
}
