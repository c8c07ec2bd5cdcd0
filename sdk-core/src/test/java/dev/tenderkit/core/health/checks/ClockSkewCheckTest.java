package dev.tenderkit.core.health.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.health.HealthStatus;
import dev.tenderkit.core.time.ManualTaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The terminal clock is a controllable virtual clock; the reference is whatever the test says. */
class ClockSkewCheckTest {
    private final ManualTaskScheduler terminal = new ManualTaskScheduler(Contexts.T0);

    private HealthItem skewedBy(Duration terminalMinusReference, ClockSkewCheck.Builder b) {
        Instant reference = Contexts.T0.minus(terminalMinusReference);
        return b.reference(ReferenceClock.of("ntp.test", () -> reference)).build()
                .check(Contexts.at(terminal.clock())).get(0);
    }

    private HealthItem skewedBy(Duration terminalMinusReference) {
        return skewedBy(terminalMinusReference, ClockSkewCheck.builder());
    }

    @Test
    void aFewSecondsOffIsOk() {
        HealthItem item = skewedBy(Duration.ofSeconds(2));
        assertEquals("clock.skew", item.id());
        assertEquals(HealthStatus.OK, item.status());
        assertEquals("the terminal clock is 2 s ahead of ntp.test", item.detail().en());
    }

    @Test
    void fromOneMinuteOffItWarns() {
        assertEquals(HealthStatus.OK, skewedBy(Duration.ofMillis(59_999)).status());
        HealthItem item = skewedBy(Duration.ofSeconds(-90));
        assertEquals(HealthStatus.WARN, item.status());
        assertEquals("the terminal clock is 1 min 30 s behind ntp.test", item.detail().en());
        assertEquals("终端时钟比 ntp.test 慢 1 分 30 秒", item.detail().zh());
    }

    @Test
    void fromThreeMinutesOffItFailsForEveryMethodWithTheRemedy() {
        assertEquals(HealthStatus.WARN, skewedBy(Duration.ofMillis(179_999)).status());
        HealthItem item = skewedBy(Duration.ofMinutes(3));
        assertEquals(HealthStatus.FAIL, item.status());
        assertTrue(item.remedy().orElseThrow().en().startsWith("set the terminal's date and time"));
        assertEquals(Set.of(), item.affectedWallets());
        assertEquals(HealthStatus.FAIL, skewedBy(Duration.ofMinutes(-7)).status());
    }

    @Test
    void thresholdsAreConfigurable() {
        ClockSkewCheck.Builder strict = ClockSkewCheck.builder().warnAt(Duration.ofSeconds(10))
                .failAt(Duration.ofSeconds(30));
        assertEquals(HealthStatus.WARN, skewedBy(Duration.ofSeconds(10), strict).status());
        assertEquals(HealthStatus.FAIL, skewedBy(Duration.ofSeconds(-30), strict).status());
    }

    @Test
    void aSlowReferenceIsNotCountedAsSkew() {
        // Reading the reference takes 10 s of terminal time; it answers with the time at the midpoint.
        ClockSkewCheck check = ClockSkewCheck.builder().reference(ReferenceClock.of("slow", () -> {
            terminal.advance(Duration.ofSeconds(10));
            return Contexts.T0.plusSeconds(5);
        })).build();
        HealthItem item = check.check(Contexts.at(terminal.clock())).get(0);
        assertEquals("the terminal clock is 0 ms ahead of slow", item.detail().en());
    }

    @Test
    void aReferenceThatCannotBeReadIsAWarningNamingTheError() {
        ClockSkewCheck check = ClockSkewCheck.builder().reference(ReferenceClock.of("ntp.test", () -> {
            throw new IllegalStateException("no route to ntp.test");
        })).build();
        HealthItem item = check.check(Contexts.at(terminal.clock())).get(0);
        assertEquals(HealthStatus.WARN, item.status());
        assertTrue(item.detail().en().contains("java.lang.IllegalStateException: no route to ntp.test"),
                item.detail().en());
    }

    @Test
    void theBuilderNamesTheWrongSetting() {
        assertEquals("reference", assertThrows(ConfigurationException.class,
                () -> ClockSkewCheck.builder().build()).setting());
        ReferenceClock ref = () -> Contexts.T0;
        assertEquals("failAt", assertThrows(ConfigurationException.class,
                () -> ClockSkewCheck.builder().reference(ref).failAt(Duration.ofSeconds(60)).build()).setting());
        assertEquals("warnAt", assertThrows(ConfigurationException.class,
                () -> ClockSkewCheck.builder().reference(ref).warnAt(Duration.ZERO).build()).setting());
        assertEquals("reference clock", ref.source());
    }
}
