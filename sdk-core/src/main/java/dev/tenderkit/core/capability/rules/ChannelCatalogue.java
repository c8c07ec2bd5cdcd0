package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.method.PaymentMethod;
import java.util.ArrayList;
import java.util.List;

/** Which channels offer a method: the data behind "switch to channel X, which offers it". */
final class ChannelCatalogue {
    private ChannelCatalogue() {
    }

    /** @return the merchant's channels, other than the current one, that offer the method */
    static List<String> merchantChannelsOffering(CapabilityQuery q, PaymentMethod method, String except) {
        List<String> out = new ArrayList<>();
        for (String id : q.merchant().channelIds()) {
            ChannelProfile c = q.policy().channelOrNull(id);
            if (c != null && !id.equals(except) && c.offers(method)) {
                out.add(id);
            }
        }
        return out;
    }

    /** @return catalogued channels the merchant has not signed with that offer the method */
    static List<String> otherChannelsOffering(CapabilityQuery q, PaymentMethod method) {
        List<String> out = new ArrayList<>();
        for (ChannelProfile c : q.policy().channels()) {
            if (c.offers(method) && !q.merchant().channelIds().contains(c.id())) {
                out.add(c.id());
            }
        }
        return out;
    }
}
