package dev.tenderkit.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // a hung concurrency bug fails here instead of hanging the build
class HealthMonitorRealThreadsTest {

    @Test
    void aMonitorWithDefaultsRunsChecksOnRealThreads() {
        ScriptedCheck check = new ScriptedCheck("power");
        String[] thread = new String[1];
        check.answering(c -> {
            thread[0] = Thread.currentThread().getName();
            return java.util.List.of(HealthItem.ok("power", dev.tenderkit.core.LocalizedText.of("好", "fine")));
        });
        try (HealthMonitor m = HealthMonitor.builder().check(CheckDepth.QUICK, check).build()) {
            assertEquals(HealthStatus.OK, m.run(CheckDepth.QUICK).status());
        }
        assertTrue(thread[0].startsWith("tenderkit-health-check-"), thread[0]);
    }
}
