package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Cause#TERMINAL_NOT_CERTIFIED}: the method needs certified terminal software and this
 * brand/model is not certified for it at any version.
 */
public final class TerminalCertificationRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.terminal.certification";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        if (!CertificationLookup.required(q) || CertificationLookup.minimumVersionOrNull(q) != null) {
            return;
        }
        PaymentMethod method = q.method();
        String terminal = q.terminal().displayName();
        findings.block(Cause.TERMINAL_NOT_CERTIFIED,
                LocalizedText.of(terminal + " 的收银软件未接入或未通过 " + method.name().zh() + " 认证",
                        terminal + " cashier software is not integrated or certified for " + method.name().en()),
                new Remedy.UseCertifiedTerminal(certifiedFor(q, method)));
    }

    private static List<String> certifiedFor(CapabilityQuery q, PaymentMethod method) {
        List<String> out = new ArrayList<>();
        for (TerminalCertification c : q.policy().certifications()) {
            SoftwareVersion min = c.minimumVersions().get(method.id());
            if (min != null) {
                out.add(c.displayName() + " ≥ " + min);
            }
        }
        return out;
    }
}
