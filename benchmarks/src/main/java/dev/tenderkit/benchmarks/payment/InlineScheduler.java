package dev.tenderkit.benchmarks.payment;

import dev.tenderkit.core.time.TaskScheduler;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs due-now tasks on the calling thread, so a trade against {@link InstantWallet} completes
 * inside {@code payAsync}. A delayed task would mean the benchmark strayed off the paid-at-once
 * path, so it fails loudly.
 */
final class InlineScheduler implements TaskScheduler {
    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        if (!delay.isZero()) {
            throw new IllegalStateException("the benchmark expected no waiting, but a step asked for " + delay);
        }
        task.run();
        return () -> { };
    }
}
