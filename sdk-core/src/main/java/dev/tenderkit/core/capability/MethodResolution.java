package dev.tenderkit.core.capability;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.money.Money;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One method resolved into a verdict: every method-wide rule, then every channel rule on each of
 * the merchant's channels, each for the method and again for each of its ancestors (an
 * installment method inherits its parent's requirements), on one scratch {@link Evaluation} at one
 * instant. Thread-safe: it keeps only the rules.
 */
final class MethodResolution {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final Comparator<Finding> BY_SEVERITY = Comparator.comparing(Finding::severity);

    private final PaymentMethodRegistry registry;
    private final long businessOffsetMillis;
    private final CapabilityRule[] methodRules;
    private final CapabilityRule[] channelRules;
    /** The rules' ids, read once: a hot path should not make an interface call per rule just for a name. */
    private final String[] methodRuleIds;
    private final String[] channelRuleIds;

    MethodResolution(PaymentMethodRegistry registry, ZoneOffset businessZone, List<CapabilityRule> rules) {
        this.registry = registry;
        this.businessOffsetMillis = businessZone.getTotalSeconds() * 1000L;
        this.methodRules = rules.stream().filter(r -> r.scope() == RuleScope.METHOD).toArray(CapabilityRule[]::new);
        this.channelRules = rules.stream().filter(r -> r.scope() == RuleScope.CHANNEL).toArray(CapabilityRule[]::new);
        this.methodRuleIds = Arrays.stream(methodRules).map(CapabilityRule::id).toArray(String[]::new);
        this.channelRuleIds = Arrays.stream(channelRules).map(CapabilityRule::id).toArray(String[]::new);
    }

    /**
     * @param amount the amount, or {@code null} to leave amount limits unchecked
     * @param unavailablePlan a plan asked for that the method's wallet does not offer, or {@code null}
     */
    CapabilityVerdict evaluate(Evaluation ev, CheckoutContext context, PaymentMethod method, Money amount,
            CapabilityPolicy snapshot, long now, InstallmentPlan unavailablePlan) {
        Objects.requireNonNull(method, "method");
        List<PaymentMethod> ancestors = registry.ancestorsOf(method);
        ev.begin(snapshot, context, method, amount, now, Math.floorDiv(now + businessOffsetMillis, MILLIS_PER_DAY));
        if (unavailablePlan != null) {
            InstallmentPlans.reportUnavailable(ev, registry, method, unavailablePlan);
        }
        runAll(methodRules, methodRuleIds, ev, method, ancestors);
        boolean methodBlocked = ev.blocked();
        long mask = 0L;
        List<String> channelIds = context.merchant().channelIds();
        ev.enterMethod(method);
        if (channelIds.isEmpty()) {
            ChannelContracts.reportNoChannel(ev, snapshot, method);
        }
        for (int i = 0, n = channelIds.size(); i < n; i++) {
            String id = channelIds.get(i);
            ChannelProfile channel = snapshot.channelOrNull(id);
            ev.enterMethod(method);
            ev.enterChannel(channel, id);
            if (channel == null) {
                ChannelContracts.reportUncatalogued(ev, snapshot, method, id);
                continue;
            }
            runAll(channelRules, channelRuleIds, ev, method, ancestors);
            if (!ev.blocked()) {
                mask |= 1L << i;
            }
        }
        boolean accepted = !methodBlocked && mask != 0L;
        if (accepted && ev.findings.isEmpty()) {
            CapabilityVerdict cached = context.cachedCleanVerdict(method);
            if (cached != null && cached.policy() == snapshot && cached.acceptingMask() == mask) {
                return cached;
            }
            CapabilityVerdict fresh = new CapabilityVerdict(method, true, channels(snapshot, channelIds, mask),
                    List.of(), snapshot, mask);
            context.cacheCleanVerdict(method, fresh);
            return fresh;
        }
        List<Finding> findings = new ArrayList<>(ev.findings);
        findings.sort(BY_SEVERITY);
        // A method refused outright is refused on every channel, however its channels fared.
        long acceptingMask = accepted ? mask : 0L;
        return new CapabilityVerdict(method, accepted, channels(snapshot, channelIds, acceptingMask), findings,
                snapshot, acceptingMask);
    }

    /** Runs the rules for the method, then for each ancestor in turn. */
    private static void runAll(CapabilityRule[] rules, String[] ids, Evaluation ev, PaymentMethod method,
            List<PaymentMethod> ancestors) {
        ev.enterMethod(method);
        for (int r = 0; r < rules.length; r++) {
            run(rules[r], ids[r], ev);
        }
        for (int a = 0, n = ancestors.size(); a < n; a++) {
            ev.enterMethod(ancestors.get(a));
            for (int r = 0; r < rules.length; r++) {
                run(rules[r], ids[r], ev);
            }
        }
    }

    private static void run(CapabilityRule rule, String ruleId, Evaluation ev) {
        ev.enterRule(ruleId);
        try {
            rule.evaluate(ev, ev);
        } catch (TenderKitException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TenderKitException(ErrorCode.EXTENSION_FAILURE, "capability rule " + ruleId
                    + " failed while resolving " + ev.method().id() + ": " + e, e);
        }
    }

    private static List<ChannelProfile> channels(CapabilityPolicy snapshot, List<String> ids, long mask) {
        if (mask == 0L) {
            return List.of();
        }
        List<ChannelProfile> out = new ArrayList<>(Long.bitCount(mask));
        for (int i = 0, n = ids.size(); i < n; i++) {
            if ((mask & (1L << i)) != 0) {
                out.add(snapshot.channelOrNull(ids.get(i)));
            }
        }
        return out;
    }
}
