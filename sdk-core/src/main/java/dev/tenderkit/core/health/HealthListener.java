package dev.tenderkit.core.health;

/**
 * Hears about a {@link HealthMonitor}'s runs: to refresh a checkout screen's
 * {@code CheckoutContext.withHealth(...)}, raise a maintenance alert, or export metrics. Override
 * only what you need; {@link #NONE} hears nothing.
 *
 * <p>Calls are made one at a time, in completion order, on whichever thread finished the run.
 * A listener should return quickly and must not wait for another run of the same monitor; an
 * exception it throws is logged and does not reach the monitor or other listeners.
 */
public interface HealthListener {
    /** A listener that does nothing. */
    HealthListener NONE = new HealthListener() {
    };

    /**
     * A run finished (scheduled or on demand).
     *
     * @param report its report, already among {@link HealthMonitor#recentReports()}
     */
    default void reportCompleted(HealthReport report) {
    }

    /**
     * The monitor's combined health changed: an issue appeared, went away, or changed its text.
     *
     * @param previous the health before the run
     * @param current the health after it, as {@link HealthMonitor#terminalHealth()} now returns
     */
    default void healthChanged(TerminalHealth previous, TerminalHealth current) {
    }
}
