package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.channel.ChannelProfile;

/**
 * {@link Cause#CHANNEL_METHOD_UNSUPPORTED}: the channel does not offer the method at all. The
 * remedy names the merchant's other channels that do, and catalogued channels it could sign with.
 */
public final class ChannelOfferingRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.channel.offering";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.CHANNEL;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        ChannelProfile channel = q.channel();
        if (q.offeringOrNull() != null) {
            return;
        }
        findings.block(Cause.CHANNEL_METHOD_UNSUPPORTED,
                LocalizedText.of("通道 " + channel.id() + "（" + channel.name().zh() + "）不提供 " + q.method().name().zh(),
                        "channel " + channel.id() + " (" + channel.name().en() + ") does not offer "
                                + q.method().name().en()),
                new Remedy.SwitchChannel(ChannelCatalogue.merchantChannelsOffering(q, q.method(), channel.id()),
                        ChannelCatalogue.otherChannelsOffering(q, q.method())));
    }
}
