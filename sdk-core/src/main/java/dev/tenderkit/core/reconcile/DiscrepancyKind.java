package dev.tenderkit.core.reconcile;

/**
 * What kind of disagreement between the store (ours) and a wallet's bill (theirs) a {@link Discrepancy} is, named by
 * direction rather than by the ambiguous 长款/短款, each with the action that settles it.
 */
public enum DiscrepancyKind {
    /** Paid here, absent from the bill (after the next day's bill was consulted, when held): the till may have given goods for money never received. */
    PAID_HERE_NOT_ON_BILL(ReconciliationAction.QUERY_AND_ADOPT),
    /** A charge on the bill that the store has no trade for: the one-sided entry that loses money silently. */
    CHARGED_ON_BILL_NOT_HERE(ReconciliationAction.REFUND_BUYER),
    /** Paid on both sides, for different amounts. */
    AMOUNT_DIFFERS(ReconciliationAction.ESCALATE),
    /** Reversed, failed or never finished here, but the bill keeps the money: the wallet did not apply the reversal. */
    KEPT_ON_BILL_NOT_PAID_HERE(ReconciliationAction.QUERY_AND_ADOPT),
    /** Paid here, but the bill shows the payment undone (revoked, or refunded without a refund of ours). */
    PAID_HERE_UNDONE_ON_BILL(ReconciliationAction.QUERY_AND_ADOPT),
    /** A trade the store has not brought to a final state by the end of the day. */
    UNFINISHED_HERE(ReconciliationAction.QUERY_AND_ADOPT),
    /** Refunded here, absent from the bill. */
    REFUNDED_HERE_NOT_ON_BILL(ReconciliationAction.QUERY_AND_ADOPT),
    /** A refund on the bill that the store has no refund for (or has as failed or unfinished). */
    REFUNDED_ON_BILL_NOT_HERE(ReconciliationAction.QUERY_AND_ADOPT),
    /** Refunded on both sides, for different amounts. */
    REFUND_AMOUNT_DIFFERS(ReconciliationAction.ESCALATE),
    /** The bill lists the same payment or refund more than once. */
    LISTED_TWICE_ON_BILL(ReconciliationAction.ESCALATE);

    private final ReconciliationAction action;

    DiscrepancyKind(ReconciliationAction action) {
        this.action = action;
    }

    /** @return what settles it */
    public ReconciliationAction action() {
        return action;
    }
}
