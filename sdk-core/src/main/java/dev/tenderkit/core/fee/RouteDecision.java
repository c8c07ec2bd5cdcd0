package dev.tenderkit.core.fee;

import dev.tenderkit.core.capability.CapabilityVerdict;
import java.util.List;

/**
 * The router's answer for one payment: {@link Routed} (take it through the chosen channel) or
 * {@link NotRoutable} (no channel; say why). Both carry the full ranking of the channels that can
 * take it and the explanation of every channel excluded, so a checkout screen can show the
 * alternatives and a support tool every reason.
 */
public sealed interface RouteDecision permits Routed, NotRoutable {
    /** @return the payment routed */
    QuoteRequest request();

    /** @return the channels that can take it, cheapest first; see {@link LeastCostRouter} for ties */
    List<RankedChannel> ranked();

    /** @return the merchant's other channels, in its order of preference, each with its reasons */
    List<ExcludedChannel> excluded();

    /** @return the capability verdict the ranking was based on (its warnings apply too) */
    CapabilityVerdict verdict();
}
