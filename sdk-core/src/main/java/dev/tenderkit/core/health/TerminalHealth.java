package dev.tenderkit.core.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The terminal's latest health, as the capability resolver consumes it: the items that are not
 * OK. Produced from health-check reports ({@link HealthReport#toTerminalHealth()},
 * {@link HealthMonitor#terminalHealth()}); {@link #HEALTHY} when all is well or nothing was checked.
 *
 * @param issues the items that are not OK
 */
public record TerminalHealth(List<HealthIssue> issues) {
    /** No known issue. */
    public static final TerminalHealth HEALTHY = new TerminalHealth(List.of());

    /** Copies. */
    public TerminalHealth {
        issues = List.copyOf(issues);
    }

    /**
     * @param items health items in any status
     * @return the issues of the items that are not OK: FAIL as blocking, WARN as a warning
     */
    public static TerminalHealth of(List<HealthItem> items) {
        List<HealthIssue> issues = new ArrayList<>();
        for (HealthItem item : items) {
            item.toIssue().ifPresent(issues::add);
        }
        return issues.isEmpty() ? HEALTHY : new TerminalHealth(issues);
    }

    /** @return whether there is no issue */
    public boolean isHealthy() {
        return issues.isEmpty();
    }
}
