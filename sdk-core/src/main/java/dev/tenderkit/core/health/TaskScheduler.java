package dev.tenderkit.core.health;

import java.time.Duration;

/**
 * Runs a task once after a delay: all the {@link HealthMonitor} needs of time passing, for its
 * periodic runs and its per-check timeouts. {@link ExecutorTaskScheduler} runs on real time;
 * {@link ManualTaskScheduler} runs on virtual time a test advances, so tests never sleep.
 *
 * <p>Implementations are thread-safe. Tasks must not throw; the monitor's tasks catch everything.
 */
public interface TaskScheduler {

    /**
     * @param task what to run
     * @param delay how long from now; zero or more
     * @return a handle to cancel the task if it has not started
     */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not started; does nothing otherwise. */
        void cancel();
    }
}
