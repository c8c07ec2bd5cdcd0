package dev.tenderkit.core.capability;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform policy requires of a terminal and a transaction before a payment method may
 * be used, independently of the channel.
 *
 * @param method the method
 * @param certificationRequired whether the terminal's brand/model software must be certified for
 *     the method (see {@link TerminalCertification})
 * @param requiredSettings terminal settings that must be configured, e.g. {@code alipay.app_id}
 * @param minAmount smallest amount, if limited (e.g. an installment minimum)
 * @param maxAmount largest amount, if limited
 */
public record MethodRequirements(PaymentMethod method, boolean certificationRequired, List<String> requiredSettings,
        Optional<Money> minAmount, Optional<Money> maxAmount) {

    /** Validates and copies. */
    public MethodRequirements {
        Objects.requireNonNull(method, "method");
        requiredSettings = List.copyOf(requiredSettings);
        Objects.requireNonNull(minAmount, "minAmount");
        Objects.requireNonNull(maxAmount, "maxAmount");
        if (minAmount.isPresent() && maxAmount.isPresent() && minAmount.get().isGreaterThan(maxAmount.get())) {
            throw new InvalidInputException("minAmount", "minimum " + minAmount.get() + " is above maximum "
                    + maxAmount.get() + " for " + method.id());
        }
    }
}
