package dev.tenderkit.core.time;

import java.time.Duration;

/**
 * Runs a task once after a delay: all TenderKit needs of time passing — the payment engine's
 * polls and reversal retries, the health monitor's periodic runs and timeouts.
 * {@link ExecutorTaskScheduler} runs on real time; {@link ManualTaskScheduler} runs on virtual time
 * a test advances, so tests never sleep.
 *
 * <p>Implementations are thread-safe. Tasks must not throw; TenderKit's own tasks catch everything.
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
