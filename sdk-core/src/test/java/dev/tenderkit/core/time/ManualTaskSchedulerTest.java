package dev.tenderkit.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTaskSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void tasksRunInDueOrderAtTheirDueTimeOnlyWhenTimeIsAdvanced() {
        ManualTaskScheduler s = new ManualTaskScheduler(T0);
        List<String> ran = new ArrayList<>();
        s.schedule(() -> ran.add("b@" + s.clock().instant()), Duration.ofSeconds(20));
        s.schedule(() -> ran.add("a@" + s.clock().instant()), Duration.ofSeconds(10));
        s.schedule(() -> ran.add("c@" + s.clock().instant()), Duration.ofSeconds(20));
        assertEquals(List.of(), ran);
        s.advance(Duration.ofSeconds(15));
        assertEquals(List.of("a@2026-11-25T02:00:10Z"), ran);
        assertEquals(T0.plusSeconds(15), s.now());
        s.advance(Duration.ofSeconds(5));
        assertEquals(List.of("a@2026-11-25T02:00:10Z", "b@2026-11-25T02:00:20Z", "c@2026-11-25T02:00:20Z"), ran);
        assertEquals(0, s.pendingTasks());
    }

    @Test
    void tasksScheduledByTasksRunInTheSameAdvanceWhenDue() {
        ManualTaskScheduler s = new ManualTaskScheduler(T0);
        List<Instant> ticks = new ArrayList<>();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks.add(s.now());
            s.schedule(tick[0], Duration.ofSeconds(30));
        };
        s.schedule(tick[0], Duration.ZERO);
        s.advance(Duration.ofSeconds(95));
        assertEquals(List.of(T0, T0.plusSeconds(30), T0.plusSeconds(60), T0.plusSeconds(90)), ticks);
        assertEquals(1, s.pendingTasks());
    }

    @Test
    void aCancelledTaskNeverRuns() {
        ManualTaskScheduler s = new ManualTaskScheduler(T0);
        List<String> ran = new ArrayList<>();
        TaskScheduler.Cancellable c = s.schedule(() -> ran.add("x"), Duration.ofSeconds(1));
        c.cancel();
        s.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), ran);
    }

    @Test
    void timeOnlyMovesForward() {
        ManualTaskScheduler s = new ManualTaskScheduler(T0);
        assertThrows(InvalidInputException.class, () -> s.advance(Duration.ofSeconds(-1)));
        assertThrows(InvalidInputException.class, () -> s.schedule(() -> { }, Duration.ofSeconds(-1)));
    }

    @Test
    void theSchedulersClockIsTheVirtualTimeItsDelaysElapseOn() {
        TaskScheduler time = new ManualTaskScheduler(T0);
        List<Instant> ranAt = new ArrayList<>();
        time.schedule(() -> ranAt.add(time.clock().instant()), Duration.ofMillis(250));
        assertEquals(T0, time.clock().instant());
        ((ManualTaskScheduler) time).advance(Duration.ofSeconds(1));
        assertEquals(List.of(T0.plusMillis(250)), ranAt);
        assertEquals(T0.plusSeconds(1), time.clock().instant());
    }
}
