package dev.tenderkit.core.fee;

import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * What a settlement speed costs on top of the processing fee: a percentage of the whole payment
 * amount plus a fixed amount per payment. It is not reduced by a promotional waiver and not
 * limited by the processing fee's minimum or cap. Immutable.
 *
 * @param rate percentage of the payment amount
 * @param fixed fixed amount per payment, in fen
 */
public record SettlementSurcharge(FeeRate rate, Money fixed) {
    /** No surcharge. */
    public static final SettlementSurcharge NONE = new SettlementSurcharge(FeeRate.ZERO, Money.ZERO);

    /** Validates. */
    public SettlementSurcharge {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(fixed, "fixed");
    }

    /** @return a surcharge of a percentage only */
    public static SettlementSurcharge ofRate(FeeRate rate) {
        return new SettlementSurcharge(rate, Money.ZERO);
    }
}
