package dev.tenderkit.core.capability;

import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.health.TerminalHealth;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.LocalDate;

/**
 * What a {@link CapabilityRule} is asked about: one method, for one context, possibly one channel
 * and one amount, under one policy snapshot, at one instant.
 *
 * <p>The resolver reuses query objects: a rule must not keep a reference to one after
 * {@link CapabilityRule#evaluate} returns, nor use it from another thread.
 */
public interface CapabilityQuery {

    /** @return the policy snapshot this resolution uses (stable for the whole resolution) */
    CapabilityPolicy policy();

    /** @return the checkout context */
    CheckoutContext context();

    /** @return the terminal */
    default TerminalProfile terminal() {
        return context().terminal();
    }

    /** @return the merchant */
    default MerchantProfile merchant() {
        return context().merchant();
    }

    /** @return the terminal's health */
    default TerminalHealth health() {
        return context().health();
    }

    /**
     * @return the method being checked: the method resolved, or one of its ancestors while the
     *     rules check what it inherits (a rule reports about whichever method this is)
     */
    PaymentMethod method();

    /**
     * @return the policy's requirements for the method, or {@code null} when it sets none (looked
     *     up once per resolution however many rules ask)
     */
    default MethodRequirements requirementsOrNull() {
        return policy().requirementsOrNull(method());
    }

    /**
     * @return the policy's certification of this terminal's brand/model, or {@code null} when it has
     *     none (remembered per context and policy, so rules need not repeat the lookup)
     */
    default TerminalCertification certificationOrNull() {
        return policy().certificationOrNull(terminal());
    }

    /** @return whether an amount was given; when not, rules about amounts do not apply */
    boolean hasAmount();

    /**
     * @return the amount
     * @throws IllegalStateException when {@link #hasAmount()} is false
     */
    Money amount();

    /**
     * @return the channel being checked
     * @throws IllegalStateException for a {@link RuleScope#METHOD} rule
     */
    ChannelProfile channel();

    /**
     * @return how the channel being checked offers the method, or {@code null} when it doesn't
     *     (looked up once per channel however many rules ask)
     * @throws IllegalStateException for a {@link RuleScope#METHOD} rule
     */
    default dev.tenderkit.core.channel.ChannelOffering offeringOrNull() {
        return channel().offeringOrNull(method());
    }

    /** @return the resolution instant, epoch milliseconds (from the resolver's clock) */
    long nowMillis();

    /** @return today's date in the business time zone, as an epoch day (no allocation) */
    long businessEpochDay();

    /** @return today's date in the business time zone */
    default LocalDate businessDate() {
        return LocalDate.ofEpochDay(businessEpochDay());
    }
}
