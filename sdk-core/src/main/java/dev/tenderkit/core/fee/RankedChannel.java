package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import java.util.Objects;

/**
 * A channel that can take the payment, with what it costs and where it ranks. Immutable.
 *
 * @param rank 1 for the cheapest; consecutive, no two channels share a rank (see
 *     {@link LeastCostRouter} for how ties are broken)
 * @param preference the channel's position in the merchant's channel list, 0 first
 * @param quote what the payment costs on this channel
 */
public record RankedChannel(int rank, int preference, FeeQuote quote) {
    /** Validates. */
    public RankedChannel {
        if (rank < 1) {
            throw new InvalidInputException("rank", "ranks start at 1, got " + rank);
        }
        if (preference < 0) {
            throw new InvalidInputException("preference", "must be 0 or more, got " + preference);
        }
        Objects.requireNonNull(quote, "quote");
    }

    /** @return the channel id */
    public String channelId() {
        return quote.channelId();
    }
}
