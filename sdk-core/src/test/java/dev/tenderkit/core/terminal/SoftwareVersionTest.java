package dev.tenderkit.core.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenderkit.core.AllocationMeter;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoftwareVersionTest {

    private static final long SEED = 20240611L;

    private static SoftwareVersion v(String text) {
        return SoftwareVersion.parse(text);
    }

    // --- parsing -------------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\" reads as \"{1}\"")
    @CsvSource({
        "3.2.1, 3.2.1",
        "v3.2.1, 3.2.1",
        "V3.2.1, 3.2.1",
        "0, 0",
        "3.2, 3.2",
        "1.2.3.4.5.6, 1.2.3.4.5.6",
        "999999999.0, 999999999.0",
        "10.0.0, 10.0.0",
        "3.2.0-rc.1, 3.2.0-rc.1",
        "3.2.0-rc.1+build.77, 3.2.0-rc.1+build.77",
        "v3.2.0+20240611.ab-c, 3.2.0+20240611.ab-c",
        "1.0.0+001, 1.0.0+001",
        "1.0.0-0, 1.0.0-0",
        "1.0.0-x-y-z.--, 1.0.0-x-y-z.--",
        "1.0.0-0A.is.legal, 1.0.0-0A.is.legal",
    })
    void acceptsOneToSixNumericSegmentsWithOptionalPreReleaseAndBuild(String text, String normalized) {
        assertEquals(normalized, v(text).toString());
    }

    static Stream<Arguments> malformedVersions() {
        return Stream.of(
                Arguments.of("", "is empty"),
                Arguments.of("v", "has no number after 'v'"),
                Arguments.of("V", "has no number after 'V'"),
                Arguments.of("3..2", "empty segment 2"),
                Arguments.of("3.2.", "empty segment 3"),
                Arguments.of(".3", "empty segment 1"),
                Arguments.of("-1", "has no number before '-'"),
                Arguments.of("+1", "has no number before '+'"),
                Arguments.of("3.x", "'x' in segment 2"),
                Arguments.of("vv3", "'v' in segment 1"),
                Arguments.of(" 3.2", "whitespace (U+0020) in segment 1"),
                Arguments.of("3.2 ", "whitespace (U+0020) in segment 2"),
                Arguments.of("3. 2", "whitespace (U+0020) in segment 2"),
                Arguments.of("3.2\n", "whitespace (U+000A) in segment 2"),
                Arguments.of("3,2", "',' in segment 1"),
                Arguments.of("\uFF13.2", "the non-ASCII digit '\uFF13' (U+FF13) in segment 1"),
                Arguments.of("1.2.3.4.5.6.7", "has 7 numeric segments; at most 6"),
                Arguments.of("01.2", "segment 1 with a leading zero"),
                Arguments.of("3.02", "segment 2 with a leading zero"),
                Arguments.of("00", "segment 1 with a leading zero"),
                Arguments.of("1234567890", "segment 1 longer than 9 digits"),
                Arguments.of("3.99999999999999999999", "segment 2 longer than 9 digits"),
                Arguments.of("3.2-", "empty pre-release after '-'"),
                Arguments.of("3.2+", "empty build metadata after '+'"),
                Arguments.of("3.2-rc..1", "empty identifier in the pre-release"),
                Arguments.of("3.2-rc.", "empty identifier in the pre-release"),
                Arguments.of("3.2-+b", "empty pre-release after '-'"),
                Arguments.of("3.2+b..c", "empty identifier in the build metadata"),
                Arguments.of("3.2-rc.01", "numeric pre-release identifier \"01\" with a leading zero"),
                Arguments.of("3.2-rc_1", "'_' in the pre-release"),
                Arguments.of("3.2-r\u00E9", "'\u00E9' (U+00E9) in the pre-release"),
                Arguments.of("3.2+b+c", "'+' in the build metadata"),
                Arguments.of("3.2-rc 1", "whitespace (U+0020) in the pre-release"));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @MethodSource("malformedVersions")
    void rejectsMalformedVersionsSayingWhy(String text, String why) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v(text));
        assertEquals(ErrorCode.INVALID_VERSION, e.code());
        assertEquals("version", e.field());
        assertTrue(e.getMessage().contains(why), () -> "message should say <" + why + ">: " + e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "3..2", "3.2.", "-1", "3.x", " 3.2", "1.2.3.4.5.6.7", "3.2-rc.01"})
    void rejectionQuotesTheInput(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v(text));
        assertTrue(e.getMessage().contains('"' + text + '"'), e::getMessage);
    }

    @Test
    void rejectionEscapesControlCharacters() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v("3.2\r\n"));
        assertTrue(e.getMessage().contains("\"3.2\\u000d\\u000a\""), e::getMessage);
        assertFalse(e.getMessage().contains("\n"), e::getMessage);
    }

    @Test
    void rejectsNull() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v(null));
        assertEquals(ErrorCode.INVALID_VERSION, e.code());
        assertTrue(e.getMessage().contains("null"), e::getMessage);
    }

    @Test
    void rejectsTextLongerThanTheMaximumWithAShortMessage() {
        String longest = "1.0.0-" + "a".repeat(SoftwareVersion.MAX_LENGTH - 6);
        assertEquals(longest, v(longest).toString());
        String tooLong = longest + "a";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v(tooLong));
        assertTrue(e.getMessage().contains("257 characters long"), e::getMessage);
        assertTrue(e.getMessage().length() < 400, e::getMessage);
    }

    // --- construction from numbers and accessors ------------------------------------------------

    @Test
    void ofBuildsAReleaseFromSegments() {
        SoftwareVersion version = SoftwareVersion.of(3, 2, 1);
        assertEquals(v("3.2.1"), version);
        assertEquals("3.2.1", version.toString());
        assertFalse(version.isPreRelease());
        assertEquals("0", SoftwareVersion.of(0).toString());
        assertEquals("999999999.1.2.3.4.5", SoftwareVersion.of(999_999_999, 1, 2, 3, 4, 5).toString());
    }

    @Test
    void ofCopiesItsArgument() {
        int[] segments = {3, 2, 1};
        SoftwareVersion version = SoftwareVersion.of(segments);
        segments[0] = 9;
        assertEquals(3, version.segment(0));
    }

    static Stream<Arguments> badSegments() {
        return Stream.of(
                Arguments.of(new int[0], "0 segments"),
                Arguments.of(new int[] {1, 2, 3, 4, 5, 6, 7}, "7 segments"),
                Arguments.of(new int[] {3, -1}, "segment 2 is -1"),
                Arguments.of(new int[] {1_000_000_000}, "segment 1 is 1000000000"),
                Arguments.of(null, "null"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSegments")
    void ofRejectsEmptyTooManyOrOutOfRangeSegments(int[] segments, String why) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SoftwareVersion.of(segments));
        assertEquals(ErrorCode.INVALID_VERSION, e.code());
        assertEquals("segments", e.field());
        assertTrue(e.getMessage().contains(why), e::getMessage);
    }

    @Test
    void segmentIsZeroBeyondTheLastWrittenSegment() {
        SoftwareVersion version = v("3.2");
        assertEquals(3, version.segment(0));
        assertEquals(2, version.segment(1));
        assertEquals(0, version.segment(2));
        assertEquals(0, version.segment(Integer.MAX_VALUE));
    }

    @Test
    void segmentRejectsANegativeIndex() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v("3.2").segment(-1));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @ParameterizedTest
    @CsvSource({"3, 1", "3.2, 2", "3.2.0, 3", "v3.2.0-rc.1+b, 3", "1.2.3.4.5.6, 6"})
    void segmentCountIsHowManyWereWritten(String text, int count) {
        assertEquals(count, v(text).segmentCount());
    }

    @ParameterizedTest
    @CsvSource({"3.2.0, false", "3.2.0-rc.1, true", "3.2.0+build, false", "3.2.0-rc+build, true"})
    void preReleaseIsHavingAHyphenPart(String text, boolean preRelease) {
        assertEquals(preRelease, v(text).isPreRelease());
    }

    // --- order ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} > {1}")
    @CsvSource({
        "3.10.0, 3.9.2",
        "3.2.1, 3.2",
        "3.2.0.1, 3.2",
        "2, 1.999999999.999999999",
        "v3.2.1, 3.2.0",
        "3.2.0, 3.2.0-rc.1",
        "3.2, 3.2.0-rc.1",
        "3.2.0-rc.1, 3.2.0-beta.2",
        "3.2.0-beta.11, 3.2.0-beta.2",
        "1.0.0-alpha.1, 1.0.0-alpha",
        "1.0.0-alpha.beta, 1.0.0-alpha.1",
        "1.0.0-beta, 1.0.0-alpha.beta",
        "1.0.0-a, 1.0.0-9",
        "1.0.0-a, 1.0.0-B",
        "1.0.0-B, 1.0.0-A",
        "1.0.0-10, 1.0.0-9",
        "1.0.0-100000000000000000000, 1.0.0-99999999999999999999",
        "1.0.0-rc-2, 1.0.0-rc-1",
        "1.0.0-rc.1.0, 1.0.0-rc.1",
        "3.2.1-rc.1, 3.2.0",
    })
    void ordersVersionsAsPeopleMeanThem(String higher, String lower) {
        SoftwareVersion a = v(higher);
        SoftwareVersion b = v(lower);
        assertTrue(a.compareTo(b) > 0);
        assertTrue(b.compareTo(a) < 0);
        assertTrue(a.isAtLeast(b));
        assertFalse(b.isAtLeast(a));
        assertTrue(b.isBelow(a));
        assertFalse(a.isBelow(b));
        assertNotEquals(a, b);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "3.2, 3.2.0",
        "3.2, 3.2.0.0.0.0",
        "0, 0.0.0",
        "v3.2.1, 3.2.1",
        "V3.2.1, v3.2.1",
        "3.2.0+build.5, 3.2.0",
        "3.2.0+a, 3.2.0+b",
        "3.2-rc.1+a, 3.2.0-rc.1+b",
    })
    void trailingZerosPrefixAndBuildMetadataDoNotMatter(String left, String right) {
        SoftwareVersion a = v(left);
        SoftwareVersion b = v(right);
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertTrue(a.isAtLeast(b));
        assertFalse(a.isBelow(b));
    }

    @Test
    void followsTheSemVerPrecedenceExample() {
        List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0");
        List<SoftwareVersion> versions = new ArrayList<>();
        for (String text : expected) {
            versions.add(v(text));
        }
        Collections.shuffle(versions, new Random(SEED));
        Collections.sort(versions);
        assertEquals(expected, versions.stream().map(SoftwareVersion::toString).toList());
    }

    @Test
    void isNotEqualToOtherTypes() {
        assertNotEquals(v("3.2"), (Object) "3.2");
    }

    @Test
    void comparisonAllocatesNothing() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count allocations");
        SoftwareVersion[] versions = {v("3.10.0"), v("3.9.2"), v("3.2"), v("3.2.0"), v("3.2.0-beta.2"),
            v("3.2.0-rc.1"), v("3.2.0-rc.1.x"), v("3.2.0-11"), v("3.2.0-9"), v("1.2.3.4.5.6")};
        int sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm up, so class loading and compilation are done
            sink += compareAll(versions);
        }
        int rounds = 10_000;
        long before = AllocationMeter.allocatedBytes();
        for (int i = 0; i < rounds; i++) {
            sink += compareAll(versions);
        }
        long allocated = AllocationMeter.allocatedBytes() - before;
        long comparisons = (long) rounds * versions.length * versions.length * 3;
        // A single allocation per comparison would be at least 16 bytes x millions of comparisons.
        assertTrue(allocated < 4_096, allocated + " bytes for " + comparisons + " comparisons (sink " + sink + ")");
    }

    private static int compareAll(SoftwareVersion[] versions) {
        int sum = 0;
        for (SoftwareVersion a : versions) {
            for (SoftwareVersion b : versions) {
                sum += a.compareTo(b) + (a.isAtLeast(b) ? 1 : 0) + (a.isBelow(b) ? 1 : 0);
            }
        }
        return sum;
    }

    // --- properties over random versions --------------------------------------------------------

    private static final String[] IDENTIFIERS = {"alpha", "beta", "rc", "RC", "a-b", "0", "1", "2", "9", "10", "11",
        "100", "99999999999999999999", "x1", "1x"};

    private static String randomVersion(Random random) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(8) == 0) {
            sb.append(random.nextBoolean() ? 'v' : 'V');
        }
        int segments = 1 + random.nextInt(SoftwareVersion.MAX_SEGMENTS);
        for (int i = 0; i < segments; i++) {
            if (i > 0) {
                sb.append('.');
            }
            // Small numbers and many zeros, so ties and trailing zeros are common.
            int kind = random.nextInt(10);
            sb.append(kind < 4 ? 0 : kind < 9 ? random.nextInt(4) : random.nextInt(1_000_000_000));
        }
        if (random.nextBoolean()) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                sb.append(i == 0 ? '-' : '.').append(IDENTIFIERS[random.nextInt(IDENTIFIERS.length)]);
            }
        }
        if (random.nextInt(4) == 0) {
            sb.append("+build.").append(random.nextInt(100));
        }
        return sb.toString();
    }

    @Test
    void agreesWithAnIndependentOracleOnRandomVersions() {
        Random random = new Random(SEED);
        for (int run = 0; run < 100_000; run++) {
            String left = randomVersion(random);
            String right = randomVersion(random);
            SoftwareVersion a = v(left);
            SoftwareVersion b = v(right);
            int expected = oracleCompare(left, right);
            assertEquals(expected, Integer.signum(a.compareTo(b)), left + " vs " + right);
            assertEquals(-expected, Integer.signum(b.compareTo(a)), right + " vs " + left);
            assertEquals(expected == 0, a.equals(b), left + " equals " + right);
            if (expected == 0) {
                assertEquals(a.hashCode(), b.hashCode(), left + " hash " + right);
            }
        }
    }

    @Test
    void textRoundTripsAndOrderIsTransitive() {
        Random random = new Random(SEED + 1);
        List<SoftwareVersion> versions = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            SoftwareVersion version = v(randomVersion(random));
            SoftwareVersion reread = v(version.toString());
            assertEquals(version, reread);
            assertEquals(version.toString(), reread.toString());
            versions.add(version);
        }
        Collections.sort(versions);
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i - 1).compareTo(versions.get(i)) <= 0);
        }
        for (int run = 0; run < 20_000; run++) {
            int i = random.nextInt(versions.size());
            int j = i + random.nextInt(versions.size() - i);
            assertTrue(versions.get(i).compareTo(versions.get(j)) <= 0, versions.get(i) + " <= " + versions.get(j));
        }
    }

    /** SemVer precedence written the slow, obvious way: split strings, BigInteger numbers, padded lists. */
    private static int oracleCompare(String left, String right) {
        String[] a = stripBuildAndV(left).split("-", 2);
        String[] b = stripBuildAndV(right).split("-", 2);
        List<BigInteger> x = numbers(a[0]);
        List<BigInteger> y = numbers(b[0]);
        while (x.size() < y.size()) {
            x.add(BigInteger.ZERO);
        }
        while (y.size() < x.size()) {
            y.add(BigInteger.ZERO);
        }
        for (int i = 0; i < x.size(); i++) {
            int c = x.get(i).compareTo(y.get(i));
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        boolean aPre = a.length > 1;
        boolean bPre = b.length > 1;
        if (!aPre || !bPre) {
            return aPre == bPre ? 0 : aPre ? -1 : 1;
        }
        List<String> p = Arrays.asList(a[1].split("\\."));
        List<String> q = Arrays.asList(b[1].split("\\."));
        for (int i = 0; i < Math.min(p.size(), q.size()); i++) {
            String s = p.get(i);
            String t = q.get(i);
            boolean sNum = s.matches("[0-9]+");
            boolean tNum = t.matches("[0-9]+");
            int c;
            if (sNum && tNum) {
                c = new BigInteger(s).compareTo(new BigInteger(t));
            } else if (sNum || tNum) {
                c = sNum ? -1 : 1;
            } else {
                c = s.compareTo(t);
            }
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return Integer.signum(Integer.compare(p.size(), q.size()));
    }

    private static String stripBuildAndV(String text) {
        String s = text.startsWith("v") || text.startsWith("V") ? text.substring(1) : text;
        int plus = s.indexOf('+');
        return plus < 0 ? s : s.substring(0, plus);
    }

    private static List<BigInteger> numbers(String core) {
        List<BigInteger> list = new ArrayList<>();
        for (String segment : core.split("\\.")) {
            list.add(new BigInteger(segment));
        }
        return list;
    }
}
