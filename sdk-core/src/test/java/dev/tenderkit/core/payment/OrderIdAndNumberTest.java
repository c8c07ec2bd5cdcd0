package dev.tenderkit.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written order id check and number padding say exactly what their documented rules say. */
class OrderIdAndNumberTest {
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_\\-.:]{1,64}");

    @Test
    void anOrderIdIsOneToSixtyFourLettersDigitsAndUnderscoreDashDotColon() {
        for (int c = 0; c < 0x3100; c++) {
            String id = "A" + (char) c + "9";
            assertEquals(RULE.matcher(id).matches(), OrderAdmission.isOrderId(id), () -> "U+" + Integer.toHexString(id.charAt(1)));
        }
        assertFalse(OrderAdmission.isOrderId(""));
        assertTrue(OrderAdmission.isOrderId("x".repeat(64)));
        assertFalse(OrderAdmission.isOrderId("x".repeat(65)));
        assertTrue(OrderAdmission.isOrderId("POS-1_2.3:4"));
    }

    @Test
    void theSequenceIsFiveBase36DigitsPaddedWithZeros() {
        assertEquals("T1ABC00001", OutTradeNumbers.number("T1ABC", 1));
        assertEquals("T1ABC0000Z", OutTradeNumbers.number("T1ABC", 35));
        assertEquals("T1ABCZZZZZ", OutTradeNumbers.number("T1ABC", 36L * 36 * 36 * 36 * 36 - 1));
        assertEquals("T1ABC100000", OutTradeNumbers.number("T1ABC", 36L * 36 * 36 * 36 * 36));
        assertEquals(1, OutTradeNumbers.sequenceOf(OutTradeNumbers.number("T1ABC", 1), "T1ABC").getAsLong());
    }
}
