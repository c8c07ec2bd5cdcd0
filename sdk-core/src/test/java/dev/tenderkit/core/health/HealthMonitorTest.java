package dev.tenderkit.core.health;

import dev.tenderkit.core.time.ManualTaskScheduler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.method.Wallet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The monitor on virtual time: every schedule here is driven by a ManualTaskScheduler, nothing sleeps. */
@Timeout(60) // a hung concurrency bug fails here instead of hanging the build
class HealthMonitorTest {
    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    private final ManualTaskScheduler time = new ManualTaskScheduler(T0);
    private final ScriptedCheck quick = new ScriptedCheck("network.gateway");
    private final ScriptedCheck full = new ScriptedCheck("storage.journal");
    private final RecordingListener heard = new RecordingListener();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private HealthMonitor.Builder monitor() {
        return HealthMonitor.builder().check(CheckDepth.QUICK, quick).check(CheckDepth.FULL, full).scheduler(time)
                .checkExecutor(Runnable::run).quickInterval(Duration.ofSeconds(30)).fullInterval(Duration.ofMinutes(2))
                .checkTimeout(Duration.ofSeconds(5)).addListener(heard);
    }

    private HealthMonitor started(HealthMonitor.Builder b) {
        HealthMonitor m = b.build();
        toClose.add(m);
        m.start();
        return m;
    }

    @Test
    void quickChecksRunEveryQuickIntervalAndFullChecksEveryFullInterval() {
        started(monitor());
        time.advance(Duration.ofMinutes(10));
        // Ticks at 0, 30 s, ..., 600 s: 21 runs, the full one every fourth (0, 2, 4, 6, 8, 10 min).
        assertEquals(21, quick.calls());
        assertEquals(6, full.calls());
        List<Instant> fullRuns = new ArrayList<>();
        for (int minute = 0; minute <= 10; minute += 2) {
            fullRuns.add(T0.plus(Duration.ofMinutes(minute)));
        }
        assertEquals(fullRuns, full.calledAt);
        assertEquals(T0.plusSeconds(30), quick.calledAt.get(1));
        List<CheckDepth> depths = heard.reports.stream().map(HealthReport::depth).toList();
        assertEquals(21, depths.size());
        assertEquals(List.of(CheckDepth.FULL, CheckDepth.QUICK, CheckDepth.QUICK, CheckDepth.QUICK, CheckDepth.FULL),
                depths.subList(0, 5));
    }

    @Test
    void aQuickReportHoldsOnlyQuickItemsAndAFullReportHoldsAll() {
        started(monitor());
        time.advance(Duration.ofSeconds(30));
        HealthReport first = heard.reports.get(0);
        HealthReport second = heard.reports.get(1);
        assertEquals(List.of("network.gateway", "storage.journal"), first.items().stream().map(HealthItem::id).toList());
        assertEquals(List.of("network.gateway"), second.items().stream().map(HealthItem::id).toList());
        assertEquals(T0.plusSeconds(30), second.startedAt());
        assertEquals(Duration.ofSeconds(5), quick.contexts.get(0).timeout());
        assertEquals(CheckDepth.QUICK, quick.contexts.get(1).runDepth());
    }

    @Test
    void checksReadTheSchedulersClockSoTheyMeasureOnTheTimeTheirTimeoutsRunOn() {
        HealthMonitor m = monitor().build();
        toClose.add(m);
        m.run(CheckDepth.QUICK);
        assertSame(time.clock(), quick.contexts.get(0).clock());
    }

    @Test
    void onlyTheMostRecentReportsAreKeptOldestFirst() {
        HealthMonitor m = started(monitor().retainedReports(3));
        time.advance(Duration.ofMinutes(3)); // 7 runs
        List<HealthReport> kept = m.recentReports();
        assertEquals(3, kept.size());
        assertEquals(List.of(T0.plusSeconds(120), T0.plusSeconds(150), T0.plusSeconds(180)),
                kept.stream().map(HealthReport::startedAt).toList());
        assertSame(kept.get(2), m.latestReport().orElseThrow());
        assertEquals(7, heard.reports.size());
    }

    @Test
    void listenersHearEveryReportAndOnlyRealChangesOfHealth() {
        HealthMonitor m = started(monitor());
        time.runDueTasks();
        assertEquals(1, heard.reports.size());
        assertEquals(0, heard.changes.size()); // healthy before, healthy after

        quick.failing(Set.of(Wallet.ALIPAY));
        time.advance(Duration.ofSeconds(30));
        assertEquals(1, heard.changes.size());
        assertTrue(heard.changes.get(0).previous().isHealthy());
        assertEquals("network.gateway", heard.changes.get(0).current().issues().get(0).item());
        assertSame(m.terminalHealth(), heard.changes.get(0).current());

        time.advance(Duration.ofSeconds(30)); // still failing the same way: no change
        assertEquals(3, heard.reports.size());
        assertEquals(1, heard.changes.size());

        quick.ok();
        time.advance(Duration.ofSeconds(30));
        assertEquals(2, heard.changes.size());
        assertTrue(heard.changes.get(1).current().isHealthy());
    }

