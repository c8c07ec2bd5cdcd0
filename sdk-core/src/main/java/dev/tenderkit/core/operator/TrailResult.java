package dev.tenderkit.core.operator;

/** How a desk action ended, as an {@link EntryType#OUTCOME} entry records it. */
public enum TrailResult {
    /** The payment was confirmed paid. */
    PAID,
    /** The wallet refused the payment or refund; nothing moved. */
    FAILED,
    /** The attempt was reversed (cancelled or closed); nothing stays charged. */
    REVERSED,
    /** Refused before anything was sent (capability findings, an amount beyond what can be refunded). */
    REFUSED,
    /** Not confirmed after the engine's attempts: flagged for a person, the engine keeps trying. */
    UNRESOLVED,
    /** The refund was confirmed. */
    REFUNDED,
    /** A resolution that moves no money (accepted as it is) was recorded. */
    RECORDED,
    /** The engine threw or its future failed: the detail says what; the engine's store says what happened. */
    ERROR
}
