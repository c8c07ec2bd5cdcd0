package dev.tenderkit.transport.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real in-memory scheduler with virtual time, so tests of timeouts never sleep: tasks run only
 * inside {@link #runUntilIdle()} and {@link #advance(Duration)}, on the test's thread, in due-time
 * order (FIFO among equals). {@link #clock()} reads the same virtual time.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long nowMillis;
    private long order;
    private boolean shutdown;

    public ManualScheduler(Instant start) {
        this.nowMillis = start.toEpochMilli();
    }

    public ManualScheduler() {
        this(Instant.parse("2026-11-25T02:00:00Z"));
    }

    /** @return a clock that reads this scheduler's virtual time */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now());
            }
        };
    }

    public synchronized long now() {
        return nowMillis;
    }

    /** Runs every task due now, including those they schedule for now. */
    public void runUntilIdle() {
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueMillis > nowMillis || next.cancelled) {
                    if (next != null && next.cancelled) {
                        tasks.poll();
                        continue;
                    }
                    return;
                }
                tasks.poll();
                next.done = true;
            }
            next.action.run();
        }
    }

    /** Moves time forward by {@code duration}, running every task that falls due on the way, in order. */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nowMillis + duration.toMillis();
        }
        while (true) {
            runUntilIdle();
            synchronized (this) {
                Task next = tasks.peek();
                while (next != null && next.cancelled) {
                    tasks.poll();
                    next = tasks.peek();
                }
                if (next == null || next.dueMillis > target) {
                    nowMillis = target;
                    break;
                }
                nowMillis = next.dueMillis;
            }
        }
        runUntilIdle();
    }

    /** @return tasks waiting, cancelled ones excluded */
    public synchronized int pendingTasks() {
        int n = 0;
        for (Task t : tasks) {
            n += t.cancelled ? 0 : 1;
        }
        return n;
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, nowMillis + Math.max(0, unit.toMillis(delay)), order++);
        tasks.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by the serial transport");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by the serial transport");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by the serial transport");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>();
        for (Task t : tasks) {
            left.add(t.action);
        }
        tasks.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable action;
        final long dueMillis;
        final long sequence;
        volatile boolean cancelled;
        volatile boolean done;

        Task(Runnable action, long dueMillis, long sequence) {
            this.action = action;
            this.dueMillis = dueMillis;
            this.sequence = sequence;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueMillis - now(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task o = (Task) other;
            int byTime = Long.compare(dueMillis, o.dueMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
