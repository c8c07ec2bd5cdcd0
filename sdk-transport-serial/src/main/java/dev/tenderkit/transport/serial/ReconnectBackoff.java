package dev.tenderkit.transport.serial;

import dev.tenderkit.core.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How often a link tries to reopen a device that went away: first after {@code initialDelay},
 * then twice as long after each failed attempt, never longer than {@code maxDelay}, until the
 * device is back or the link is closed.
 *
 * @param initialDelay the wait before the first attempt, at least 1 ms
 * @param maxDelay the longest wait between attempts, at least {@code initialDelay}
 */
public record ReconnectBackoff(Duration initialDelay, Duration maxDelay) {

    /** 250 ms, doubling up to 5 s. */
    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    /**
     * @throws ConfigurationException ({@code "initialDelay"} or {@code "maxDelay"}) if a delay is
     *     under 1 ms or the maximum is below the initial delay
     */
    public ReconnectBackoff {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.toMillis() < 1) {
            throw new ConfigurationException("initialDelay", initialDelay + " is under 1 ms");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new ConfigurationException("maxDelay", maxDelay + " is below initialDelay " + initialDelay);
        }
    }

    /**
     * @param previous the delay before the attempt that just failed
     * @return the delay before the next attempt
     */
    public Duration next(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }
}