    @Test
    void aFailureOnlyAFullRunChecksSurvivesTheQuickRunsInBetween() {
        HealthMonitor m = started(monitor());
        full.failing(Set.of());
        time.runDueTasks(); // full run at 0
        time.advance(Duration.ofSeconds(90)); // quick runs at 30, 60, 90
        assertEquals(HealthStatus.OK, m.latestReport().orElseThrow().status());
        assertEquals(List.of("storage.journal"), m.terminalHealth().issues().stream().map(HealthIssue::item).toList());
        full.ok();
        time.advance(Duration.ofSeconds(30)); // full run at 120
        assertTrue(m.terminalHealth().isHealthy());
    }

    @Test
    void aThrowingCheckBecomesAFailNamingTheExceptionAndTheScheduleGoesOn() {
        HealthMonitor m = started(monitor());
        quick.answering(c -> {
            throw new IllegalStateException("scanner driver crashed");
        });
        time.runDueTasks();
        HealthItem item = m.latestReport().orElseThrow().item("network.gateway").orElseThrow();
        assertEquals(HealthStatus.FAIL, item.status());
        assertTrue(item.detail().en().contains("java.lang.IllegalStateException: scanner driver crashed"),
                item.detail().en());
        assertTrue(item.remedy().isPresent());
        assertEquals(HealthStatus.OK, m.latestReport().orElseThrow().item("storage.journal").orElseThrow().status());

        time.advance(Duration.ofSeconds(60));
        assertEquals(3, quick.calls());
        assertEquals(3, heard.reports.size());
    }

    @Test
    void aCheckThatBreaksItsContractIsReportedNotTrusted() {
        HealthMonitor m = monitor().build();
        toClose.add(m);
        quick.answering(c -> List.of());
        assertTrue(m.run(CheckDepth.QUICK).item("network.gateway").orElseThrow().detail().en()
                .contains("returned no items"));
        quick.answering(c -> List.of(HealthItem.ok("power", dev.tenderkit.core.LocalizedText.of("好", "fine"))));
        HealthItem foreign = m.run(CheckDepth.QUICK).item("network.gateway").orElseThrow();
        assertEquals(HealthStatus.FAIL, foreign.status());
        assertTrue(foreign.detail().en().contains("\"power\""), foreign.detail().en());
    }

    @Test
    void aHungCheckIsAFailAtItsTimeoutAndItsThreadIsInterrupted() throws Exception {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        toClose.add(threads::shutdownNow);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        quick.answering(c -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await(); // hangs until interrupted
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return List.of(HealthItem.ok("network.gateway", dev.tenderkit.core.LocalizedText.of("迟到", "late")));
        });
        HealthMonitor m = monitor().checkExecutor(threads).build();
        toClose.add(m);

