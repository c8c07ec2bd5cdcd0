package dev.tenderkit.core.payment.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The journal's own CRC-32C gives exactly the JDK's values (which journals written before it
 * carry), so old journals keep opening: the JDK class is the oracle here, in tests only.
 */
class Crc32cTest {

    @Test
    void theCheckValueOfTheStandard() {
        // RFC 3720 / the CRC catalogue's check value: CRC-32C of "123456789"
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xE3069283L, new Crc32c().update(digits).value());
        assertEquals(0L, new Crc32c().value());
    }

    @Test
    void equalsTheJdkOverRandomSlicesAndSplits() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(0, 700)];
            random.nextBytes(bytes);
            int offset = bytes.length == 0 ? 0 : random.nextInt(0, bytes.length + 1);
            int length = random.nextInt(0, bytes.length - offset + 1);
            CRC32C jdk = new CRC32C();
            jdk.update(bytes, offset, length);
            assertEquals(jdk.getValue(), new Crc32c().update(bytes, offset, length).value(),
                    "length " + length + " at " + offset);
            int split = random.nextInt(0, length + 1);
            Crc32c twoSteps = new Crc32c().update(bytes, offset, split).update(bytes, offset + split, length - split);
            assertEquals(jdk.getValue(), twoSteps.value(), "split at " + split + " of " + length);
            assertEquals((int) jdk.getValue(), Crc32c.of(bytes, offset, length));
        }
    }

    @Test
    void aSliceOutsideTheArrayIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> new Crc32c().update(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> new Crc32c().update(new byte[4], -1, 1));
    }
}
