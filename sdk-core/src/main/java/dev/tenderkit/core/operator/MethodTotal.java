package dev.tenderkit.core.operator;

import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * A count and a sum of money, for one line of a {@link ShiftReport}. Immutable. Money in fen.
 *
 * @param count how many
 * @param total their amount
 */
public record MethodTotal(long count, Money total) {
    /** Nothing yet. */
    public static final MethodTotal NONE = new MethodTotal(0, Money.ZERO);

    /** Validates. */
    public MethodTotal {
        Objects.requireNonNull(total, "total");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }

    /** @return this with one more of {@code amount} */
    public MethodTotal plus(Money amount) {
        return new MethodTotal(count + 1, total.plus(amount));
    }
}
