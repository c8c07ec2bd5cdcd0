package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.method.EntryMode;
import dev.tenderkit.core.terminal.Peripheral;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link Cause#TERMINAL_HARDWARE_MISSING}: the method's entry mode needs a peripheral the terminal
 * lacks (a scanner or camera for payment codes; a card reader and PIN pad for cards). Each unmet
 * requirement is its own finding.
 */
public final class TerminalHardwareRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.terminal.hardware";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        EntryMode mode = q.method().entryMode();
        Set<Peripheral> present = q.terminal().peripherals();
        for (int g = 0, n = mode.requirementCount(); g < n; g++) {
            if (!mode.isGroupMet(g, present)) {
                Set<Peripheral> anyOf = mode.requirements().get(g);
                String names = anyOf.stream().map(Enum::name).sorted().collect(Collectors.joining(" / "));
                findings.block(Cause.TERMINAL_HARDWARE_MISSING,
                        LocalizedText.of(q.method().name().zh() + " 需要外设：" + names + "，终端未连接",
                                q.method().name().en() + " needs " + names + ", which the terminal lacks"),
                        new Remedy.AttachPeripheral(anyOf));
            }
        }
    }
}
