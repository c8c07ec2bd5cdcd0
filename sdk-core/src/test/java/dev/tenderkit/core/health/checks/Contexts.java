package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.health.CheckDepth;
import dev.tenderkit.core.health.HealthCheckContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Check contexts for calling a check directly, as the monitor would. */
final class Contexts {
    static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    private Contexts() {
    }

    static HealthCheckContext at(Clock clock) {
        return new HealthCheckContext(clock, CheckDepth.FULL, Duration.ofSeconds(10));
    }

    static HealthCheckContext fixed() {
        return at(Clock.fixed(T0, ZoneOffset.UTC));
    }
}
