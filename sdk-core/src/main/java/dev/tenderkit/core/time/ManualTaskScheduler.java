package dev.tenderkit.core.time;

import dev.tenderkit.core.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link TaskScheduler} on virtual time, for tests: nothing runs until {@link #advance(Duration)}
 * moves time forward, and then every task due by the new time runs on the calling thread, in order
 * of due time (ties in the order scheduled), with {@link #clock()} reading each task's due time
 * while it runs. Tasks scheduled by running tasks run in the same call if they fall due within it.
 * So a test proves "a quick run every 30 s" in microseconds, without sleeping.
 *
 * <p>Thread-safe for scheduling and reading the clock; advance time from one thread at a time. An
 * exception thrown by a task propagates out of {@code advance}, with time left at that task's due
 * time.
 */
public final class ManualTaskScheduler implements TaskScheduler {
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final Clock clock = new VirtualClock(ZoneOffset.UTC);
    private volatile Instant now;
    private long sequence;

    /** @param start the virtual time to begin at */
    public ManualTaskScheduler(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** @return a clock reading the virtual time, in UTC */
    @Override
    public Clock clock() {
        return clock;
    }

    /** @return the virtual time now */
    public Instant now() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new InvalidInputException("delay", "must not be negative, got " + delay);
        }
        Entry e;
        synchronized (queue) {
            e = new Entry(now.plus(delay), sequence++, task);
            queue.add(e);
        }
        return () -> {
            synchronized (queue) {
                queue.remove(e);
            }
        };
    }

    /** Runs the tasks already due, without moving time. */
    public void runDueTasks() {
        advance(Duration.ZERO);
    }

    /**
     * Moves virtual time forward, running every task that falls due on the way.
     *
     * @param by how far; zero or more
     */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new InvalidInputException("by", "time only moves forward, got " + by);
        }
        Instant target = now.plus(by);
        while (true) {
            Entry next;
            synchronized (queue) {
                next = queue.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                queue.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.task.run();
        }
    }

    /** @return how many tasks are scheduled and not yet run or cancelled */
    public int pendingTasks() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private record Entry(Instant due, long sequence, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private final class VirtualClock extends Clock {
        private final ZoneId zone;

        VirtualClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new VirtualClock(newZone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
