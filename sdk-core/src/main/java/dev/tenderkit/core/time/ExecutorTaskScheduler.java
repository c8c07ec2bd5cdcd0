package dev.tenderkit.core.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TaskScheduler} on real time, backed by a {@link ScheduledExecutorService}: either one
 * it owns (a single daemon thread, shut down by {@link #close()}) or one the caller owns. Its
 * {@link #clock()} is the UTC system clock. Thread-safe.
 */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
    /** Threads for blocking work: enough for many lanes' gateway calls at once, idle ones let go. */
    private static final int BLOCKING_THREADS = 32;

    private final ScheduledExecutorService executor;
    private final boolean owned;
    private final ThreadPoolExecutor blocking;

    private ExecutorTaskScheduler(ScheduledExecutorService executor, boolean owned, String threadName) {
        this.executor = executor;
        this.owned = owned;
        AtomicInteger n = new AtomicInteger();
        this.blocking = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, threadName + "-io-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        blocking.allowCoreThreadTimeOut(true);
    }

    /** @return a scheduler on its own daemon thread named {@code tenderkit-scheduler} */
    public static ExecutorTaskScheduler create() {
        return create("tenderkit-scheduler", 1);
    }

    /**
     * @param threadName name of the scheduler's daemon threads
     * @param threads how many threads run due tasks (tasks that block, such as gateway calls, need more than one)
     * @return a scheduler it owns
     */
    public static ExecutorTaskScheduler create(String threadName, int threads) {
        if (threads < 1) {
            throw new dev.tenderkit.core.ConfigurationException("threads", "must be at least 1, got " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Timeouts are scheduled and nearly always cancelled: drop cancelled ones at once.
        executor.setRemoveOnCancelPolicy(true);
        return new ExecutorTaskScheduler(executor, true, threadName);
    }

    /**
     * @param executor an executor the caller keeps owning; {@link #close()} leaves it running
     * @return a scheduler that schedules on it
     */
    public static ExecutorTaskScheduler on(ScheduledExecutorService executor) {
        return new ExecutorTaskScheduler(Objects.requireNonNull(executor, "executor"), false, "tenderkit");
    }

    /** @return the UTC system clock, on which the executor's delays elapse */
    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Shuts the executor down if this scheduler created it; pending tasks are dropped. */
    /** @return this scheduler's own pool for blocking work (daemon threads, let go when idle) */
    @Override
    public Executor blockingExecutor() {
        return blocking;
    }

    /** Stops the blocking pool, and the scheduler's executor when this scheduler created it. */
    @Override
    public void close() {
        blocking.shutdownNow();
        if (owned) {
            executor.shutdownNow();
        }
    }
}
