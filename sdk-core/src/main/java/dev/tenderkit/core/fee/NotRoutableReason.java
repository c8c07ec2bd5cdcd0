package dev.tenderkit.core.fee;

/** Why the router chose no channel. Stable codes: never renamed or reused. */
public enum NotRoutableReason {
    /** Every one of the merchant's channels is excluded (or it has none). */
    NO_CHANNEL_CAN_TAKE_IT,
    /** The caller pinned a channel, and that channel is excluded. */
    PINNED_CHANNEL_EXCLUDED,
    /** The caller pinned a channel the merchant has not signed with. */
    PINNED_CHANNEL_NOT_SIGNED
}
