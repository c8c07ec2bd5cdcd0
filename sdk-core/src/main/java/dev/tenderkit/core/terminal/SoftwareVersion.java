package dev.tenderkit.core.terminal;

import static dev.tenderkit.core.internal.InputText.describe;
import static dev.tenderkit.core.internal.InputText.quote;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The version of a terminal's software or firmware, e.g. {@code "3.10.0"}, {@code "v3.2.1"} or
 * {@code "3.2.0-rc.1+build.77"}, ordered the way people mean it, so "certified at or above 3.2"
 * can be checked with {@link #isAtLeast(SoftwareVersion)}.
 *
 * <p>Form: an optional {@code 'v'} or {@code 'V'}; 1 to 6 dot-separated numeric segments, each at
 * most 9 digits and without leading zeros (a lone {@code "0"} is fine); optionally {@code '-'} and
 * a pre-release of dot-separated identifiers; optionally {@code '+'} and build metadata of
 * dot-separated identifiers. Identifiers are non-empty runs of ASCII letters, digits and
 * {@code '-'}; numeric pre-release identifiers have no leading zeros.
 *
 * <p>Order:
 *
 * <ul>
 *   <li>Segments compare numerically, left to right; missing segments count as 0, so
 *       {@code "3.10.0" > "3.9.2"} and {@code "3.2"} equals {@code "3.2.0"}.
 *   <li>With equal segments, a pre-release is below the release, and pre-releases compare by
 *       SemVer 2.0 precedence: identifier by identifier, numeric ones numerically, others by ASCII
 *       order, a numeric identifier below an alphanumeric one, and a shorter list below a longer
 *       one that starts with it: {@code "3.2.0-beta.2" < "3.2.0-beta.11" < "3.2.0-rc.1" <
 *       "3.2.0"}.
 *   <li>Build metadata is kept for {@link #toString()} but plays no part in order or equality.
 * </ul>
 *
 * <p>{@link #equals(Object)} and {@link #hashCode()} are consistent with {@link
 * #compareTo(SoftwareVersion)}. {@link #compareTo(SoftwareVersion)}, {@link
 * #isAtLeast(SoftwareVersion)} and {@link #isBelow(SoftwareVersion)} allocate nothing.
 *
 * <p>Instances are immutable and safe to share between threads. No method accepts or returns
 * {@code null}; a {@code null} version argument throws {@link NullPointerException}, except that
 * {@link #parse(String)} rejects {@code null} text like any other bad input.
 */
public final class SoftwareVersion implements Comparable<SoftwareVersion> {

    /** At most this many numeric segments ({@code "1.2.3.4.5.6"}). */
    public static final int MAX_SEGMENTS = 6;
    /** At most this many digits per segment, so every segment fits an {@code int}. */
    public static final int MAX_SEGMENT_DIGITS = 9;
    /** Longest text {@link #parse(String)} accepts, pre-release and build metadata included. */
    public static final int MAX_LENGTH = 256;

    private static final int MAX_SEGMENT_VALUE = 999_999_999;
    private static final String FIELD = "version";
    private static final String EXPECTED = "expected 1 to " + MAX_SEGMENTS
            + " dot-separated numbers like \"3.2.1\", optionally with \"-rc.1\" and \"+build.5\"";
    private static final String[] NO_IDENTIFIERS = new String[0];
    private static final boolean[] NO_FLAGS = new boolean[0];

    private final int[] segments;
    private final String[] preRelease;
    private final boolean[] preReleaseNumeric;
    private final String text;
    private final int hash;

    private SoftwareVersion(int[] segments, String[] preRelease, boolean[] preReleaseNumeric, String text) {
        this.segments = segments;
        this.preRelease = preRelease;
        this.preReleaseNumeric = preReleaseNumeric;
        this.text = text;
        this.hash = computeHash(segments, preRelease);
    }

    /**
     * Reads a version, strictly (see the class description for the form).
     *
     * @param text the version as a terminal reports it or a policy document states it, e.g.
     *     {@code "v3.2.1"}; {@code null} is rejected like any other bad input
     * @return the version
     * @throws InvalidInputException ({@link ErrorCode#INVALID_VERSION}, field {@code "version"})
     *     quoting the input and saying what is wrong with it
     */
    public static SoftwareVersion parse(String text) {
        if (text == null) {
            throw new InvalidInputException(ErrorCode.INVALID_VERSION, FIELD, "is missing (null); " + EXPECTED);
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid(text, "is " + text.length() + " characters long, more than " + MAX_LENGTH);
        }
        int start = 0;
        if (!text.isEmpty() && (text.charAt(0) == 'v' || text.charAt(0) == 'V')) {
            start = 1;
        }
        int n = text.length();
        if (start == n) {
            throw invalid(text, start == 0 ? "is empty" : "has no number after '" + text.charAt(0) + "'");
        }

        int coreEnd = start;
        while (coreEnd < n && text.charAt(coreEnd) != '-' && text.charAt(coreEnd) != '+') {
            coreEnd++;
        }
        if (coreEnd == start) {
            throw invalid(text, "has no number before '" + text.charAt(coreEnd) + "'");
        }
        int[] segments = parseSegments(text, start, coreEnd);

        int preEnd = coreEnd;
        String[] preRelease = NO_IDENTIFIERS;
        boolean[] numeric = NO_FLAGS;
        if (coreEnd < n && text.charAt(coreEnd) == '-') {
            preEnd = text.indexOf('+', coreEnd + 1);
            if (preEnd < 0) {
                preEnd = n;
            }
            preRelease = parseIdentifiers(text, coreEnd + 1, preEnd, "pre-release");
            numeric = new boolean[preRelease.length];
            for (int i = 0; i < preRelease.length; i++) {
                numeric[i] = isAllDigits(preRelease[i]);
                if (numeric[i] && preRelease[i].length() > 1 && preRelease[i].charAt(0) == '0') {
                    throw invalid(text, "has the numeric pre-release identifier \"" + preRelease[i]
                            + "\" with a leading zero");
                }
            }
        }
        if (preEnd < n) {
            // text.charAt(preEnd) == '+': the rest is build metadata, validated but not kept apart.
            parseIdentifiers(text, preEnd + 1, n, "build metadata");
        }
        return new SoftwareVersion(segments, preRelease, numeric, text.substring(start));
    }

    /**
     * A release version from its numeric segments, e.g. {@code of(3, 2, 1)} for {@code "3.2.1"}.
     *
     * @param segments 1 to 6 numbers, each from 0 to 999,999,999
     * @return the version, without pre-release or build metadata
     * @throws InvalidInputException ({@link ErrorCode#INVALID_VERSION}, field {@code "segments"}) if
     *     there are no segments, more than 6, or one is out of range
     */
    public static SoftwareVersion of(int... segments) {
        if (segments == null || segments.length == 0 || segments.length > MAX_SEGMENTS) {
            throw new InvalidInputException(ErrorCode.INVALID_VERSION, "segments",
                    (segments == null ? "null" : segments.length + " segments") + " given; a version has 1 to "
                            + MAX_SEGMENTS);
        }
        int[] copy = segments.clone();
        StringBuilder sb = new StringBuilder(copy.length * 4);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0 || copy[i] > MAX_SEGMENT_VALUE) {
                throw new InvalidInputException(ErrorCode.INVALID_VERSION, "segments", "segment " + (i + 1)
                        + " is " + copy[i] + "; each segment is from 0 to " + MAX_SEGMENT_VALUE);
            }
            if (i > 0) {
                sb.append('.');
            }
            sb.append(copy[i]);
        }
        return new SoftwareVersion(copy, NO_IDENTIFIERS, NO_FLAGS, sb.toString());
    }

    /**
     * @param index 0 for the first (major) segment
     * @return the segment at {@code index}, or 0 beyond the last written segment
     * @throws InvalidInputException ({@link ErrorCode#INVALID_ARGUMENT}) if {@code index} is negative
     */
    public int segment(int index) {
        if (index < 0) {
            throw new InvalidInputException("index", index + " is negative");
        }
        return index < segments.length ? segments[index] : 0;
    }

    /** @return how many numeric segments were written: 2 for {@code "3.2"}, 3 for {@code "3.2.0"} */
    public int segmentCount() {
        return segments.length;
    }

    /** @return whether this is a pre-release, such as {@code "3.2.0-rc.1"} */
    public boolean isPreRelease() {
        return preRelease.length > 0;
    }

    /**
     * @param minimum the lowest acceptable version
     * @return whether this version is {@code minimum} or later; allocates nothing
     */
    public boolean isAtLeast(SoftwareVersion minimum) {
        return compareTo(minimum) >= 0;
    }

    /**
     * @param bound the version to compare with
     * @return whether this version is strictly earlier than {@code bound}; allocates nothing
     */
    public boolean isBelow(SoftwareVersion bound) {
        return compareTo(bound) < 0;
    }

    /** Orders versions as described on the class; allocates nothing. */
    @Override
    public int compareTo(SoftwareVersion other) {
        int[] a = segments;
        int[] b = other.segments;
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        String[] p = preRelease;
        String[] q = other.preRelease;
        if (p.length == 0 || q.length == 0) {
            // A release (no identifiers) ranks above any pre-release of the same segments.
            return Integer.compare(q.length, p.length);
        }
        int common = Math.min(p.length, q.length);
        for (int i = 0; i < common; i++) {
            int c = compareIdentifiers(p[i], preReleaseNumeric[i], q[i], other.preReleaseNumeric[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(p.length, q.length);
    }

    private static int compareIdentifiers(String a, boolean aNumeric, String b, boolean bNumeric) {
        if (aNumeric && bNumeric) {
            // No leading zeros, so the longer number is the larger; equal lengths compare digit by digit.
            if (a.length() != b.length()) {
                return a.length() < b.length() ? -1 : 1;
            }
            return Integer.signum(a.compareTo(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        // Identifiers are ASCII, so UTF-16 order is ASCII order.
        return Integer.signum(a.compareTo(b));
    }

    /**
     * Equal when {@link #compareTo(SoftwareVersion)} says 0: trailing zero segments and build
     * metadata do not matter, so {@code "3.2"}, {@code "v3.2.0"} and {@code "3.2.0+b7"} are equal.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof SoftwareVersion other && hash == other.hash && compareTo(other) == 0);
    }

    /** Consistent with {@link #equals(Object)}: ignores trailing zero segments and build metadata. */
    @Override
    public int hashCode() {
        return hash;
    }

    /**
     * @return the version as it was written, without a leading {@code 'v'}: {@code "3.2.1"} for
     *     {@code "v3.2.1"}, {@code "3.2"} for {@code "3.2"} (not {@code "3.2.0"}), build metadata
     *     included
     */
    @Override
    public String toString() {
        return text;
    }

    private static int computeHash(int[] segments, String[] preRelease) {
        int significant = segments.length;
        while (significant > 0 && segments[significant - 1] == 0) {
            significant--;
        }
        int h = 1;
        for (int i = 0; i < significant; i++) {
            h = 31 * h + segments[i];
        }
        return 31 * h + Arrays.hashCode(preRelease);
    }

    private static int[] parseSegments(String text, int from, int to) {
        int count = 1;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                count++;
            }
        }
        if (count > MAX_SEGMENTS) {
            throw invalid(text, "has " + count + " numeric segments; at most " + MAX_SEGMENTS + " are allowed");
        }
        int[] segments = new int[count];
        int segmentStart = from;
        for (int s = 0; s < count; s++) {
            int end = segmentStart;
            while (end < to && text.charAt(end) != '.') {
                end++;
            }
            segments[s] = parseSegment(text, segmentStart, end, s + 1);
            segmentStart = end + 1;
        }
        return segments;
    }

    private static int parseSegment(String text, int from, int to, int ordinal) {
        if (from == to) {
            throw invalid(text, "has an empty segment " + ordinal + " (two dots in a row, or a dot at the start or end)");
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text, "has " + describe(c) + " in segment " + ordinal + "; segments are ASCII digits");
            }
            if (i - from == MAX_SEGMENT_DIGITS) {
                throw invalid(text, "has segment " + ordinal + " longer than " + MAX_SEGMENT_DIGITS + " digits");
            }
            value = value * 10 + (c - '0'); // at most 9 digits: fits an int
        }
        if (to - from > 1 && text.charAt(from) == '0') {
            throw invalid(text, "has segment " + ordinal + " with a leading zero");
        }
        return value;
    }

    private static String[] parseIdentifiers(String text, int from, int to, String part) {
        if (from == to) {
            throw invalid(text, "has an empty " + part + " after '" + text.charAt(from - 1) + "'");
        }
        int count = 1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                count++;
            } else if (!isIdentifierChar(c)) {
                throw invalid(text, "has " + describe(c) + " in the " + part
                        + "; identifiers are ASCII letters, digits and '-'");
            }
        }
        String[] identifiers = new String[count];
        int identifierStart = from;
        for (int k = 0; k < count; k++) {
            int end = text.indexOf('.', identifierStart);
            if (end < 0 || end > to) {
                end = to;
            }
            if (end == identifierStart) {
                throw invalid(text, "has an empty identifier in the " + part
                        + " (two dots in a row, or a dot at the start or end)");
            }
            identifiers[k] = text.substring(identifierStart, end);
            identifierStart = end + 1;
        }
        return identifiers;
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private static boolean isAllDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException invalid(String text, String problem) {
        return new InvalidInputException(ErrorCode.INVALID_VERSION, FIELD, quote(text) + " " + problem + "; " + EXPECTED);
    }
}
