package dev.tenderkit.core.method;

import dev.tenderkit.core.InvalidInputException;
import java.util.List;

/**
 * How to recognise one wallet's payment codes (付款码): all-digit codes that start with one of
 * {@link #prefixes()} and are {@link #minLength()} to {@link #maxLength()} digits long. A
 * {@link PaymentCodeClassifier} holds a set of these that never overlap.
 *
 * <p>Immutable and thread-safe; {@link #prefixes()} is an unmodifiable copy. No component is
 * {@code null}.
 *
 * @param wallet the wallet that issues matching codes
 * @param label the name people know the code by, used in error messages, e.g. {@code "Alipay"}
 * @param prefixes the leading digits a code may start with, e.g. {@code ["25", "26"]}; at least
 *     one, each one or more ASCII digits and no longer than {@code maxLength}, no duplicates
 * @param minLength the fewest digits a code has, at least 1
 * @param maxLength the most digits a code has, from {@code minLength} to {@value #MAX_CODE_LENGTH}
 */
public record PaymentCodeRule(Wallet wallet, String label, List<String> prefixes, int minLength, int maxLength) {

    /** The longest payment code a rule may describe. */
    public static final int MAX_CODE_LENGTH = 64;

    /**
     * Validates every component.
     *
     * @param wallet the wallet that issues matching codes
     * @param label the name used in error messages
     * @param prefixes the leading digits a code may start with
     * @param minLength the fewest digits a code has
     * @param maxLength the most digits a code has
     * @throws InvalidInputException ({@link dev.tenderkit.core.ErrorCode#INVALID_ARGUMENT}) naming
     *     the component that is missing or out of range
     */
    public PaymentCodeRule {
        if (wallet == null) {
            throw new InvalidInputException("wallet", "is required");
        }
        if (label == null || label.isBlank()) {
            throw new InvalidInputException("label", "is required: the name shown in error messages, e.g. \"Alipay\"");
        }
        if (minLength < 1 || minLength > MAX_CODE_LENGTH) {
            throw new InvalidInputException("minLength", minLength + " for " + label + " is outside 1 to "
                    + MAX_CODE_LENGTH);
        }
        if (maxLength < minLength || maxLength > MAX_CODE_LENGTH) {
            throw new InvalidInputException("maxLength", maxLength + " for " + label + " is outside minLength ("
                    + minLength + ") to " + MAX_CODE_LENGTH);
        }
        if (prefixes == null || prefixes.isEmpty()) {
            throw new InvalidInputException("prefixes", "none given for " + label + "; a rule needs at least one");
        }
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            if (prefix == null || prefix.isEmpty() || !isAllAsciiDigits(prefix)) {
                throw new InvalidInputException("prefixes", "entry " + (i + 1) + " for " + label + " is "
                        + (prefix == null ? "null" : "\"" + prefix + "\"") + "; a prefix is one or more ASCII digits");
            }
            if (prefix.length() > maxLength) {
                throw new InvalidInputException("prefixes", "\"" + prefix + "\" for " + label + " is longer than maxLength ("
                        + maxLength + "), so it could never match");
            }
            if (prefixes.subList(0, i).contains(prefix)) {
                throw new InvalidInputException("prefixes", "\"" + prefix + "\" is listed twice for " + label);
            }
        }
        prefixes = List.copyOf(prefixes);
    }

    /**
     * @param code any text; may be {@code null}
     * @return whether {@code code} is all ASCII digits, within the length range and starts with one
     *     of the prefixes
     */
    public boolean matches(CharSequence code) {
        if (code == null || !acceptsLength(code.length())) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return startsWithPrefix(code);
    }

    /** Whether a code of {@code length} digits is within this rule's range. */
    boolean acceptsLength(int length) {
        return length >= minLength && length <= maxLength;
    }

    /** Whether {@code code} starts with one of the prefixes. Index loop: allocates nothing. */
    boolean startsWithPrefix(CharSequence code) {
        return matchingPrefix(code) >= 0;
    }

    /** @return the index of the first prefix {@code code} starts with, or -1 */
    int matchingPrefix(CharSequence code) {
        for (int p = 0; p < prefixes.size(); p++) {
            String prefix = prefixes.get(p);
            if (startsWith(code, prefix)) {
                return p;
            }
        }
        return -1;
    }

    /** @return the length range for people: {@code "exactly 18 digits"} or {@code "16 to 24 digits"} */
    String lengthText() {
        return minLength == maxLength ? "exactly " + minLength + " digits" : minLength + " to " + maxLength + " digits";
    }

    static boolean startsWith(CharSequence code, String prefix) {
        if (code.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (code.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
