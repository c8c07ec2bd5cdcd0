package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Cause#TERMINAL_NOT_CONFIGURED}: settings the policy requires for the method (app id,
 * keys, feature switches) are not configured on the terminal.
 */
public final class TerminalConfigurationRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.terminal.configuration";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        MethodRequirements req = q.requirementsOrNull();
        if (req == null) {
            return;
        }
        List<String> required = req.requiredSettings();
        List<String> missing = null;
        for (int i = 0, n = required.size(); i < n; i++) {
            String s = required.get(i);
            if (!q.terminal().isConfigured(s)) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(s);
            }
        }
        if (missing == null) {
            return;
        }
        String list = String.join(", ", missing);
        findings.block(Cause.TERMINAL_NOT_CONFIGURED,
                LocalizedText.of("终端未配置 " + q.method().name().zh() + " 接口所需的设置：" + list,
                        "the terminal lacks settings " + q.method().name().en() + " needs: " + list),
                new Remedy.ConfigureSettings(missing));
    }
}
