package dev.tenderkit.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyParsingTest {

    private static final long SEED = 20240611L;

    @ParameterizedTest(name = "\"{0}\" is {1} fen")
    @CsvSource({
        "88, 8800",
        "88.0, 8800",
        "88.00, 8800",
        "88.5, 8850",
        "88.05, 8805",
        "0.01, 1",
        "0.1, 10",
        "0, 0",
        "0.0, 0",
        "0.00, 0",
        "1234567.89, 123456789",
        "9999999999.99, 999999999999",
        "10000000000, 1000000000000",
        "10000000000.00, 1000000000000",
    })
    void acceptsDigitsWithAtMostTwoDecimals(String text, long fen) {
        assertEquals(Money.ofFen(fen), Money.parse(text));
    }

    static Stream<Arguments> malformedAmounts() {
        return Stream.of(
                Arguments.of("", "is empty"),
                Arguments.of("   ", "is blank"),
                Arguments.of("\t", "is blank"),
                Arguments.of(" 88", "leading or trailing whitespace"),
                Arguments.of("88 ", "leading or trailing whitespace"),
                Arguments.of("88\n", "leading or trailing whitespace"),
                Arguments.of("\u00A088", "leading or trailing whitespace"),
                Arguments.of("\u300088", "leading or trailing whitespace"),
                Arguments.of("+88", "has a sign"),
                Arguments.of("-88", "has a sign"),
                Arguments.of("-0", "has a sign"),
                Arguments.of("1.001", "has 3 decimals"),
                Arguments.of("0.000", "has 3 decimals"),
                Arguments.of("1.", "no digits after the decimal point"),
                Arguments.of(".5", "no digits before the decimal point; write \"0.5\""),
                Arguments.of(".", "no digits before the decimal point"),
                Arguments.of("01.00", "leading zero"),
                Arguments.of("00", "leading zero"),
                Arguments.of("00.5", "leading zero"),
                Arguments.of("007", "leading zero"),
                Arguments.of("1,000", "',' at position 2; digit grouping is not allowed"),
                Arguments.of("1,000.00", "digit grouping is not allowed"),
                Arguments.of("1 000", "whitespace (U+0020) at position 2; digit grouping is not allowed"),
                Arguments.of("1_000", "digit grouping is not allowed"),
                Arguments.of("1'000", "digit grouping is not allowed"),
                Arguments.of("1e3", "'e' at position 2; exponents are not allowed"),
                Arguments.of("1E3", "exponents are not allowed"),
                Arguments.of("1.5e2", "exponents are not allowed"),
                Arguments.of("\uFF18\uFF18", "the non-ASCII digit '\uFF18' (U+FF18) at position 1"),
                Arguments.of("8\uFF18", "non-ASCII digit"),
                Arguments.of("\u0663", "non-ASCII digit"),
                Arguments.of("88\uFF0E00", "'\uFF0E' (U+FF0E) at position 3"),
                Arguments.of("1.2.3", "second '.' at position 4"),
                Arguments.of("\u00A588", "without a currency sign"),
                Arguments.of("\uFFE588", "without a currency sign"),
                Arguments.of("$88", "without a currency sign"),
                Arguments.of("abc", "'a' at position 1"),
                Arguments.of("NaN", "'N' at position 1"),
                Arguments.of("Infinity", "'I' at position 1"),
                Arguments.of("0x10", "'x' at position 2"),
                Arguments.of("8\u00008", "the character U+0000 at position 2"),
                Arguments.of("10000000000.01", "above the maximum of 10000000000.00 yuan"),
                Arguments.of("10000000001", "above the maximum"),
                Arguments.of("99999999999", "above the maximum"),
                Arguments.of("9223372036854775807", "above the maximum"),
                Arguments.of("92233720368547758.07", "above the maximum"),
                Arguments.of("1234567890123456789012345678901234567890", "above the maximum"));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @MethodSource("malformedAmounts")
    void rejectsAnythingButStrictYuanText(String text, String why) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse(text));
        assertEquals(ErrorCode.INVALID_AMOUNT, e.code());
        assertEquals("amount", e.field());
        assertTrue(e.getMessage().contains(why), () -> "message should say <" + why + ">: " + e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", " 88", "+88", "1.001", "1.", ".5", "01.00", "00", "1,000", "1e3", "\uFF18\uFF18",
        "10000000000.01", "1234567890123456789012345678901234567890"})
    void rejectionQuotesTheInput(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse(text));
        assertTrue(e.getMessage().contains('"' + text + '"'), e::getMessage);
    }

    @Test
    void rejectionEscapesControlCharactersInTheQuotedInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse("88\n"));
        assertTrue(e.getMessage().contains("\"88\\u000a\""), e::getMessage);
        assertFalse(e.getMessage().contains("\n"), e::getMessage);
    }

    @Test
    void rejectsNull() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse(null));
        assertEquals(ErrorCode.INVALID_AMOUNT, e.code());
        assertTrue(e.getMessage().contains("null"), e::getMessage);
    }

    @Test
    void rejectsEnormousInputWithAShortMessage() {
        String huge = "9".repeat(100_000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse(huge));
        assertTrue(e.getMessage().contains("above the maximum"), e::getMessage);
        assertTrue(e.getMessage().contains("100000 characters"), e::getMessage);
        assertTrue(e.getMessage().length() < 300, e::getMessage);
    }

    @Test
    void parsePositiveRejectsZeroNamingTheField() {
        for (String zero : new String[] {"0", "0.0", "0.00"}) {
            InvalidInputException e =
                    assertThrows(InvalidInputException.class, () -> Money.parsePositive(zero, "refundAmount"));
            assertEquals(ErrorCode.INVALID_AMOUNT, e.code());
            assertEquals("refundAmount", e.field());
            assertTrue(e.getMessage().startsWith("refundAmount: "), e::getMessage);
            assertTrue(e.getMessage().contains("zero where not allowed"), e::getMessage);
        }
    }

    @Test
    void parsePositiveNamesTheFieldInParseErrors() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> Money.parsePositive("1.001", "refundAmount"));
        assertEquals("refundAmount", e.field());
        assertTrue(e.getMessage().contains("\"1.001\""), e::getMessage);
    }

    @Test
    void parsePositiveAcceptsOneFen() {
        assertEquals(Money.ofFen(1), Money.parsePositive("0.01", "tip"));
    }

    /** Independent oracle: the grammar as a regular expression and the value through BigDecimal. */
    private static final Pattern GRAMMAR = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]{1,2})?");

    @Test
    void agreesWithARegexAndBigDecimalOracleOnRandomText() {
        Random random = new Random(SEED);
        String alphabet = "0123456789000..+-e, ";
        int accepted = 0;
        for (int run = 0; run < 200_000; run++) {
            int length = random.nextInt(16);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            Long expected = oracle(text);
            if (expected == null) {
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse(text), text);
                assertEquals(ErrorCode.INVALID_AMOUNT, e.code());
            } else {
                assertEquals(expected.longValue(), Money.parse(text).fen(), text);
                accepted++;
            }
        }
        assertTrue(accepted > 1_000, "the random text should hit valid amounts often: " + accepted);
    }

    private static Long oracle(String text) {
        if (!GRAMMAR.matcher(text).matches()) {
            return null;
        }
        BigDecimal fen = new BigDecimal(text).movePointRight(2);
        return fen.compareTo(BigDecimal.valueOf(Money.MAX_FEN)) > 0 ? null : fen.longValueExact();
    }

    @Test
    void parsesEveryFenValueWrittenWithOneOrTwoDecimalsOrNone() {
        Random random = new Random(SEED);
        for (int run = 0; run < 100_000; run++) {
            long fen = random.nextLong(Money.MAX_FEN + 1);
            long yuan = fen / 100;
            long cents = fen % 100;
            assertEquals(fen, Money.parse(yuan + "." + (cents < 10 ? "0" : "") + cents).fen());
            if (cents % 10 == 0) {
                assertEquals(fen, Money.parse(yuan + "." + cents / 10).fen());
            }
            if (cents == 0) {
                assertEquals(fen, Money.parse(Long.toString(yuan)).fen());
            }
        }
    }

    @Test
    void moneyCodeUsesNoFloatingPointOrBigDecimal() throws IOException {
        Path source = Path.of("src/main/java/dev/tenderkit/core/money/Money.java");
        String code = Files.readString(source);
        for (String banned : new String[] {"double", "float", "Double", "Float", "BigDecimal", "BigInteger"}) {
            assertFalse(Pattern.compile("\\b" + banned + "\\b").matcher(code).find(), banned + " in " + source);
        }
    }
}
