package dev.tenderkit.core.money;

import static dev.tenderkit.core.internal.InputText.describe;
import static dev.tenderkit.core.internal.InputText.isSpace;
import static dev.tenderkit.core.internal.InputText.quote;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of CNY in fen (分, 0.01 yuan): what a buyer pays, a fee, a refund, a limit.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>Units.</b> {@link #fen()} is a whole number of fen. There is no scale, no currency
 *       other than CNY, and no binary floating point anywhere: parsing, arithmetic and formatting
 *       are exact integer operations.
 *   <li><b>Range.</b> An amount is never negative and never above {@link #MAX_FEN}. Every factory
 *       and every operation that would leave that range throws {@link InvalidInputException} with
 *       {@link ErrorCode#INVALID_AMOUNT} instead of returning a wrong number.
 *   <li><b>Text.</b> {@link #toPlainString()} always prints two decimals ({@code "88.00"}) and
 *       {@link #parse(String)} reads it back to the same amount, for every amount.
 *   <li><b>Values.</b> Immutable and safe to share between threads; equality, hash code and order
 *       are those of {@link #fen()}. No method accepts or returns {@code null}: a {@code null}
 *       argument other than the text given to {@link #parse(String)} throws
 *       {@link NullPointerException}.
 * </ul>
 *
 * @param fen the amount in fen, {@code 0 <= fen <= MAX_FEN}
 */
public record Money(long fen) implements Comparable<Money> {

    /**
     * The largest amount TenderKit accepts: 1,000,000,000,000 fen, i.e. 10,000,000,000.00 yuan.
     * Nothing a point of sale takes comes near it, and the bound keeps {@code fen × rate} inside a
     * {@code long} for any rate expressed in parts per million up to 100% (10<sup>12</sup> ×
     * 10<sup>6</sup> = 10<sup>18</sup> &lt; {@link Long#MAX_VALUE}), so fee arithmetic on a
     * {@code Money} can never overflow.
     */
    public static final long MAX_FEN = 1_000_000_000_000L;

    /** No money: 0 fen. */
    public static final Money ZERO = new Money(0);

    private static final long FEN_PER_YUAN = 100;
    private static final long MAX_YUAN = MAX_FEN / FEN_PER_YUAN;
    private static final String DEFAULT_FIELD = "amount";
    private static final String EXPECTED = "expected yuan with at most two decimals, like \"88\", \"88.00\" or \"0.01\"";
    /** Longest input quoted in full in an error message; longer input is cut short. */

    /**
     * Checks the range.
     *
     * @param fen the amount in fen
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}, field {@code "amount"}) if
     *     {@code fen} is negative or above {@link #MAX_FEN}
     */
    public Money {
        if (fen < 0) {
            throw new InvalidInputException(ErrorCode.INVALID_AMOUNT, DEFAULT_FIELD,
                    fen + " fen is negative; an amount is between 0 and " + MAX_FEN + " fen");
        }
        if (fen > MAX_FEN) {
            throw new InvalidInputException(ErrorCode.INVALID_AMOUNT, DEFAULT_FIELD,
                    fen + " fen is above the maximum of " + MAX_FEN + " fen (" + MAX_YUAN + ".00 yuan)");
        }
    }

    /**
     * @param fen the amount in fen
     * @return that amount
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}) if {@code fen} is negative
     *     or above {@link #MAX_FEN}
     */
    public static Money ofFen(long fen) {
        return fen == 0 ? ZERO : new Money(fen);
    }

    /**
     * @param yuan a whole number of yuan
     * @return that amount, {@code yuan × 100} fen
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}) if {@code yuan} is negative
     *     or above {@code MAX_FEN / 100}
     */
    public static Money ofYuan(long yuan) {
        if (yuan < 0 || yuan > MAX_YUAN) {
            throw new InvalidInputException(ErrorCode.INVALID_AMOUNT, DEFAULT_FIELD,
                    yuan + " yuan is outside 0 to " + MAX_YUAN + " yuan");
        }
        return ofFen(Math.multiplyExact(yuan, FEN_PER_YUAN));
    }

    /**
     * Reads an amount written in yuan, strictly: ASCII digits without a leading zero (a lone
     * {@code "0"} is fine), optionally followed by {@code '.'} and one or two digits. Accepted:
     * {@code "88"}, {@code "88.0"}, {@code "88.00"}, {@code "0.01"}, {@code "0"}. Rejected: signs,
     * whitespace anywhere, a leading or trailing {@code '.'}, more than two decimals, leading
     * zeros, digit grouping, exponents, currency signs, non-ASCII digits, and amounts above
     * {@link #MAX_FEN}. Input of any length fails cleanly; nothing overflows.
     *
     * @param yuan the text, e.g. from a cashier's entry or a JSON document; {@code null} is
     *     rejected like any other bad input
     * @return the amount
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}, field {@code "amount"}) with
     *     a message that quotes the input and says what is wrong with it
     */
    public static Money parse(String yuan) {
        return parse(yuan, DEFAULT_FIELD);
    }

    /**
     * As {@link #parse(String)}, and additionally rejects zero. Errors name {@code field}.
     *
     * @param yuan the text
     * @param field the name of the input, for error messages, e.g. {@code "refundAmount"}
     * @return the amount, more than zero
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}, field {@code field}) if the
     *     text is not an amount or is zero
     */
    public static Money parsePositive(String yuan, String field) {
        Objects.requireNonNull(field, "field");
        return parse(yuan, field).requirePositive(field);
    }

    private static Money parse(String text, String field) {
        if (text == null) {
            throw invalid(field, "is missing (null); " + EXPECTED);
        }
        int n = text.length();
        if (n == 0) {
            throw invalid(field, "\"\" is empty; " + EXPECTED);
        }
        if (text.isBlank()) {
            throw invalid(field, quote(text) + " is blank; " + EXPECTED);
        }
        if (isSpace(text.charAt(0)) || isSpace(text.charAt(n - 1))) {
            throw invalid(field, quote(text) + " has leading or trailing whitespace; " + EXPECTED);
        }
        char first = text.charAt(0);
        if (first == '+' || first == '-') {
            throw invalid(field, quote(text) + " has a sign; an amount is never negative and is written without '"
                    + first + "'");
        }
        int dot = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (dot >= 0) {
                    throw invalid(field, quote(text) + " has a second '.' at position " + (i + 1) + "; " + EXPECTED);
                }
                dot = i;
            } else if (c < '0' || c > '9') {
                throw invalid(field, quote(text) + " has " + describe(c) + " at position " + (i + 1) + "; "
                        + hintFor(c) + EXPECTED);
            }
        }
        int integerDigits = dot < 0 ? n : dot;
        int decimals = dot < 0 ? 0 : n - dot - 1;
        if (integerDigits == 0) {
            throw invalid(field, quote(text) + " has no digits before the decimal point; "
                    + (decimals == 1 || decimals == 2 ? "write \"0" + text + "\"" : EXPECTED));
        }
        if (dot >= 0 && decimals == 0) {
            throw invalid(field, quote(text) + " has no digits after the decimal point; " + EXPECTED);
        }
        if (decimals > 2) {
            throw invalid(field, quote(text) + " has " + decimals
                    + " decimals; an amount has at most two (fen is the smallest unit)");
        }
        if (integerDigits > 1 && text.charAt(0) == '0') {
            throw invalid(field, quote(text) + " has a leading zero; " + EXPECTED);
        }
        long yuan = 0;
        for (int i = 0; i < integerDigits; i++) {
            // yuan <= MAX_YUAN (10^10) here, so yuan * 10 + 9 cannot overflow.
            yuan = yuan * 10 + (text.charAt(i) - '0');
            if (yuan > MAX_YUAN) {
                throw aboveMaximum(field, text);
            }
        }
        long fraction = 0;
        for (int i = 0; i < 2; i++) {
            int digit = i < decimals ? text.charAt(dot + 1 + i) - '0' : 0;
            fraction = fraction * 10 + digit;
        }
        long fen = yuan * FEN_PER_YUAN + fraction;
        if (fen > MAX_FEN) {
            throw aboveMaximum(field, text);
        }
        return ofFen(fen);
    }

    /**
     * @param field the name of the input, for the error message
     * @return this amount, if it is more than zero
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}, field {@code field}) if this
     *     amount is zero
     */
    public Money requirePositive(String field) {
        Objects.requireNonNull(field, "field");
        if (fen == 0) {
            throw invalid(field, "is 0.00, zero where not allowed; a positive amount is required");
        }
        return this;
    }

    /**
     * @param other the amount to add
     * @return {@code this + other}
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}) if the sum is above
     *     {@link #MAX_FEN}
     */
    public Money plus(Money other) {
        Objects.requireNonNull(other, "other");
        long sum = Math.addExact(fen, other.fen); // both <= MAX_FEN, so this cannot overflow
        if (sum > MAX_FEN) {
            throw invalid(DEFAULT_FIELD, this + " plus " + other + " is above the maximum of " + MAX_YUAN + ".00 yuan");
        }
        return ofFen(sum);
    }

    /**
     * @param other the amount to subtract
     * @return {@code this - other}
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}) if {@code other} is more
     *     than this amount, since the result would be negative
     */
    public Money minus(Money other) {
        Objects.requireNonNull(other, "other");
        if (other.fen > fen) {
            throw invalid(DEFAULT_FIELD, this + " minus " + other + " would be negative");
        }
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    /**
     * @param factor how many times this amount, e.g. a quantity
     * @return {@code this × factor}
     * @throws InvalidInputException ({@link ErrorCode#INVALID_AMOUNT}) if {@code factor} is
     *     negative (field {@code "factor"}) or the product is above {@link #MAX_FEN}
     */
    public Money times(long factor) {
        if (factor < 0) {
            throw invalid("factor", factor + " is negative; an amount can only be multiplied by 0 or more");
        }
        // For positive integers, fen * factor <= MAX_FEN exactly when fen <= floor(MAX_FEN / factor).
        if (factor != 0 && fen > MAX_FEN / factor) {
            throw invalid(DEFAULT_FIELD, this + " times " + factor + " is above the maximum of " + MAX_YUAN
                    + ".00 yuan");
        }
        return ofFen(Math.multiplyExact(fen, factor));
    }

    /** @return whether this amount is 0 fen */
    public boolean isZero() {
        return fen == 0;
    }

    /** @return whether this amount is more than 0 fen */
    public boolean isPositive() {
        return fen > 0;
    }

    /**
     * @param other the amount to compare with
     * @return whether this amount is strictly more than {@code other}
     */
    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    /**
     * @param other the amount to compare with
     * @return whether this amount is strictly less than {@code other}
     */
    public boolean isLessThan(Money other) {
        return fen < other.fen;
    }

    /**
     * @param other the amount to compare with
     * @return the smaller of the two; this one if they are equal
     */
    public Money min(Money other) {
        return other.fen < fen ? other : this;
    }

    /**
     * @param other the amount to compare with
     * @return the larger of the two; this one if they are equal
     */
    public Money max(Money other) {
        return other.fen > fen ? other : this;
    }

    /** Orders amounts by {@link #fen()}. */
    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /**
     * @return the amount in yuan with exactly two decimals and no grouping, e.g. {@code "88.00"},
     *     {@code "0.05"}, {@code "1234567.80"}; {@link #parse(String)} reads it back
     */
    public String toPlainString() {
        long cents = fen % FEN_PER_YUAN;
        StringBuilder sb = new StringBuilder(16).append(fen / FEN_PER_YUAN).append('.');
        if (cents < 10) {
            sb.append('0');
        }
        return sb.append(cents).toString();
    }

    /** @return the amount for people, with the yuan sign: {@code "¥88.00"} */
    public String toDisplayString() {
        return '\u00A5' + toPlainString();
    }

    /** @return the same as {@link #toPlainString()}, so logs and messages show {@code "88.00"} */
    @Override
    public String toString() {
        return toPlainString();
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException(ErrorCode.INVALID_AMOUNT, field, problem);
    }

    private static InvalidInputException aboveMaximum(String field, String text) {
        return invalid(field, quote(text) + " is above the maximum of " + MAX_YUAN + ".00 yuan");
    }

    private static String hintFor(char c) {
        if (c == ',' || c == '_' || c == '\'' || isSpace(c)) {
            return "digit grouping is not allowed; ";
        }
        if (c == 'e' || c == 'E') {
            return "exponents are not allowed; ";
        }
        if (c == '\u00A5' || c == '\uFFE5' || c == '$') {
            return "write the amount without a currency sign; ";
        }
        if (Character.isDigit(c)) {
            return "only ASCII digits 0-9 are allowed; ";
        }
        return "";
    }
}
