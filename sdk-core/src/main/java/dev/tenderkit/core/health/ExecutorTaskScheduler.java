package dev.tenderkit.core.health;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TaskScheduler} on real time, backed by a {@link ScheduledExecutorService}: either one
 * it owns (a single daemon thread, shut down by {@link #close()}) or one the caller owns.
 * Thread-safe.
 */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
    private final ScheduledExecutorService executor;
    private final boolean owned;

    private ExecutorTaskScheduler(ScheduledExecutorService executor, boolean owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** @return a scheduler on its own daemon thread named {@code tenderkit-health-scheduler} */
    public static ExecutorTaskScheduler create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tenderkit-health-scheduler");
            t.setDaemon(true);
            return t;
        });
        // Each check's timeout is scheduled and nearly always cancelled: drop cancelled ones at once.
        executor.setRemoveOnCancelPolicy(true);
        return new ExecutorTaskScheduler(executor, true);
    }

    /**
     * @param executor an executor the caller keeps owning; {@link #close()} leaves it running
     * @return a scheduler that schedules on it
     */
    public static ExecutorTaskScheduler on(ScheduledExecutorService executor) {
        return new ExecutorTaskScheduler(Objects.requireNonNull(executor, "executor"), false);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Shuts the executor down if this scheduler created it; pending tasks are dropped. */
    @Override
    public void close() {
        if (owned) {
            executor.shutdownNow();
        }
    }
}
