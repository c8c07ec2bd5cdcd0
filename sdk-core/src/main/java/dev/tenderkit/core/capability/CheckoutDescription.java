package dev.tenderkit.core.capability;

import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * A described checkout, as read from a description file: a label, the context, and optionally the
 * amount to diagnose for.
 *
 * @param label what the description is, e.g. "Sunmi P2 with outdated software"
 * @param context terminal, merchant and health
 * @param amount the amount to resolve the matrix for, if the description names one
 */
public record CheckoutDescription(String label, CheckoutContext context, Optional<Money> amount) {
    /** Validates. */
    public CheckoutDescription {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(amount, "amount");
    }
}
