package dev.tenderkit.core.fee;

/**
 * How a fee that falls between two fen is rounded to a whole fen. A schedule version names one;
 * {@link #HALF_UP} is the default. Every fee TenderKit computes is a non-negative exact fraction
 * {@code numerator / denominator}; the modes differ only in what they do with the remainder.
 *
 * <p>For non-negative values {@link #UP} equals {@link java.math.RoundingMode#CEILING} and
 * {@link #DOWN} equals {@link java.math.RoundingMode#FLOOR}; each constant gives the same result as
 * the {@link java.math.RoundingMode} of the same name applied to the exact quotient.
 */
public enum FeeRounding {
    /** To the nearest fen; exactly half a fen rounds up (四舍五入). The default. */
    HALF_UP,
    /** To the nearest fen; exactly half a fen rounds to the even fen (banker's rounding). */
    HALF_EVEN,
    /** Any part of a fen counts as a whole fen (in the acquirer's favour). */
    UP,
    /** Any part of a fen is dropped (in the merchant's favour). */
    DOWN;

    /**
     * Divides and rounds, exactly.
     *
     * @param numerator at least 0
     * @param denominator more than 0, at most {@code Long.MAX_VALUE / 2}
     * @return {@code numerator / denominator} rounded by this mode
     */
    long divide(long numerator, long denominator) {
        long quotient = numerator / denominator;
        long remainder = numerator % denominator;
        if (remainder == 0) {
            return quotient;
        }
        // remainder < denominator <= Long.MAX_VALUE / 2, so twice it cannot overflow.
        long twice = remainder * 2;
        return switch (this) {
            case HALF_UP -> twice >= denominator ? quotient + 1 : quotient;
            case HALF_EVEN -> twice > denominator || twice == denominator && (quotient & 1) == 1
                    ? quotient + 1 : quotient;
            case UP -> quotient + 1;
            case DOWN -> quotient;
        };
    }
}
