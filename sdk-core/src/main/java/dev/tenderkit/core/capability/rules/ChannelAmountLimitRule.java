package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.channel.ChannelOffering;

/**
 * {@link Cause#AMOUNT_OUT_OF_RANGE} on one channel: the channel's own per-transaction limits for
 * the method exclude the amount. Applies only when an amount is given.
 */
public final class ChannelAmountLimitRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.amount.channel-limits";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.CHANNEL;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        if (!q.hasAmount()) {
            return;
        }
        ChannelOffering offering = q.offeringOrNull();
        if (offering != null) {
            AmountLimits.check(q, findings, offering.minAmount(), offering.maxAmount(), q.channel().id());
        }
    }
}
