package dev.tenderkit.core.payment.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The journal's own instant text must be {@link Instant#toString()}, or old and new records would differ. */
class InstantTextTest {
    @Test
    void equalsTheJdksTextOverRandomInstantsOfEveryFractionShape() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertEquals(instant.toString(), InstantText.of(instant), () -> "seconds " + seconds + " nano " + nano);
        }
    }

    @Test
    void equalsTheJdksTextAtTheEdges() {
        for (Instant instant : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(-1),
                Instant.parse("2000-02-29T23:59:59.999999999Z"), Instant.parse("1999-12-31T00:00:00.100Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2100-03-01T00:00:00.000010Z"), Instant.MIN, Instant.MAX}) {
            assertEquals(instant.toString(), InstantText.of(instant));
        }
    }
}
