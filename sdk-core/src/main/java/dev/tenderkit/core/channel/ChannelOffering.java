package dev.tenderkit.core.channel;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * One payment method as a channel offers it: whether the merchant must be qualified for the
 * method's product on this channel first, and the channel's own per-transaction amount limits.
 *
 * @param method the method offered
 * @param qualificationRequired whether the merchant needs an approved review of
 *     {@code method.product()} on this channel
 * @param minAmount smallest amount the channel takes for this method, if limited
 * @param maxAmount largest amount the channel takes for this method, if limited
 */
public record ChannelOffering(PaymentMethod method, boolean qualificationRequired, Optional<Money> minAmount,
        Optional<Money> maxAmount) {

    /** Validates. */
    public ChannelOffering {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(minAmount, "minAmount");
        Objects.requireNonNull(maxAmount, "maxAmount");
        if (minAmount.isPresent() && maxAmount.isPresent() && minAmount.get().isGreaterThan(maxAmount.get())) {
            throw new InvalidInputException("minAmount", "minimum " + minAmount.get() + " is above maximum "
                    + maxAmount.get() + " for " + method.id());
        }
    }

    /** @return an offering with no amount limits */
    public static ChannelOffering of(PaymentMethod method, boolean qualificationRequired) {
        return new ChannelOffering(method, qualificationRequired, Optional.empty(), Optional.empty());
    }
}
