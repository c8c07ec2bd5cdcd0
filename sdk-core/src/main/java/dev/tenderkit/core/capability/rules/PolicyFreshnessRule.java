package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.capability.Severity;
import dev.tenderkit.core.internal.text.DurationText;
import java.util.Objects;

/** {@link Cause#POLICY_STALE}: the policy is older than its own maximum age. */
public final class PolicyFreshnessRule implements CapabilityRule {
    private final Severity severity;

    /** @param severity how a stale policy counts */
    public PolicyFreshnessRule(Severity severity) {
        this.severity = Objects.requireNonNull(severity, "severity");
    }

    @Override
    public String id() {
        return "core.policy.freshness";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        CapabilityPolicy p = q.policy();
        if (p.isStaleAt(q.nowMillis())) {
            findings.report(Cause.POLICY_STALE, severity,
                    LocalizedText.of("平台策略 " + p.version() + " 发布于 " + p.issuedAt() + "，已超过有效期（"
                                    + DurationText.zh(p.maxAge()) + "）",
                            "platform policy " + p.version() + " was issued " + p.issuedAt()
                                    + " and is older than its maximum age of " + DurationText.en(p.maxAge())),
                    new Remedy.RefreshPolicy(p.version(), p.issuedAt()));
        }
    }
}
