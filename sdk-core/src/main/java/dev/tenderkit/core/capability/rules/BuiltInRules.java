package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Severity;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import java.util.List;

/**
 * The rules TenderKit always runs, one per cause in the capability vocabulary, in the order their
 * findings are listed (within one severity).
 */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    /**
     * @param registry the methods known to the resolver, for suggesting alternatives
     * @param stalePolicySeverity how a stale policy counts
     * @return new instances of every built-in rule
     */
    public static List<CapabilityRule> create(PaymentMethodRegistry registry, Severity stalePolicySeverity) {
        return List.of(
                new PolicyFreshnessRule(stalePolicySeverity),
                new TerminalCertificationRule(),
                new TerminalSoftwareVersionRule(),
                new TerminalConfigurationRule(),
                new TerminalHardwareRule(),
                new TerminalHealthRule(),
                new MerchantCategoryRule(registry),
                new MethodAmountLimitRule(),
                new ChannelOfferingRule(),
                new MerchantQualificationRule(),
                new ChannelAmountLimitRule());
    }
}
