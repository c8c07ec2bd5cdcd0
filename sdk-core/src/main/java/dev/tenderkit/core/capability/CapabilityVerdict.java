package dev.tenderkit.core.capability;

import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.method.PaymentMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer to "can this terminal take this method for this merchant?": accepted or refused, the
 * channels that can take it, and every finding, ordered by severity (blocking first), then
 * method-wide before channel-specific, then in rule order.
 *
 * <p>A method is accepted when no method-wide finding blocks it and at least one of the merchant's
 * channels has no blocking finding. When it is accepted, blocking findings still explain why the
 * other channels were ruled out. Immutable.
 */
public final class CapabilityVerdict {
    private final PaymentMethod method;
    private final boolean accepted;
    private final List<ChannelProfile> acceptingChannels;
    private final List<Finding> findings;
    private final CapabilityPolicy policy;
    private final long acceptingMask;

    CapabilityVerdict(PaymentMethod method, boolean accepted, List<ChannelProfile> acceptingChannels,
            List<Finding> findings, CapabilityPolicy policy, long acceptingMask) {
        this.method = Objects.requireNonNull(method, "method");
        this.accepted = accepted;
        this.acceptingChannels = List.copyOf(acceptingChannels);
        this.findings = List.copyOf(findings);
        this.policy = policy;
        this.acceptingMask = acceptingMask;
    }

    /** @return the method */
    public PaymentMethod method() {
        return method;
    }

    /** @return whether the method can be taken */
    public boolean isAccepted() {
        return accepted;
    }

    /**
     * @return the merchant's channels that can take it, in the merchant's order of preference;
     *     empty when the method is refused
     */
    public List<ChannelProfile> acceptingChannels() {
        return acceptingChannels;
    }

    /** @return whether the channel can take it */
    public boolean isAcceptedOn(String channelId) {
        for (ChannelProfile c : acceptingChannels) {
            if (c.id().equals(channelId)) {
                return true;
            }
        }
        return false;
    }

    /** @return every finding, blocking first */
    public List<Finding> findings() {
        return findings;
    }

    /** @return the blocking findings: why it is refused, or why some channels are ruled out */
    public List<Finding> blockingFindings() {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.isBlocking()) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return the warnings */
    public List<Finding> warnings() {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.isBlocking()) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * @param channelId one of the merchant's channels
     * @return the blocking findings that keep the method off that channel: the method-wide ones
     *     and the channel's own
     */
    public List<Finding> blockingFindingsAgainst(String channelId) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.isBlocking() && (f.channelId().isEmpty() || f.channelId().get().equals(channelId))) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return the findings that concern one channel specifically */
    public List<Finding> findingsFor(String channelId) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.channelId().isPresent() && f.channelId().get().equals(channelId)) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return whether any finding has this cause */
    public boolean has(Cause cause) {
        for (Finding f : findings) {
            if (f.cause() == cause) {
                return true;
            }
        }
        return false;
    }

    /** @return the version of the policy that produced the verdict */
    public String policyVersion() {
        return policy.version();
    }

    CapabilityPolicy policy() {
        return policy;
    }

    long acceptingMask() {
        return acceptingMask;
    }

    @Override
    public String toString() {
        return method.id() + (accepted ? " accepted" : " refused") + " " + findings.size() + " finding(s)";
    }
}
