package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.RuleScope;

/**
 * {@link Cause#AMOUNT_OUT_OF_RANGE}: the amount is outside the policy's limits for the method
 * (e.g. below an installment minimum). Applies only when an amount is given.
 */
public final class MethodAmountLimitRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.amount.method-limits";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        if (!q.hasAmount()) {
            return;
        }
        MethodRequirements req = q.requirementsOrNull();
        if (req != null) {
            AmountLimits.check(q, findings, req.minAmount(), req.maxAmount(), null);
        }
    }
}
