package dev.tenderkit.core.capability;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.method.PaymentMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings about the merchant's channel contracts themselves, before any rule looks at a
 * channel: a merchant signed with no channel, or with a channel the policy does not catalogue.
 */
final class ChannelContracts {
    private ChannelContracts() {
    }

    static void reportNoChannel(Evaluation ev, CapabilityPolicy snapshot, PaymentMethod method) {
        ev.enterRule("core.channel.contracts");
        ev.block(Cause.CHANNEL_METHOD_UNSUPPORTED,
                LocalizedText.of("商户尚未与任何通道签约", "the merchant has not signed with any channel"),
                new Remedy.SwitchChannel(List.of(), offeringChannels(snapshot, method, Set.of())));
    }

    static void reportUncatalogued(Evaluation ev, CapabilityPolicy snapshot, PaymentMethod method,
            String channelId) {
        ev.enterRule("core.channel.catalogue");
        List<String> merchantChannels = new ArrayList<>();
        for (String id : ev.merchant().channelIds()) {
            ChannelProfile c = snapshot.channelOrNull(id);
            if (c != null && c.offers(method)) {
                merchantChannels.add(id);
            }
        }
        ev.block(Cause.CHANNEL_METHOD_UNSUPPORTED,
                LocalizedText.of("通道 " + channelId + " 不在平台策略 " + snapshot.version() + " 的通道目录中",
                        "channel " + channelId + " is not in the catalogue of platform policy " + snapshot.version()),
                new Remedy.SwitchChannel(merchantChannels,
                        offeringChannels(snapshot, method, new HashSet<>(ev.merchant().channelIds()))));
    }

    /** @return ids of catalogued channels offering the method, minus those excluded */
    static List<String> offeringChannels(CapabilityPolicy snapshot, PaymentMethod method, Set<String> excluded) {
        List<String> out = new ArrayList<>();
        for (ChannelProfile c : snapshot.channels()) {
            if (c.offers(method) && !excluded.contains(c.id())) {
                out.add(c.id());
            }
        }
        return out;
    }
}
