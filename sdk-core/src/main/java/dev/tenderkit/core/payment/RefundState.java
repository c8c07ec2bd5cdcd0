package dev.tenderkit.core.payment;

/** Where a refund stands. REFUNDED and FAILED are final. */
public enum RefundState {
    /** Journaled; the request may or may not have reached the gateway. */
    REQUESTED(false),
    /** Refunded, confirmed by the gateway. */
    REFUNDED(true),
    /** Definitely refused by the gateway. */
    FAILED(true);

    private final boolean isFinal;

    RefundState(boolean isFinal) {
        this.isFinal = isFinal;
    }

    /** @return whether the refund can no longer change */
    public boolean isFinal() {
        return isFinal;
    }
}
