package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.health.HealthIssue;
import java.util.List;

/**
 * {@link Cause#TERMINAL_UNHEALTHY}: a health item the method depends on is not OK (network down,
 * clock skewed, port not answering, journal disk full). The issue's own severity carries over.
 */
public final class TerminalHealthRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.terminal.health";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        List<HealthIssue> issues = q.health().issues();
        for (int i = 0, n = issues.size(); i < n; i++) {
            HealthIssue issue = issues.get(i);
            if (issue.affects(q.method())) {
                findings.report(Cause.TERMINAL_UNHEALTHY, issue.severity(), issue.problem(),
                        new Remedy.PerformMaintenance(issue.item(), issue.action()));
            }
        }
    }
}
