package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * A percentage of an amount, held exactly as a whole number of parts per million (ppm): 0.38% is
 * 3,800 ppm, 4.5% is 45,000 ppm, 100% is 1,000,000 ppm. There is no binary floating point: a rate
 * is parsed from text digit by digit and applied to an amount with integer arithmetic, so
 * {@code 0.38% × 88.00} is exactly 0.3344 yuan before rounding.
 *
 * <p>The range is 0 to 100% inclusive. With {@link Money#MAX_FEN} at 10<sup>12</sup> fen, the
 * product of an amount in fen and a rate in ppm is at most 10<sup>18</sup> and never overflows a
 * {@code long}. A rate finer than one ppm (0.0001%) cannot be written: parsing refuses it rather
 * than rounding a contract term. Immutable.
 *
 * @param ppm parts per million, {@code 0 <= ppm <= 1_000_000}
 */
public record FeeRate(long ppm) implements Comparable<FeeRate> {
    /** One million ppm: the whole amount. */
    public static final long PPM_PER_WHOLE = 1_000_000L;
    /** No fee. */
    public static final FeeRate ZERO = new FeeRate(0);

    private static final String EXPECTED = "expected a percentage such as \"0.38%\" (at most 4 decimals) or a "
            + "fraction such as \"0.0038\" (at most 6 decimals), between 0 and 100%";

    /**
     * Checks the range.
     *
     * @throws InvalidInputException (field {@code "rate"}) if {@code ppm} is negative or above 100%
     */
    public FeeRate {
        if (ppm < 0 || ppm > PPM_PER_WHOLE) {
            throw new InvalidInputException("rate", ppm + " ppm is outside 0 to " + PPM_PER_WHOLE + " ppm (0 to 100%)");
        }
    }

    /**
     * @param ppm parts per million
     * @return the rate
     */
    public static FeeRate ofPpm(long ppm) {
        return ppm == 0 ? ZERO : new FeeRate(ppm);
    }

    /**
     * Reads a rate strictly. Two forms, both plain ASCII without sign, spaces, grouping or
     * exponent, without a leading zero before other digits, and with digits on both sides of any
     * decimal point:
     *
     * <ul>
     *   <li>a percentage ending in {@code %}: {@code "0.38%"}, {@code "4.5%"}, {@code "100%"}; at
     *       most four decimals ({@code "0.3825%"});
     *   <li>a fraction of the amount: {@code "0.0038"}, {@code "0.045"}, {@code "1"}; at most six
     *       decimals.
     * </ul>
     *
     * Beware that the two forms differ by a factor of 100: {@code "0.38"} is 38%, not 0.38%.
     * Schedules are clearer written with {@code %}.
     *
     * @param text the rate as written
     * @return the rate
     * @throws InvalidInputException (field {@code "rate"}) naming what is wrong with the text
     */
    public static FeeRate parse(String text) {
        return parse(text, "rate");
    }

    /**
     * As {@link #parse(String)}, naming {@code field} in errors.
     *
     * @param text the rate as written
     * @param field the name of the input, e.g. {@code "installment.rate"}
     * @return the rate
     */
    public static FeeRate parse(String text, String field) {
        Objects.requireNonNull(field, "field");
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(field, "is empty; " + EXPECTED);
        }
        boolean percent = text.charAt(text.length() - 1) == '%';
        String digits = percent ? text.substring(0, text.length() - 1) : text;
        int maxDecimals = percent ? 4 : 6;
        if (digits.isEmpty()) {
            throw invalid(field, text, "has no digits");
        }
        char first = digits.charAt(0);
        if (first == '-') {
            throw invalid(field, text, "is negative; a fee rate is 0 or more");
        }
        if (first == '+') {
            throw invalid(field, text, "has a sign");
        }
        int dot = -1;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '.') {
                if (dot >= 0) {
                    throw invalid(field, text, "has a second '.'");
                }
                dot = i;
            } else if (c < '0' || c > '9') {
                throw invalid(field, text, "has '" + c + "' at position " + (i + 1));
            }
        }
        int integerDigits = dot < 0 ? digits.length() : dot;
        int decimals = dot < 0 ? 0 : digits.length() - dot - 1;
        if (integerDigits == 0) {
            throw invalid(field, text, "has no digits before the decimal point");
        }
        if (dot >= 0 && decimals == 0) {
            throw invalid(field, text, "has no digits after the decimal point");
        }
        if (integerDigits > 1 && digits.charAt(0) == '0') {
            throw invalid(field, text, "has a leading zero");
        }
        if (decimals > maxDecimals) {
            throw invalid(field, text, "has " + decimals + " decimals; rates are held in parts per million, so a "
                    + (percent ? "percentage has at most 4" : "fraction has at most 6"));
        }
        if (integerDigits > 3) {
            throw invalid(field, text, "is above 100%");
        }
        long whole = Long.parseLong(digits.substring(0, integerDigits));
        long scaledFraction = 0;
        for (int i = 0; i < maxDecimals; i++) {
            int digit = i < decimals ? digits.charAt(dot + 1 + i) - '0' : 0;
            scaledFraction = scaledFraction * 10 + digit;
        }
        long unit = percent ? 10_000L : PPM_PER_WHOLE; // ppm per percent point, or per whole
        long ppm = whole * unit + scaledFraction;
        if (ppm > PPM_PER_WHOLE) {
            throw invalid(field, text, "is above 100%");
        }
        return ofPpm(ppm);
    }

    private static InvalidInputException invalid(String field, String text, String problem) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return new InvalidInputException(field, "\"" + shown + "\" " + problem + "; " + EXPECTED);
    }

    /** @return whether this rate is 0 */
    public boolean isZero() {
        return ppm == 0;
    }

    /**
     * Applies the rate to an amount, exactly, then rounds to the fen.
     *
     * @param amountFen an amount in fen, {@code 0 <= amountFen <= Money.MAX_FEN}
     * @param rounding how to round the exact product
     * @return {@code amountFen × ppm / 1,000,000} rounded, in fen; never more than {@code amountFen}
     */
    long applyToFen(long amountFen, FeeRounding rounding) {
        return rounding.divide(amountFen * ppm, PPM_PER_WHOLE);
    }

    /**
     * @param amount the amount the rate applies to
     * @param rounding how to round
     * @return the fee, rounded to the fen
     */
    public Money applyTo(Money amount, FeeRounding rounding) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        return Money.ofFen(applyToFen(amount.fen(), rounding));
    }

    /** @return the rate as a percentage without trailing zeros, e.g. {@code "0.38%"}, {@code "4.5%"}, {@code "0%"} */
    public String toPercentString() {
        long whole = ppm / 10_000;
        long fraction = ppm % 10_000;
        if (fraction == 0) {
            return whole + "%";
        }
        StringBuilder digits = new StringBuilder(String.valueOf(fraction + 10_000).substring(1));
        while (digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
        }
        return whole + "." + digits + "%";
    }

    /** Orders rates by size. */
    @Override
    public int compareTo(FeeRate other) {
        return Long.compare(ppm, other.ppm);
    }

    /** @return {@link #toPercentString()}; {@link #parse(String)} reads it back */
    @Override
    public String toString() {
        return toPercentString();
    }
}
