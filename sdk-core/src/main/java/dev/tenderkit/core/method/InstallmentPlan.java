package dev.tenderkit.core.method;

import dev.tenderkit.core.InvalidInputException;
import java.util.Objects;

/**
 * An installment plan requested for a payment: a parameter of the request, not a method of its
 * own. Which plans a wallet offers is its installment methods in the {@link PaymentMethodRegistry}
 * ({@link PaymentMethodRegistry#creditMethodOf(Wallet, int)} is the method a plan means); the
 * capability resolver refuses any other plan.
 *
 * @param periods number of installments, e.g. 6
 * @param feeBearer who pays the installment fee
 */
public record InstallmentPlan(int periods, FeeBearer feeBearer) {
    /** Validates. */
    public InstallmentPlan {
        if (periods < 2 || periods > 60) {
            throw new InvalidInputException("periods", "installments must be 2..60, got " + periods);
        }
        Objects.requireNonNull(feeBearer, "feeBearer");
    }
}