        CompletableFuture<HealthReport> run = m.runAsync(CheckDepth.QUICK);
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        time.advance(Duration.ofMillis(4999));
        assertFalse(run.isDone());
        time.advance(Duration.ofMillis(1));
        HealthReport report = run.get(5, TimeUnit.SECONDS);
        HealthItem item = report.item("network.gateway").orElseThrow();
        assertEquals(HealthStatus.FAIL, item.status());
        assertTrue(item.detail().en().contains("did not finish within 5000 ms"), item.detail().en());
        assertEquals(Duration.ofSeconds(5), report.duration());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        // The late answer is dropped: the retained report keeps the FAIL.
        assertEquals(HealthStatus.FAIL, m.latestReport().orElseThrow().status());
    }

    @Test
    void aScheduledRunStillGoingMakesTicksSkipAndASkippedFullRunComesAtTheNextTick() throws Exception {
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        toClose.add(oneThread::shutdownNow);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        HealthMonitor m = started(monitor().checkExecutor(oneThread).fullInterval(Duration.ofSeconds(60))
                .addListener(new HealthListener() {
                    @Override
                    public void reportCompleted(HealthReport report) {
                        if (first.getAndSet(false)) {
                            blocked.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                }));
        // The full run at 0 s finishes on the check thread once let go, and its delivery blocks there.
        CountDownLatch go = new CountDownLatch(1);
        full.answering(c -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(HealthItem.ok("storage.journal", dev.tenderkit.core.LocalizedText.of("好", "fine")));
        });
        time.runDueTasks();
        go.countDown();
        assertTrue(blocked.await(5, TimeUnit.SECONDS));
        full.ok();
        time.advance(Duration.ofSeconds(30)); // quick tick: skipped
        time.advance(Duration.ofSeconds(30)); // full tick: skipped, owed
        assertEquals(1, quick.calls());
        assertEquals(1, full.calls());
        release.countDown();
        // Deliveries are serialized, so once an on-demand run is delivered the scheduled one is over.
        m.run(CheckDepth.QUICK);
        time.advance(Duration.ofSeconds(30)); // a quick tick by count, but the owed full run takes it
        m.run(CheckDepth.QUICK); // same single thread, delivered after the scheduled run
        assertEquals(List.of(T0, T0.plusSeconds(90)), full.calledAt);
        assertEquals(List.of(CheckDepth.FULL, CheckDepth.QUICK, CheckDepth.FULL, CheckDepth.QUICK),
                heard.reports.stream().map(HealthReport::depth).toList());
    }

    @Test
    void aThrowingListenerDoesNotSilenceOthersNorStopTheSchedule() {
        RecordingListener second = new RecordingListener();
        started(monitor().addListener(new HealthListener() {
            @Override
            public void reportCompleted(HealthReport report) {
                throw new RuntimeException("listener bug");
            }
        }).addListener(second));
        time.advance(Duration.ofSeconds(60));
        assertEquals(3, second.reports.size());
        assertEquals(3, heard.reports.size());
    }

    @Test
    void closingStopsTheScheduleAndRefusesRuns() {
        HealthMonitor m = started(monitor());
        time.advance(Duration.ofSeconds(30));
        m.close();
        time.advance(Duration.ofMinutes(5));
        assertEquals(2, quick.calls());
        assertThrows(IllegalStateException.class, () -> m.run(CheckDepth.QUICK));
        assertThrows(IllegalStateException.class, m::start);
    }

    @Test
    void aCheckTheExecutorRefusesIsAFailAndTheOthersStillReport() {
        ExecutorService shutDown = Executors.newSingleThreadExecutor();
        shutDown.shutdown();
        HealthMonitor m = monitor().checkExecutor(shutDown).build();
        toClose.add(m);
        HealthReport r = m.run(CheckDepth.FULL);
        assertEquals(List.of("network.gateway", "storage.journal"), r.items().stream().map(HealthItem::id).toList());
        assertTrue(r.items().stream().allMatch(i -> i.status() == HealthStatus.FAIL
                && i.detail().en().contains("RejectedExecutionException")));
    }

    @Test
    void anOnDemandRunIsRetainedAndHeardLikeAScheduledOne() {
        HealthMonitor m = monitor().build();
        toClose.add(m);
        full.warning();
        HealthReport r = m.run(CheckDepth.FULL);
        assertEquals(HealthStatus.WARN, r.status());
        assertEquals(List.of(r), m.recentReports());
        assertEquals(List.of(r), heard.reports);
        assertEquals(dev.tenderkit.core.capability.Severity.WARNING, m.terminalHealth().issues().get(0).severity());
    }

    @Test
    void concurrentRunsOnRealThreadsAllCompleteAndRetentionHolds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        toClose.add(pool::shutdownNow);
        HealthMonitor m = monitor().checkExecutor(pool).retainedReports(5).build();
        toClose.add(m);
        List<CompletableFuture<HealthReport>> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            runs.add(m.runAsync(i % 3 == 0 ? CheckDepth.FULL : CheckDepth.QUICK));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertEquals(200, heard.reports.size());
        assertEquals(5, m.recentReports().size());
        assertEquals(200, quick.calls());
    }

    @Test
    void theBuilderNamesTheWrongSetting() {
        assertEquals("checks", assertThrows(ConfigurationException.class,
                () -> HealthMonitor.builder().build()).setting());
        assertEquals("checks", assertThrows(ConfigurationException.class,
                () -> monitor().check(CheckDepth.QUICK, new ScriptedCheck("power"))
                        .check(CheckDepth.FULL, new ScriptedCheck("power")).build()).setting());
        assertEquals("checks", assertThrows(ConfigurationException.class,
                () -> monitor().check(CheckDepth.QUICK, new ScriptedCheck("network.gateway.alipay")).build())
                .setting());
        assertEquals("checks", assertThrows(ConfigurationException.class,
                () -> monitor().check(CheckDepth.QUICK, new ScriptedCheck("Bad Id")).build()).setting());
        assertEquals("checks", assertThrows(ConfigurationException.class,
                () -> monitor().check(null, new ScriptedCheck("power")).build()).setting());
        assertEquals("fullInterval", assertThrows(ConfigurationException.class,
                () -> monitor().fullInterval(Duration.ofSeconds(45)).build()).setting());
        assertEquals("checkTimeout", assertThrows(ConfigurationException.class,
                () -> monitor().checkTimeout(Duration.ofSeconds(30)).build()).setting());
        assertEquals("quickInterval", assertThrows(ConfigurationException.class,
                () -> monitor().quickInterval(Duration.ZERO).build()).setting());
        assertEquals("retainedReports", assertThrows(ConfigurationException.class,
                () -> monitor().retainedReports(0).build()).setting());
        assertEquals("scheduler", assertThrows(ConfigurationException.class,
                () -> monitor().scheduler(null).build()).setting());
    }

    /** Records what a listener hears. */
    static final class RecordingListener implements HealthListener {
        record Change(TerminalHealth previous, TerminalHealth current) {
        }

        final List<HealthReport> reports = new CopyOnWriteArrayList<>();
        final List<Change> changes = new CopyOnWriteArrayList<>();

        @Override
        public void reportCompleted(HealthReport report) {
            reports.add(report);
        }

        @Override
        public void healthChanged(TerminalHealth previous, TerminalHealth current) {
            changes.add(new Change(previous, current));
        }
    }
}
