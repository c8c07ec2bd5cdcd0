package dev.tenderkit.core.fee;

import dev.tenderkit.core.capability.CapabilityVerdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * No channel was chosen. With {@link NotRoutableReason#NO_CHANNEL_CAN_TAKE_IT}, {@link #excluded()}
 * says why each channel was left out (and {@link #verdict()} why the method is refused when the
 * merchant has no channel at all). With a pinned channel that cannot be used the router does not
 * fall back on its own: {@link #ranked()} still lists the channels that could take the payment, for
 * the caller to choose. Immutable.
 *
 * @param reason why no channel was chosen
 * @param pinnedChannelId the channel the caller pinned, if any
 * @param request the payment
 * @param ranked the channels that can take it, cheapest first
 * @param excluded the merchant's other channels and why
 * @param verdict the capability verdict
 */
public record NotRoutable(NotRoutableReason reason, Optional<String> pinnedChannelId, QuoteRequest request,
        List<RankedChannel> ranked, List<ExcludedChannel> excluded, CapabilityVerdict verdict)
        implements RouteDecision {
    /** Validates and copies. */
    public NotRoutable {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(pinnedChannelId, "pinnedChannelId");
        Objects.requireNonNull(request, "request");
        ranked = List.copyOf(ranked);
        excluded = List.copyOf(excluded);
        Objects.requireNonNull(verdict, "verdict");
    }
}
