package dev.tenderkit.core.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Runs a task once after a delay, and tells the time it runs on: all TenderKit needs of time
 * passing — the payment engine's polls and reversal retries, the health monitor's periodic runs
 * and timeouts, the serial transport's ACK, line and reconnection timers.
 * {@link ExecutorTaskScheduler} runs on real time; {@link ManualTaskScheduler} runs on virtual time
 * a test advances, so tests never sleep. Periodic work reschedules itself from the task.
 *
 * <p>The scheduler and its {@link #clock()} always agree: a task scheduled with delay {@code d}
 * runs no earlier than {@code clock()} reading {@code d} later. So a component that both waits and
 * measures time takes one scheduler, never a scheduler and a clock that "must agree".
 *
 * <p>Implementations are thread-safe. Tasks must not throw; TenderKit's own tasks catch everything.
 */
public interface TaskScheduler {

    /** @return the clock this scheduler's delays are measured on */
    Clock clock();

    /**
     * @param task what to run
     * @param delay how long from now; zero or more
     * @return a handle to cancel the task if it has not started
     */
    Cancellable schedule(Runnable task, Duration delay);

    /**
     * Where work that blocks (gateway calls, journal writes) runs, so that it never holds up the
     * timers. By default a task given to it is scheduled at once on this scheduler — right for a
     * virtual-time scheduler in tests, whose tasks run when the test says so; a real-time scheduler
     * gives its own pool of threads ({@link ExecutorTaskScheduler}).
     *
     * @return the executor for blocking work
     */
    default Executor blockingExecutor() {
        return task -> schedule(task, Duration.ZERO);
    }

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not started; does nothing otherwise. */
        void cancel();
    }
}
