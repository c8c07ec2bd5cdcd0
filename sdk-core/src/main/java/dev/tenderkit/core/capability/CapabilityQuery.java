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

    /** @return the method being resolved */
    PaymentMethod method();

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

    /** @return the resolution instant, epoch milliseconds (from the resolver's clock) */
    long nowMillis();

    /** @return today's date in the business time zone, as an epoch day (no allocation) */
    long businessEpochDay();

    /** @return today's date in the business time zone */
    default LocalDate businessDate() {
        return LocalDate.ofEpochDay(businessEpochDay());
    }
}
