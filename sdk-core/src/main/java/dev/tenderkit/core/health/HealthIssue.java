package dev.tenderkit.core.health;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.Severity;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.Wallet;
import java.util.Objects;
import java.util.Set;

/**
 * A health-check item that is not OK, as the capability resolver sees it: which item, how bad,
 * what is wrong, what maintenance fixes it, and which payment methods it affects.
 *
 * <p>The issue affects a method when both scopes admit it: {@code affectedWallets} is empty or
 * holds the method's wallet, and {@code affectedMethods} is empty or holds the method. Both empty
 * means every method (no network, no journal storage); wallets alone scope a gateway to its
 * wallet; methods narrow it to single methods (software too old for Huabei, not for Alipay).
 *
 * @param item stable item id, e.g. {@code network.gateway.alipay} or {@code clock.skew}
 * @param severity {@link Severity#BLOCKING} refuses the affected methods; a warning only reports
 * @param problem what is wrong
 * @param action the maintenance action that fixes it
 * @param affectedWallets wallets whose methods depend on the item; empty means every wallet
 * @param affectedMethods the only methods that depend on the item; empty means every method of
 *     the affected wallets
 */
public record HealthIssue(String item, Severity severity, LocalizedText problem, LocalizedText action,
        Set<Wallet> affectedWallets, Set<PaymentMethod> affectedMethods) {

    /** Validates and copies. */
    public HealthIssue {
        if (item == null || item.isBlank()) {
            throw new InvalidInputException("item", "health item id must not be blank");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(action, "action");
        affectedWallets = Set.copyOf(affectedWallets);
        affectedMethods = Set.copyOf(affectedMethods);
    }

    /** An issue affecting every method of the given wallets (every method when the set is empty). */
    public HealthIssue(String item, Severity severity, LocalizedText problem, LocalizedText action,
            Set<Wallet> affectedWallets) {
        this(item, severity, problem, action, affectedWallets, Set.of());
    }

    /** @return whether the issue affects some method of this wallet */
    public boolean affects(Wallet wallet) {
        if (!affectedWallets.isEmpty() && !affectedWallets.contains(wallet)) {
            return false;
        }
        if (affectedMethods.isEmpty()) {
            return true;
        }
        for (PaymentMethod m : affectedMethods) {
            if (m.wallet() == wallet) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the issue affects this method; allocates nothing */
    public boolean affects(PaymentMethod method) {
        return (affectedWallets.isEmpty() || affectedWallets.contains(method.wallet()))
                && (affectedMethods.isEmpty() || affectedMethods.contains(method));
    }
}
