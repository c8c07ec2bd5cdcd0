package dev.tenderkit.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // a hung concurrency bug fails here instead of hanging the build
class ExecutorTaskSchedulerTest {

    @Test
    void runsATaskOnItsOwnDaemonThreadAndCloseStopsIt() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        try (ExecutorTaskScheduler s = ExecutorTaskScheduler.create()) {
            s.schedule(() -> {
                thread[0] = Thread.currentThread().getName();
                ran.countDown();
            }, Duration.ofMillis(1));
            assertTrue(ran.await(5, TimeUnit.SECONDS));
        }
        assertTrue(thread[0].startsWith("tenderkit-scheduler-"), thread[0]);
    }

    @Test
    void cancellingDropsTheTaskAndClosingLeavesACallersExecutorRunning() {
        ScheduledThreadPoolExecutor callers = new ScheduledThreadPoolExecutor(1);
        callers.setRemoveOnCancelPolicy(true);
        try {
            ExecutorTaskScheduler s = ExecutorTaskScheduler.on(callers);
            TaskScheduler.Cancellable c = s.schedule(() -> { }, Duration.ofHours(1));
            assertEquals(1, callers.getQueue().size());
            c.cancel();
            assertEquals(0, callers.getQueue().size());
            s.close();
            assertFalse(callers.isShutdown());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void itsClockIsTheUtcSystemClockItsDelaysElapseOn() {
        try (ExecutorTaskScheduler s = ExecutorTaskScheduler.create()) {
            assertEquals(ZoneOffset.UTC, s.clock().getZone());
            long before = System.currentTimeMillis();
            long read = s.clock().millis();
            assertTrue(read >= before && read <= System.currentTimeMillis(), "read " + read);
        }
    }
}
