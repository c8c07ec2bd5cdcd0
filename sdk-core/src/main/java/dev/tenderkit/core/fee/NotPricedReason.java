package dev.tenderkit.core.fee;

/** Why a fee schedule cannot price a payment on a channel. Stable codes: never renamed or reused. */
public enum NotPricedReason {
    /** The schedule has no entry for the channel at all. */
    NO_SCHEDULE_FOR_CHANNEL,
    /** The channel's schedule has no version in effect on the payment's business day. */
    NO_VERSION_IN_EFFECT,
    /** The version in effect does not price the payment method. */
    METHOD_NOT_PRICED,
    /** The version in effect prices the method, but not at the requested settlement speed. */
    SETTLEMENT_NOT_PRICED
}
