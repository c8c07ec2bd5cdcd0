package dev.tenderkit.core.capability;

import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * The verdict for every known payment method on one terminal for one merchant: what a checkout
 * screen shows. Immutable.
 *
 * @param context the context resolved
 * @param amount the amount resolved for, if one was given
 * @param verdicts one verdict per method, in registry order
 */
public record CapabilityMatrix(CheckoutContext context, Optional<Money> amount, List<CapabilityVerdict> verdicts) {

    /** Copies. */
    public CapabilityMatrix {
        verdicts = List.copyOf(verdicts);
    }

    /** @return the methods that can be taken */
    public List<PaymentMethod> acceptedMethods() {
        return verdicts.stream().filter(CapabilityVerdict::isAccepted).map(CapabilityVerdict::method).toList();
    }

    /** @return the verdicts of refused methods */
    public List<CapabilityVerdict> refused() {
        return verdicts.stream().filter(v -> !v.isAccepted()).toList();
    }

    /** @return the verdict for the method, if it was resolved */
    public Optional<CapabilityVerdict> verdict(PaymentMethod method) {
        return verdicts.stream().filter(v -> v.method().equals(method)).findFirst();
    }
}
