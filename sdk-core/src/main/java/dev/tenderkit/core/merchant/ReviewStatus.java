package dev.tenderkit.core.merchant;

/** Where a merchant's qualification review for one product on one channel stands. */
public enum ReviewStatus {
    /** Submitted, under review. */
    PENDING,
    /** Approved; valid until its expiry date, if any. */
    APPROVED,
    /** Rejected, with a reason. */
    REJECTED,
    /** Was approved, and the channel has reported it expired. */
    EXPIRED
}
