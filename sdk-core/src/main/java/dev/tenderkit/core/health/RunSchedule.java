package dev.tenderkit.core.health;

import dev.tenderkit.core.time.TaskScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a {@link HealthMonitor} runs on its own: a full run at once, then a run every quick
 * interval, every n-th of them full and the others quick. A scheduled run still going when the
 * next is due (a listener that blocks, say) makes that one skip; a skipped full run is owed and
 * happens at the next tick. The next tick is armed before anything else, so nothing a run does
 * stops the schedule.
 *
 * <p>Thread-safe.
 */
final class RunSchedule {
    // Logged as the monitor, the category operators already watch.
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final TaskScheduler scheduler;
    private final Duration quickInterval;
    private final int quickRunsPerFull;
    private final Function<CheckDepth, CompletableFuture<HealthReport>> scheduledRun;

    private final Object lock = new Object();
    private boolean started;
    private boolean stopped;
    private long ticks;
    private boolean runInFlight;
    private boolean fullRunOwed;
    private TaskScheduler.Cancellable nextTick;

    /**
     * @param quickRunsPerFull how many ticks from one full run to the next, at least 1
     * @param scheduledRun starts a scheduled run of a depth, which calls {@link #runEnded()} once
     *     delivered; throws {@link IllegalStateException} once the monitor is closed
     */
    RunSchedule(TaskScheduler scheduler, Duration quickInterval, int quickRunsPerFull,
            Function<CheckDepth, CompletableFuture<HealthReport>> scheduledRun) {
        this.scheduler = scheduler;
        this.quickInterval = quickInterval;
        this.quickRunsPerFull = quickRunsPerFull;
        this.scheduledRun = scheduledRun;
    }

    /** @throws IllegalStateException if already started, or stopped */
    void start() {
        synchronized (lock) {
            if (stopped) {
                throw new IllegalStateException("health monitor is closed");
            }
            if (started) {
                throw new IllegalStateException("health monitor already started");
            }
            started = true;
            nextTick = scheduler.schedule(this::tick, Duration.ZERO);
        }
    }

    /** Cancels the next tick; a run in flight still completes. Idempotent. */
    void stop() {
        TaskScheduler.Cancellable tick;
        synchronized (lock) {
            stopped = true;
            tick = nextTick;
            nextTick = null;
        }
        if (tick != null) {
            tick.cancel();
        }
    }

    /** The scheduled run in flight has been delivered: the next tick may start one. */
    void runEnded() {
        synchronized (lock) {
            runInFlight = false;
        }
    }

    private void tick() {
        CheckDepth depth;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            // Arm the next tick first, so nothing below can stop the schedule.
            nextTick = scheduler.schedule(this::tick, quickInterval);
            boolean fullDue = ticks++ % quickRunsPerFull == 0 || fullRunOwed;
            if (runInFlight) {
                fullRunOwed = fullDue;
                LOG.warn("health: the previous scheduled run is still going; skipping this {} run",
                        fullDue ? "full" : "quick");
                return;
            }
            depth = fullDue ? CheckDepth.FULL : CheckDepth.QUICK;
            fullRunOwed = false;
            runInFlight = true;
        }
        try {
            scheduledRun.apply(depth).whenComplete((report, e) -> {
                if (e != null) {
                    LOG.error("health: scheduled {} run failed", depth, e);
                }
            });
        } catch (RuntimeException e) {
            runEnded();
            if (!(e instanceof IllegalStateException)) {
                LOG.error("health: scheduled {} run could not start", depth, e);
            }
        }
    }
}
