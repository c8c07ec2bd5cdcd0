package dev.tenderkit.core.fee;

import dev.tenderkit.core.capability.CapabilityVerdict;
import java.util.List;
import java.util.Objects;

/**
 * Take the payment through {@link #chosen()}: the cheapest channel that can take it, or the channel
 * the caller pinned. Immutable.
 *
 * @param chosen the channel to use
 * @param pinned whether it was chosen because the caller pinned it rather than for its cost
 * @param request the payment
 * @param ranked every channel that can take it, cheapest first; contains {@code chosen}
 * @param excluded the merchant's other channels and why
 * @param verdict the capability verdict
 */
public record Routed(RankedChannel chosen, boolean pinned, QuoteRequest request, List<RankedChannel> ranked,
        List<ExcludedChannel> excluded, CapabilityVerdict verdict) implements RouteDecision {
    /** Validates and copies. */
    public Routed {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(request, "request");
        ranked = List.copyOf(ranked);
        excluded = List.copyOf(excluded);
        Objects.requireNonNull(verdict, "verdict");
    }
}
