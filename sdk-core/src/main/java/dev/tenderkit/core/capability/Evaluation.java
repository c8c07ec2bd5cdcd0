package dev.tenderkit.core.capability;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolver's per-thread scratch for one resolution: the query the rules read and the sink
 * they report to. Reused across resolutions so that the accepted path allocates nothing. While the
 * rules check an ancestor of the resolved method, {@link #method()} is that ancestor, and what they
 * report about it is kept only if it adds to the method's own findings ({@link InheritedFindings}).
 */
final class Evaluation implements CapabilityQuery, FindingSink {
    final ArrayList<Finding> findings = new ArrayList<>();
    boolean inUse;

    private CapabilityPolicy policy;
    private CheckoutContext context;
    private PaymentMethod resolved;
    private PaymentMethod method;
    private Money amount;
    private ChannelProfile channel;
    private String channelId;
    private String ruleId;
    private long nowMillis;
    private long businessEpochDay;
    private boolean blocked;
    private MethodRequirements requirements;
    private dev.tenderkit.core.channel.ChannelOffering offering;
    private boolean requirementsKnown;

    void begin(CapabilityPolicy policy, CheckoutContext context, PaymentMethod method, Money amount,
            long nowMillis, long businessEpochDay) {
        this.policy = policy;
        this.context = context;
        this.resolved = method;
        this.method = method;
        this.amount = amount;
        this.nowMillis = nowMillis;
        this.businessEpochDay = businessEpochDay;
        this.channel = null;
        this.channelId = null;
        this.blocked = false;
        this.requirements = null;
        this.requirementsKnown = false;
        findings.clear();
    }

    /** Starts the checks of one channel; {@code channel} may be null for an uncatalogued id. */
    void enterChannel(ChannelProfile channel, String channelId) {
        this.channel = channel;
        this.offering = channel == null ? null : channel.offeringOrNull(method);
        this.channelId = channelId;
        this.blocked = false;
    }

    /**
     * Turns the checks to {@code checked}: the resolved method itself or one of its ancestors, on the
     * current channel if any. Whether something blocked so far is kept.
     */
    void enterMethod(PaymentMethod checked) {
        if (checked == method) {
            return;
        }
        this.method = checked;
        this.requirements = null;
        this.requirementsKnown = false;
        this.offering = channel == null ? null : channel.offeringOrNull(checked);
    }

    void enterRule(String ruleId) {
        this.ruleId = ruleId;
    }

    boolean blocked() {
        return blocked;
    }

    void end() {
        policy = null;
        context = null;
        requirements = null;
        requirementsKnown = false;
        resolved = null;
        method = null;
        amount = null;
        channel = null;
        offering = null;
        channelId = null;
        ruleId = null;
        findings.clear();
        inUse = false;
    }

    @Override
    public void report(Cause cause, Severity severity, LocalizedText message, Remedy remedy) {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(remedy, "remedy");
        if (severity == Severity.BLOCKING) {
            blocked = true;   // even when the finding is left out: the ancestor's problem blocks all the same
        }
        if (method != resolved && InheritedFindings.covered(findings, cause, channelId, remedy)) {
            return;
        }
        findings.add(new Finding(cause, severity, method, Optional.ofNullable(channelId), message, remedy, ruleId));
    }

    @Override
    public CapabilityPolicy policy() {
        return policy;
    }

    @Override
    public CheckoutContext context() {
        return context;
    }

    @Override
    public PaymentMethod method() {
        return method;
    }

    @Override
    public MethodRequirements requirementsOrNull() {
        if (!requirementsKnown) {
            requirements = policy.requirementsOrNull(method);
            requirementsKnown = true;
        }
        return requirements;
    }

    @Override
    public dev.tenderkit.core.channel.ChannelOffering offeringOrNull() {
        channel();   // METHOD-scoped rules have no channel: fail as channel() does
        return offering;
    }

    @Override
    public TerminalCertification certificationOrNull() {
        return context.certificationOrNull(policy);
    }

    @Override
    public boolean hasAmount() {
        return amount != null;
    }

    @Override
    public Money amount() {
        if (amount == null) {
            throw new IllegalStateException("no amount was given for this resolution; check hasAmount() first");
        }
        return amount;
    }

    @Override
    public ChannelProfile channel() {
        if (channel == null) {
            throw new IllegalStateException("channel() is only available to CHANNEL-scoped rules");
        }
        return channel;
    }

    @Override
    public long nowMillis() {
        return nowMillis;
    }

    @Override
    public long businessEpochDay() {
        return businessEpochDay;
    }
}
