package dev.tenderkit.core.health;

/**
 * How a health item stands. Declared from best to worst, so {@link #worst(HealthStatus)} and
 * {@code compareTo} order them by severity.
 */
public enum HealthStatus {
    /** Fine. */
    OK,
    /** Works, but needs attention soon; payments are not refused for it. */
    WARN,
    /** Broken: payment methods that depend on the item are refused until it is fixed. */
    FAIL;

    /** @return the worse of this status and {@code other} */
    public HealthStatus worst(HealthStatus other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
