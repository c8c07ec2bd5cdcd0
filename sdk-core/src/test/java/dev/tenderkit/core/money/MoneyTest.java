package dev.tenderkit.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final long SEED = 20240611L;
    private static final Money MAX = Money.ofFen(Money.MAX_FEN);

    private static InvalidInputException assertInvalidAmount(Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(ErrorCode.INVALID_AMOUNT, e.code());
        return e;
    }

    // --- range ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {-1, -100, Long.MIN_VALUE})
    void rejectsNegativeFenNamingTheValue(long fen) {
        InvalidInputException e = assertInvalidAmount(() -> new Money(fen));
        assertEquals("amount", e.field());
        assertTrue(e.getMessage().contains(Long.toString(fen)), e::getMessage);
        assertTrue(e.getMessage().contains("negative"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(longs = {Money.MAX_FEN + 1, Long.MAX_VALUE})
    void rejectsFenAboveTheMaximumNamingValueAndBound(long fen) {
        InvalidInputException e = assertInvalidAmount(() -> Money.ofFen(fen));
        assertTrue(e.getMessage().contains(Long.toString(fen)), e::getMessage);
        assertTrue(e.getMessage().contains(Long.toString(Money.MAX_FEN)), e::getMessage);
    }

    @Test
    void acceptsZeroAndTheMaximum() {
        assertEquals(0, Money.ofFen(0).fen());
        assertEquals(Money.MAX_FEN, Money.ofFen(Money.MAX_FEN).fen());
    }

    @Test
    void maximumTimesOneMillionFitsALong() {
        // The reason for the bound: fen x rate in parts per million never overflows.
        assertEquals(Money.MAX_FEN * 1_000_000L, Math.multiplyExact(Money.MAX_FEN, 1_000_000L));
    }

    @Test
    void ofFenZeroIsTheZeroConstant() {
        assertSame(Money.ZERO, Money.ofFen(0));
        assertEquals(0, Money.ZERO.fen());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 100", "88, 8800", "10000000000, 1000000000000"})
    void ofYuanIsOneHundredFenPerYuan(long yuan, long fen) {
        assertEquals(fen, Money.ofYuan(yuan).fen());
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 10_000_000_001L, Long.MAX_VALUE / 100 + 1, Long.MAX_VALUE, Long.MIN_VALUE})
    void ofYuanRejectsNegativeOrAboveMaximumWithoutOverflow(long yuan) {
        InvalidInputException e = assertInvalidAmount(() -> Money.ofYuan(yuan));
        assertTrue(e.getMessage().contains(Long.toString(yuan)), e::getMessage);
    }

    @Test
    void requirePositiveReturnsThePositiveAmount() {
        Money one = Money.ofFen(1);
        assertSame(one, one.requirePositive("amount"));
    }

    @Test
    void requirePositiveRejectsZeroNamingTheField() {
        InvalidInputException e = assertInvalidAmount(() -> Money.ZERO.requirePositive("tip"));
        assertEquals("tip", e.field());
        assertTrue(e.getMessage().contains("zero where not allowed"), e::getMessage);
    }

    // --- arithmetic ----------------------------------------------------------------------------

    @Test
    void plusAddsFen() {
        assertEquals(Money.ofFen(3), Money.ofFen(1).plus(Money.ofFen(2)));
        assertEquals(MAX, MAX.plus(Money.ZERO));
    }

    @Test
    void plusRejectsASumAboveTheMaximum() {
        InvalidInputException e = assertInvalidAmount(() -> MAX.plus(Money.ofFen(1)));
        assertTrue(e.getMessage().contains("above the maximum"), e::getMessage);
        assertInvalidAmount(() -> MAX.plus(MAX));
    }

    @Test
    void minusSubtractsFen() {
        assertEquals(Money.ofFen(2), Money.ofFen(5).minus(Money.ofFen(3)));
        assertSame(Money.ZERO, Money.ofFen(3).minus(Money.ofFen(3)));
    }

    @Test
    void minusRejectsANegativeResult() {
        InvalidInputException e = assertInvalidAmount(() -> Money.ofFen(3).minus(Money.ofFen(5)));
        assertTrue(e.getMessage().contains("0.03 minus 0.05 would be negative"), e::getMessage);
        assertInvalidAmount(() -> Money.ZERO.minus(MAX));
    }

    @ParameterizedTest
    @CsvSource({"3, 4, 12", "3, 0, 0", "0, 9223372036854775807, 0", "1, 1000000000000, 1000000000000",
        "500000000000, 2, 1000000000000", "1000000000000, 1, 1000000000000"})
    void timesMultipliesFen(long fen, long factor, long product) {
        assertEquals(product, Money.ofFen(fen).times(factor).fen());
    }

    @ParameterizedTest
    @CsvSource({"500000000001, 2", "1000000000000, 2", "2, 9223372036854775807", "1000000000000, 9223372036854775807",
        "999999999999, 9223372036854775807", "3, 3074457345618258603", "1, 1000000000001"})
    void timesRejectsAProductAboveTheMaximumWithoutOverflow(long fen, long factor) {
        InvalidInputException e = assertInvalidAmount(() -> Money.ofFen(fen).times(factor));
        assertTrue(e.getMessage().contains("above the maximum"), e::getMessage);
    }

    @Test
    void timesRejectsANegativeFactor() {
        InvalidInputException e = assertInvalidAmount(() -> Money.ofFen(5).times(-1));
        assertEquals("factor", e.field());
        assertInvalidAmount(() -> Money.ZERO.times(Long.MIN_VALUE));
    }

    @Test
    void arithmeticAgreesWithBigIntegerOnRandomAmounts() {
        Random random = new Random(SEED);
        BigInteger max = BigInteger.valueOf(Money.MAX_FEN);
        for (int run = 0; run < 100_000; run++) {
            Money a = randomMoney(random);
            Money b = randomMoney(random);
            BigInteger x = BigInteger.valueOf(a.fen());
            BigInteger y = BigInteger.valueOf(b.fen());

            BigInteger sum = x.add(y);
            if (sum.compareTo(max) <= 0) {
                assertEquals(sum.longValueExact(), a.plus(b).fen());
                assertEquals(a, a.plus(b).minus(b));
            } else {
                assertInvalidAmount(() -> a.plus(b));
            }

            if (x.compareTo(y) >= 0) {
                assertEquals(x.subtract(y).longValueExact(), a.minus(b).fen());
            } else {
                assertInvalidAmount(() -> a.minus(b));
            }

            long factor = random.nextBoolean() ? random.nextInt(1_000) : random.nextLong(Long.MAX_VALUE);
            BigInteger product = x.multiply(BigInteger.valueOf(factor));
            if (product.compareTo(max) <= 0) {
                assertEquals(product.longValueExact(), a.times(factor).fen());
            } else {
                assertInvalidAmount(() -> a.times(factor));
            }
        }
    }

    /** Amounts of every magnitude, not only huge ones: pick a digit count first. */
    private static Money randomMoney(Random random) {
        long bound = 1;
        for (int digits = random.nextInt(13); digits > 0; digits--) {
            bound *= 10;
        }
        return Money.ofFen(random.nextLong(Math.min(bound, Money.MAX_FEN) + 1));
    }

    // --- comparison ----------------------------------------------------------------------------

    @Test
    void zeroIsZeroAndNotPositive() {
        assertTrue(Money.ZERO.isZero());
        assertFalse(Money.ZERO.isPositive());
        assertFalse(Money.ofFen(1).isZero());
        assertTrue(Money.ofFen(1).isPositive());
    }

    @Test
    void greaterAndLessAreStrict() {
        Money one = Money.ofFen(1);
        Money two = Money.ofFen(2);
        assertTrue(two.isGreaterThan(one));
        assertFalse(one.isGreaterThan(two));
        assertFalse(one.isGreaterThan(Money.ofFen(1)));
        assertTrue(one.isLessThan(two));
        assertFalse(two.isLessThan(one));
        assertFalse(one.isLessThan(Money.ofFen(1)));
    }

    @Test
    void minAndMaxPickByFen() {
        Money one = Money.ofFen(1);
        Money two = Money.ofFen(2);
        assertSame(one, one.min(two));
        assertSame(one, two.min(one));
        assertSame(two, one.max(two));
        assertSame(two, two.max(one));
        Money otherOne = Money.ofFen(1);
        assertSame(one, one.min(otherOne));
        assertSame(one, one.max(otherOne));
    }

    @Test
    void comparesByFen() {
        List<Money> amounts = new ArrayList<>();
        for (long fen : new long[] {5, 0, Money.MAX_FEN, 100, 99, 1}) {
            amounts.add(Money.ofFen(fen));
        }
        Collections.sort(amounts);
        assertEquals(List.of(Money.ofFen(0), Money.ofFen(1), Money.ofFen(5), Money.ofFen(99), Money.ofFen(100), MAX),
                amounts);
        assertEquals(0, Money.ofFen(7).compareTo(Money.ofFen(7)));
    }

    @Test
    void equalityIsByFen() {
        assertEquals(new Money(8800), Money.parse("88"));
        assertEquals(new Money(8800).hashCode(), Money.parse("88.00").hashCode());
        assertNotEquals(Money.ofFen(8800), Money.ofFen(8801));
    }

    // --- formatting ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} fen is \"{1}\"")
    @CsvSource({"0, 0.00", "1, 0.01", "10, 0.10", "99, 0.99", "100, 1.00", "8800, 88.00", "8805, 88.05",
        "123456789, 1234567.89", "1000000000000, 10000000000.00"})
    void plainStringAlwaysHasTwoDecimalsAndNoGrouping(long fen, String text) {
        assertEquals(text, Money.ofFen(fen).toPlainString());
        assertEquals(text, Money.ofFen(fen).toString());
    }

    @Test
    void displayStringHasTheYuanSign() {
        assertEquals("\u00A588.00", Money.ofYuan(88).toDisplayString());
        assertEquals("\u00A50.01", Money.ofFen(1).toDisplayString());
    }

    @Test
    void everyAmountRoundTripsThroughItsText() {
        Random random = new Random(SEED);
        for (int run = 0; run < 200_000; run++) {
            Money money = run < 1_000 ? Money.ofFen(run) : randomMoney(random);
            assertEquals(money, Money.parse(money.toPlainString()));
            assertEquals(money, Money.parse(money.toString()));
            assertEquals(money, Money.parse(money.toDisplayString().substring(1)));
        }
        assertEquals(MAX, Money.parse(MAX.toPlainString()));
        assertEquals(Money.ofFen(Money.MAX_FEN - 1), Money.parse(Money.ofFen(Money.MAX_FEN - 1).toPlainString()));
    }
}
