package dev.tenderkit.core.health.checks;

/** How a peripheral stands, as its driver reports it. */
public enum PeripheralCondition {
    /** Connected and working. */
    READY,
    /** Working, but needs attention soon: paper low, a dirty scan window. */
    DEGRADED,
    /** Connected but not working: paper out, a jam, a cover open, a hardware error. */
    FAULT,
    /** The driver cannot reach it: unplugged, powered off, port gone. */
    DISCONNECTED
}
