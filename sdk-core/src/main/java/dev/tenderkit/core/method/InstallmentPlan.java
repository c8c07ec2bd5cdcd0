package dev.tenderkit.core.method;

import dev.tenderkit.core.InvalidInputException;
import java.util.Objects;

/**
 * An installment plan requested for a payment.
 *
 * @param periods number of installments, e.g. 3, 6 or 12 (the gateway's rules decide which are allowed)
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
