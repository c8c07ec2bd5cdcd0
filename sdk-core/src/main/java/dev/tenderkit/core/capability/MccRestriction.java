package dev.tenderkit.core.capability;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.method.PaymentMethod;
import java.util.Objects;
import java.util.Set;

/**
 * A policy rule that merchants in a range of merchant category codes may not take some methods
 * (for example: no consumer credit for pawn shops or lotteries).
 *
 * @param fromMcc first MCC of the range, 0..9999
 * @param toMcc last MCC of the range, inclusive
 * @param deniedMethods methods refused to these merchants
 * @param denyCredit whether every credit method ({@link PaymentMethod#isCredit()}) is refused too
 * @param reason why, as shown to the merchant
 */
public record MccRestriction(int fromMcc, int toMcc, Set<PaymentMethod> deniedMethods, boolean denyCredit,
        LocalizedText reason) {

    /** Validates and copies. */
    public MccRestriction {
        if (fromMcc < 0 || fromMcc > 9999 || toMcc < fromMcc || toMcc > 9999) {
            throw new InvalidInputException("mcc", "MCC range must be within 0000..9999 and ordered, got "
                    + fromMcc + ".." + toMcc);
        }
        deniedMethods = Set.copyOf(deniedMethods);
        if (deniedMethods.isEmpty() && !denyCredit) {
            throw new InvalidInputException("deny", "an MCC restriction must deny some method or credit");
        }
        Objects.requireNonNull(reason, "reason");
    }

    /** @return whether this restriction refuses the method */
    public boolean denies(PaymentMethod method) {
        return (denyCredit && method.isCredit()) || deniedMethods.contains(method);
    }

    /** @return the range as {@code 5933} or {@code 7990-7999} */
    public String rangeText() {
        return fromMcc == toMcc ? String.format("%04d", fromMcc) : String.format("%04d-%04d", fromMcc, toMcc);
    }
}
