package dev.tenderkit.core.operator;

/** What a {@link TrailEntry} records. */
public enum EntryType {
    /** An action about to be sent to the engine, durable before it is: who, what, approved by whom. */
    INTENT,
    /** What the engine answered for an intent (or that it failed): the entry after the money action. */
    OUTCOME,
    /** A supervisor, or the desk's rules, declined the approval: nothing was sent. */
    DECLINED,
    /** The authoriser failed (threw, or its answer never made sense): nothing was sent. */
    APPROVAL_FAILED,
    /** A free note by an operator (shift opened, drawer counted); no money moved. */
    NOTE
}
