package dev.tenderkit.core.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeeRateTest {

    @ParameterizedTest(name = "\"{0}\" is {1} ppm")
    @CsvSource({
        "0.38%, 3800",
        "0.6%, 6000",
        "4.5%, 45000",
        "4.50%, 45000",
        "7.5%, 75000",
        "0.3825%, 3825",
        "0.0001%, 1",
        "0%, 0",
        "100%, 1000000",
        "100.0000%, 1000000",
        "0.0038, 3800",
        "0.045, 45000",
        "0.000001, 1",
        "0, 0",
        "1, 1000000",
        "1.000000, 1000000",
    })
    void readsPercentagesAndFractionsExactly(String text, long ppm) {
        assertEquals(ppm, FeeRate.parse(text).ppm());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "%", "-0.38%", "+0.38%", " 0.38%", "0.38% ", "0.38 %", "0,38%", "3.8e-1%",
        "0.38%%", ".38%", "0.%", "00.38%", "01%", "0.00001%", "0.0000001", "100.0001%", "101%", "1000%",
        "1.000001", "2", "0.38percent", "０.38%", "NaN", "Infinity", "0x10%", "1_0%", "0..3%"})
    void refusesAnythingElse(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FeeRate.parse(text));
        assertEquals("rate", e.field());
    }

    @Test
    void saysWhatIsWrong() {
        assertTrue(assertThrows(InvalidInputException.class, () -> FeeRate.parse("-0.38%")).getMessage()
                .contains("negative"));
        assertTrue(assertThrows(InvalidInputException.class, () -> FeeRate.parse("0.00001%")).getMessage()
                .contains("at most 4"));
        assertTrue(assertThrows(InvalidInputException.class, () -> FeeRate.parse("101%")).getMessage()
                .contains("above 100%"));
        assertEquals("installment.rate", assertThrows(InvalidInputException.class,
                () -> FeeRate.parse("x", "installment.rate")).field());
    }

    @Test
    void rangeIsZeroToOneHundredPercent() {
        assertThrows(InvalidInputException.class, () -> FeeRate.ofPpm(-1));
        assertThrows(InvalidInputException.class, () -> FeeRate.ofPpm(1_000_001));
        assertEquals(FeeRate.ZERO, FeeRate.ofPpm(0));
    }

    @ParameterizedTest(name = "{0} ppm prints as {1}")
    @CsvSource({"3800, 0.38%", "45000, 4.5%", "1, 0.0001%", "0, 0%", "1000000, 100%", "3825, 0.3825%",
        "10000, 1%", "123456, 12.3456%"})
    void printsAsAPercentageThatReadsBack(long ppm, String text) {
        assertEquals(text, FeeRate.ofPpm(ppm).toString());
        assertEquals(ppm, FeeRate.parse(text).ppm());
    }

    @Test
    void everyRatePrintsAndReadsBackToItself() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long ppm = random.nextLong(1_000_001);
            assertEquals(ppm, FeeRate.parse(FeeRate.ofPpm(ppm).toPercentString()).ppm());
        }
    }

    @Test
    void roundingMatchesBigDecimalForEveryMode() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            long numerator = random.nextInt(4) == 0 ? random.nextLong(1_000) : random.nextLong(1_000_000_000_000_000L);
            long denominator = random.nextBoolean() ? 1_000_000 : 1 + random.nextLong(1_000);
            for (FeeRounding r : FeeRounding.values()) {
                long expected = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0,
                        RoundingMode.valueOf(r.name())).longValueExact();
                assertEquals(expected, r.divide(numerator, denominator), numerator + "/" + denominator + " " + r);
            }
        }
    }
}
