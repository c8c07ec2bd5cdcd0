package dev.tenderkit.core.fee;

import java.util.Objects;

/**
 * The installment service fee of an installment method (e.g. Huabei in 6 installments at 4.5%): a
 * percentage of the payment amount, and who bears it unless a payment says otherwise. The fee is
 * not reduced by a promotional waiver and not limited by the processing fee's minimum or cap.
 * Immutable.
 *
 * @param rate percentage of the payment amount, for the method's number of installments
 * @param defaultShare who bears it when the quote request does not choose
 */
public record InstallmentFees(FeeRate rate, InstallmentFeeShare defaultShare) {
    /** Validates. */
    public InstallmentFees {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(defaultShare, "defaultShare");
    }
}
