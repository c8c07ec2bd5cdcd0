package dev.tenderkit.core.health;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.Severity;
import dev.tenderkit.core.method.Wallet;
import java.util.Objects;
import java.util.Set;

/**
 * A health-check item that is not OK, as the capability resolver sees it: which item, how bad,
 * what is wrong, what maintenance fixes it, and which wallets it affects.
 *
 * @param item stable item id, e.g. {@code network.gateway.alipay} or {@code clock.skew}
 * @param severity {@link Severity#BLOCKING} refuses the affected methods; a warning only reports
 * @param problem what is wrong
 * @param action the maintenance action that fixes it
 * @param affectedWallets wallets whose methods depend on the item; empty means every method
 */
public record HealthIssue(String item, Severity severity, LocalizedText problem, LocalizedText action,
        Set<Wallet> affectedWallets) {

    /** Validates and copies. */
    public HealthIssue {
        if (item == null || item.isBlank()) {
            throw new InvalidInputException("item", "health item id must not be blank");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(action, "action");
        affectedWallets = Set.copyOf(affectedWallets);
    }

    /** @return whether the issue affects methods of this wallet */
    public boolean affects(Wallet wallet) {
        return affectedWallets.isEmpty() || affectedWallets.contains(wallet);
    }
}
