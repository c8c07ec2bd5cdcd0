package dev.tenderkit.core.capability;

import dev.tenderkit.core.health.TerminalHealth;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a payment would be taken: this terminal, for this merchant, in this state of health. The
 * capability resolver answers questions about a context; the merchant's channels are looked up in
 * the resolver's current policy, so a policy reload applies to existing contexts.
 *
 * <p>Immutable as far as callers can tell, and thread-safe. It remembers the last clean
 * "accepted" verdict per method so that repeated accepted resolutions return the same object and
 * allocate nothing.
 */
public final class CheckoutContext {
    private final TerminalProfile terminal;
    private final MerchantProfile merchant;
    private final TerminalHealth health;
    private final ConcurrentHashMap<PaymentMethod, CapabilityVerdict> cleanVerdicts = new ConcurrentHashMap<>();
    /** The terminal's certification under the policy it was looked up in; racy but immutable: safe. */
    private volatile CertificationMemo certification;

    private record CertificationMemo(CapabilityPolicy policy, TerminalCertification certification) {
    }

    /**
     * @param terminal the terminal
     * @param merchant the merchant
     * @param health the terminal's latest health ({@link TerminalHealth#HEALTHY} if unknown)
     */
    public CheckoutContext(TerminalProfile terminal, MerchantProfile merchant, TerminalHealth health) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.health = Objects.requireNonNull(health, "health");
    }

    /** @return a context for a terminal whose health is not known to be bad */
    public static CheckoutContext of(TerminalProfile terminal, MerchantProfile merchant) {
        return new CheckoutContext(terminal, merchant, TerminalHealth.HEALTHY);
    }

    /** @return the terminal */
    public TerminalProfile terminal() {
        return terminal;
    }

    /** @return the merchant */
    public MerchantProfile merchant() {
        return merchant;
    }

    /** @return the terminal's health */
    public TerminalHealth health() {
        return health;
    }

    /** @return the same terminal and merchant with new health */
    public CheckoutContext withHealth(TerminalHealth newHealth) {
        return new CheckoutContext(terminal, merchant, newHealth);
    }

    TerminalCertification certificationOrNull(CapabilityPolicy policy) {
        CertificationMemo memo = certification;
        if (memo == null || memo.policy() != policy) {
            memo = new CertificationMemo(policy, policy.certificationOrNull(terminal));
            certification = memo;
        }
        return memo.certification();
    }

    CapabilityVerdict cachedCleanVerdict(PaymentMethod method) {
        return cleanVerdicts.get(method);
    }

    void cacheCleanVerdict(PaymentMethod method, CapabilityVerdict verdict) {
        cleanVerdicts.put(method, verdict);
    }

    @Override
    public String toString() {
        return "CheckoutContext[" + terminal.displayName() + " / " + merchant.id() + "]";
    }
}
