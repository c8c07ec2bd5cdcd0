package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.capability.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the merchant's channels that the router left out, and every reason why: the capability
 * resolver's blocking findings that concern it (method-wide ones included, each with its
 * {@link dev.tenderkit.core.capability.Cause} and {@link dev.tenderkit.core.capability.Remedy}), and
 * whether the fee schedule cannot price the payment there. At least one reason is present.
 * Immutable.
 *
 * @param channelId the channel
 * @param preference its position in the merchant's channel list, 0 first
 * @param findings the blocking capability findings against it, method-wide first as the resolver
 *     ordered them; empty when the resolver accepts the channel
 * @param notPriced why the fee schedule cannot price it, if it cannot
 */
public record ExcludedChannel(String channelId, int preference, List<Finding> findings, Optional<NotPriced> notPriced) {
    /** Validates and copies. */
    public ExcludedChannel {
        Objects.requireNonNull(channelId, "channelId");
        findings = List.copyOf(findings);
        Objects.requireNonNull(notPriced, "notPriced");
        if (findings.isEmpty() && notPriced.isEmpty()) {
            throw new InvalidInputException("findings", "channel " + channelId + " is excluded without a reason");
        }
    }

    /** @return whether the capability resolver refused the payment on this channel */
    public boolean isRefusedByCapability() {
        return !findings.isEmpty();
    }
}
