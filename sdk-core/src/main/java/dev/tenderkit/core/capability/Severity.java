package dev.tenderkit.core.capability;

/** How much a finding matters. Declared from most to least severe; findings sort in this order. */
public enum Severity {
    /** The method cannot be used (on the channel named, or at all). */
    BLOCKING,
    /** The method works, but something needs attention soon. */
    WARNING
}
