package dev.tenderkit.core.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link HealthCheck} is given for one run.
 *
 * @param clock the terminal's clock, the one payments are signed and journaled with: the
 *     monitor's {@link dev.tenderkit.core.time.TaskScheduler#clock()}, so a check that measures time
 *     measures it on the same time the monitor's timeouts run on
 * @param runDepth how thorough the run is
 * @param timeout how long the check may take before the run reports it as FAIL; a check that
 *     waits on the network should give up within it
 */
public record HealthCheckContext(Clock clock, CheckDepth runDepth, Duration timeout) {
    /** Validates. */
    public HealthCheckContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(runDepth, "runDepth");
        Objects.requireNonNull(timeout, "timeout");
    }
}
