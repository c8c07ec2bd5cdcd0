package dev.tenderkit.core.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentCodeMaskTest {

    private static final long SEED = 20240611L;

    @ParameterizedTest(name = "\"{0}\" is masked as \"{1}\"")
    @CsvSource({
        "'', ''",
        "1, *",
        "123, ***",
        "1234, 1**4",
        "1234567, 1*****7",
        "12345678, 12****78",
        "123456789012, 123******012",
        "123456789012345, 123*********345",
        "1234567890123456, 1234********3456",
        "134567890123456789, 1345**********6789",
        "285123456789012345678901, 2851****************8901",
        "abcdefghijklmnopqrstuvwxyz0123456789, abcd****************************6789",
    })
    void showsAtMostFourPerSideAndNeverMoreThanHalf(String code, String masked) {
        assertEquals(masked, PaymentCodeMask.mask(code));
    }

    @Test
    void nullIsNone() {
        assertEquals("<none>", PaymentCodeMask.mask(null));
        assertEquals(PaymentCodeMask.NONE, PaymentCodeMask.mask(null));
    }

    @Test
    void showsLineBreaksAndNonAsciiAsQuestionMarks() {
        assertEquals("?2****7?", PaymentCodeMask.mask("\n234567\r"));
        assertEquals("?234********6789", PaymentCodeMask.mask("\uFF11" + "234567890126789"));
        assertEquals("??****78", PaymentCodeMask.mask("\uD83D\uDE00345678"));
    }

    @Test
    void masksAnyCharSequence() {
        assertEquals("1345**********6789", PaymentCodeMask.mask(new StringBuilder("134567890123456789")));
    }

    @Test
    void neverShowsMoreThanHalfOrMoreThanEightOfAnyRandomText() {
        Random random = new Random(SEED);
        for (int run = 0; run < 50_000; run++) {
            int length = random.nextInt(80);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            String code = sb.toString();
            String masked = PaymentCodeMask.mask(code);
            assertEquals(length, masked.length());
            int shown = Math.min(4, length / 4);
            for (int i = 0; i < length; i++) {
                boolean visible = i < shown || i >= length - shown;
                assertEquals(visible ? code.charAt(i) : '*', masked.charAt(i), code + " at " + i);
            }
            assertTrue(2 * shown <= length / 2 && 2 * shown <= 8, code);
        }
    }
}
