package dev.tenderkit.core.health.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.health.HealthStatus;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The platform's battery reading is stood in for by an in-memory value the test sets. */
class PowerCheckTest {
    private final AtomicReference<Optional<PowerReading>> battery = new AtomicReference<>(Optional.empty());
    private final PowerCheck check = PowerCheck.builder().source(battery::get).build();

    private HealthItem at(int percent, boolean charging, boolean onMains) {
        battery.set(Optional.of(new PowerReading(percent, charging, onMains)));
        return check.check(Contexts.fixed()).get(0);
    }

    @Test
    void onBatteryFifteenPercentWarnsAndFivePercentFailsForEveryMethod() {
        assertEquals(HealthStatus.OK, at(16, false, false).status());
        HealthItem low = at(15, false, false);
        assertEquals(HealthStatus.WARN, low.status());
        assertEquals("battery 15 %, on battery power", low.detail().en());
        assertEquals(HealthStatus.WARN, at(6, false, false).status());
        HealthItem critical = at(5, false, false);
        assertEquals(HealthStatus.FAIL, critical.status());
        assertTrue(critical.remedy().orElseThrow().en().startsWith("connect the terminal to power now"));
        assertEquals(Set.of(), critical.affectedWallets());
        assertEquals("power", critical.id());
    }

    @Test
    void onExternalPowerAnyLevelIsOk() {
        assertEquals(HealthStatus.OK, at(2, true, false).status());
        assertEquals(HealthStatus.OK, at(2, false, true).status());
    }

    @Test
    void aTerminalWithoutABatteryIsOk() {
        HealthItem item = check.check(Contexts.fixed()).get(0);
        assertEquals(HealthStatus.OK, item.status());
        assertEquals("no battery: powered from mains", item.detail().en());
    }

    @Test
    void thresholdsAreConfigurableAndValidated() {
        PowerCheck cautious = PowerCheck.builder().source(battery::get).lowPercent(30).criticalPercent(10).build();
        battery.set(Optional.of(new PowerReading(10, false, false)));
        assertEquals(HealthStatus.FAIL, cautious.check(Contexts.fixed()).get(0).status());
        assertEquals("lowPercent", assertThrows(ConfigurationException.class,
                () -> PowerCheck.builder().source(battery::get).lowPercent(5).build()).setting());
        assertEquals("criticalPercent", assertThrows(ConfigurationException.class,
                () -> PowerCheck.builder().source(battery::get).criticalPercent(-1).build()).setting());
        assertEquals("source", assertThrows(ConfigurationException.class, () -> PowerCheck.builder().build()).setting());
        assertThrows(dev.tenderkit.core.InvalidInputException.class, () -> new PowerReading(101, false, false));
    }
}
