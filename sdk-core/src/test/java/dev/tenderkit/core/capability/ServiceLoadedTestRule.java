package dev.tenderkit.core.capability;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.method.PaymentMethods;

/** Listed in the test resources' META-INF/services, to prove ServiceLoader discovery. */
public final class ServiceLoadedTestRule implements CapabilityRule {
    static final String ID = "test.service-loaded";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        if (q.method().equals(PaymentMethods.ECNY)) {
            findings.report(Cause.OTHER, Severity.WARNING, LocalizedText.of("测试规则", "test rule"),
                    new Remedy.Custom("NOTHING", LocalizedText.of("无需处理", "nothing to do")));
        }
    }
}
