package dev.tenderkit.core.health;

import dev.tenderkit.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of one health run: every item, in the order of the checks that reported them, with
 * when the run started and how long it took. Immutable.
 *
 * @param depth whether the run was quick or full
 * @param startedAt when the run started, by the monitor's clock
 * @param duration how long the run took, by the monitor's clock (never negative)
 * @param items every item, ids distinct
 */
public record HealthReport(CheckDepth depth, Instant startedAt, Duration duration, List<HealthItem> items) {

    /** Validates and copies. */
    public HealthReport {
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new InvalidInputException("duration", "must not be negative, got " + duration);
        }
        items = List.copyOf(items);
        Set<String> ids = new HashSet<>();
        for (HealthItem item : items) {
            if (!ids.add(item.id())) {
                throw new InvalidInputException("items", "two items share the id \"" + item.id() + "\"");
            }
        }
    }

    /** @return the worst status of any item; OK when there is none */
    public HealthStatus status() {
        HealthStatus worst = HealthStatus.OK;
        for (HealthItem item : items) {
            worst = worst.worst(item.status());
        }
        return worst;
    }

    /** @return the FAIL items */
    public List<HealthItem> failures() {
        return withStatus(HealthStatus.FAIL);
    }

    /** @return the WARN items */
    public List<HealthItem> warnings() {
        return withStatus(HealthStatus.WARN);
    }

    /** @return the item with this id, if the run reported one */
    public Optional<HealthItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * The report as the capability resolver consumes it ({@code CheckoutContext.withHealth}): each
     * FAIL item a blocking issue, so the methods it affects are refused as
     * {@code TERMINAL_UNHEALTHY}; each WARN item a warning.
     *
     * @return the issues of this report alone; {@link HealthMonitor#terminalHealth()} combines
     *     quick and full runs
     */
    public TerminalHealth toTerminalHealth() {
        return TerminalHealth.of(items);
    }

    private List<HealthItem> withStatus(HealthStatus status) {
        List<HealthItem> out = new ArrayList<>();
        for (HealthItem item : items) {
            if (item.status() == status) {
                out.add(item);
            }
        }
        return out;
    }
}
