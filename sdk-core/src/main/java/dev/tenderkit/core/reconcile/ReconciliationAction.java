package dev.tenderkit.core.reconcile;

/** What to do about a {@link Discrepancy}: the first step, for the person or the program that settles it. */
public enum ReconciliationAction {
    /**
     * Ask the wallet about the trade or refund (the engine's {@code checkNow} / {@code recover()}, or the wallet's
     * query) and adopt its answer into the store; then reconcile again.
     */
    QUERY_AND_ADOPT,
    /** The wallet holds the buyer's money for a sale the till does not have: refund it (after checking the till). */
    REFUND_BUYER,
    /** Nothing TenderKit can settle alone: a person takes it to the wallet or the channel with the evidence given. */
    ESCALATE,
    /** Near midnight the wallet may date the trade into the next day: reconcile it against the next day's bill. */
    WAIT_FOR_NEXT_BILL,
    /** The wallet charged a fee other than the contract's: claim the difference, with the fee audit as evidence. */
    DISPUTE_FEE
}
