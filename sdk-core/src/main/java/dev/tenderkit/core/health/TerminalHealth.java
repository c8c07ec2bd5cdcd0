package dev.tenderkit.core.health;

import java.util.List;

/**
 * The terminal's latest health, as the capability resolver consumes it: the items that are not
 * OK. Produced from health-check reports; {@link #HEALTHY} when all is well or nothing was checked.
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

    /** @return whether there is no issue */
    public boolean isHealthy() {
        return issues.isEmpty();
    }
}
