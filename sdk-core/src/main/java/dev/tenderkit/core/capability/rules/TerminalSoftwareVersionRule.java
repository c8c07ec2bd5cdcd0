package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.terminal.SoftwareVersion;

/**
 * {@link Cause#TERMINAL_SOFTWARE_OUTDATED}: the brand/model is certified for the method, but only
 * from a later software version than the one installed.
 */
public final class TerminalSoftwareVersionRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.terminal.software-version";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        if (!CertificationLookup.required(q)) {
            return;
        }
        PaymentMethod method = q.method();
        SoftwareVersion min = CertificationLookup.minimumVersionOrNull(q);
        SoftwareVersion current = q.terminal().softwareVersion();
        if (min == null || !current.isBelow(min)) {
            return;
        }
        findings.block(Cause.TERMINAL_SOFTWARE_OUTDATED,
                LocalizedText.of("终端软件版本 " + current + " 低于 " + method.name().zh() + " 所需的最低版本 " + min,
                        "terminal software " + current + " is below " + min + ", the minimum for "
                                + method.name().en()),
                new Remedy.UpgradeSoftware(min, current));
    }
}
