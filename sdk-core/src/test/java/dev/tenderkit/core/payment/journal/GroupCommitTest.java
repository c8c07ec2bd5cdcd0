package dev.tenderkit.core.payment.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit and its failure rule, on a real file, steered by {@link ScriptedSync}: forces are
 * counted and held on latches, never timed.
 */
class GroupCommitTest {
    private static final int WAITERS = 15;

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newFixedThreadPool(WAITERS + 1);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private Path file() {
        return dir.resolve("trades.journal");
    }

    private static byte[] record(String s) {
        return ("{\"r\":\"" + s + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Starts the first durable append, which becomes the leader and stops inside its (held) force. */
    private Future<Long> leaderHeldInItsForce(AppendOnlyJournal j, ScriptedSync sync) throws InterruptedException {
        Future<Long> leader = threads.submit(() -> j.append(record("leader")));
        sync.firstEntered.await();
        return leader;
    }

    /** Appends from {@code WAITERS} threads while the first force is held; returns once all have written. */
    private List<Future<Long>> waitersBehindTheHeldForce(AppendOnlyJournal j) throws InterruptedException {
        CountDownLatch written = new CountDownLatch(WAITERS);
        List<Future<Long>> waiters = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            String name = "waiter-" + i;
            waiters.add(threads.submit(() -> {
                AppendOnlyJournal.Written w = j.write(record(name));   // what append does: write, then wait
                written.countDown();
                j.awaitDurable(w.ticket());
                return w.offset();
            }));
        }
        written.await();
        return waiters;
    }

    @Test
    void appendsWrittenWhileAForceRunsShareTheNextForce() throws Exception {
        ScriptedSync sync = ScriptedSync.holdingFirst(file());
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE, sync)) {
            Future<Long> leader = leaderHeldInItsForce(j, sync);
            List<Future<Long>> waiters = waitersBehindTheHeldForce(j);
            assertEquals(1, sync.forces.get());
            assertFalse(leader.isDone(), "the leader returns only once its force is done");
            sync.releaseFirst();
            leader.get();
            for (Future<Long> w : waiters) {
                w.get();
            }
            // The first force covered the leader; one more covered all fifteen written behind it.
            assertEquals(2, sync.forces.get());
            assertEquals(2, j.forces());
            assertEquals(j.size(), j.durableSize());
        }
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE)) {
            assertEquals(WAITERS + 1, j.recordsAtOpen().size());
        }
    }

    @Test
    void manyThreadsAppendingAtOnceEachReturnOnlyOnceAForceCoveredTheirRecord() throws Exception {
        ScriptedSync sync = ScriptedSync.counting(file());
        int perThread = 60;
        int appendCount = (WAITERS + 1) * perThread;
        CountDownLatch start = new CountDownLatch(1);
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE, sync)) {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < WAITERS + 1; t++) {
                int thread = t;
                runs.add(threads.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String name = thread + "-" + i;
                        byte[] r = record(name);
                        long offset = j.append(r);
                        long end = offset + RecordFormat.OVERHEAD + r.length;
                        assertTrue(end <= sync.forcedLength.get(), name + " returned before a force covered it: end "
                                + end + ", forced " + sync.forcedLength.get());
                        mine.add(name);
                    }
                    return mine;
                }));
            }
            start.countDown();
            Set<String> appended = new HashSet<>();
            for (Future<List<String>> r : runs) {
                appended.addAll(r.get());
            }
            assertEquals(appendCount, appended.size());
            assertTrue(sync.forces.get() <= appendCount, "never more than one force per append");
            assertEquals(sync.forces.get(), j.forces());
        }
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE)) {
            assertEquals(appendCount, j.recordsAtOpen().size());
        }
    }

    @Test
    void aFailedForceFailsEveryWaiterOfItsBatchAndIsNeverRetried() throws Exception {
        ScriptedSync sync = ScriptedSync.failingFirst(file());
        AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE, sync);
        Future<Long> leader = leaderHeldInItsForce(j, sync);
        List<Future<Long>> waiters = waitersBehindTheHeldForce(j);
        sync.releaseFirst();
        List<Future<Long>> all = new ArrayList<>(waiters);
        all.add(leader);
        for (Future<Long> f : all) {
            ExecutionException e = assertThrows(ExecutionException.class, f::get);
            TenderKitException tk = assertInstanceOf(TenderKitException.class, e.getCause());
            assertEquals(ErrorCode.JOURNAL_IO, tk.code());
            assertTrue(rootMessage(tk).contains("simulated EIO"), rootMessage(tk));
        }
        assertEquals(1, sync.forces.get(), "the failed force is not retried, for no one");
        // Nothing later may pretend that what the failed force should have saved is durable.
        assertEquals(ErrorCode.JOURNAL_IO, assertThrows(TenderKitException.class, () -> j.append(record("later")))
                .code());
        assertEquals(ErrorCode.JOURNAL_IO, assertThrows(TenderKitException.class,
                () -> j.appendLazily(record("later"))).code());
        assertEquals(ErrorCode.JOURNAL_IO, assertThrows(TenderKitException.class, j::flush).code());
        assertEquals(ErrorCode.JOURNAL_IO, assertThrows(TenderKitException.class,
                () -> j.compact(List.of(record("kept")))).code());
        assertEquals(1, sync.forces.get());
        assertTrue(j.durableSize() < j.size());
        // Closing says so too, and still releases the lock: a reopen reads back what the file holds.
        TenderKitException closing = assertThrows(TenderKitException.class, j::close);
        assertTrue(closing.getMessage().contains("may not be durable"), closing.getMessage());
        try (AppendOnlyJournal reopened = AppendOnlyJournal.open(file(), JournalOptions.DURABLE)) {
            assertEquals(WAITERS + 1, reopened.recordsAtOpen().size());
            reopened.append(record("after the reopen"));
        }
    }

    @Test
    void aLazyAppendIsForcedByTheNextDurableOneAndByClose() throws Exception {
        ScriptedSync sync = ScriptedSync.counting(file());
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE, sync)) {
            long atOpen = j.size();
            j.appendLazily(record("paid"));
            j.appendLazily(record("refunded"));
            assertEquals(0, sync.forces.get());
            assertEquals(atOpen, j.durableSize());
            j.append(record("next intent"));
            assertEquals(1, sync.forces.get(), "one force for the intent and both lazy records before it");
            assertEquals(j.size(), j.durableSize());
            j.appendLazily(record("paid again"));
            assertTrue(j.durableSize() < j.size());
        }
        assertEquals(2, sync.forces.get(), "close forced the last lazy record");
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE)) {
            assertEquals(4, j.recordsAtOpen().size());
            assertFalse(j.isDamaged());
        }
    }

    @Test
    void aFlushWithNothingNewToForceDoesNotForce() {
        ScriptedSync sync = ScriptedSync.counting(file());
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE, sync)) {
            j.append(record("a"));
            j.flush();
            j.flush();
            assertEquals(1, sync.forces.get());
        }
        assertEquals(1, sync.forces.get(), "close had nothing left to force");
    }

    @Test
    void theAnchorIsNotRewrittenPerAppendAndNeverExceedsTheDurableLength() throws Exception {
        Path anchorFile = AppendOnlyJournal.anchorFile(file());
        ScriptedSync sync = ScriptedSync.counting(file());
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE, sync)) {
            long generation = JournalAnchor.read(anchorFile).state().orElseThrow().generation();
            for (int i = 0; i < 20; i++) {
                j.append(record("intent " + i));
                j.appendLazily(record("paid " + i));
            }
            assertEquals(generation, JournalAnchor.read(anchorFile).state().orElseThrow().generation(),
                    "forty appends, well under " + AppendOnlyJournal.ANCHOR_STEP + " bytes: the anchor untouched");
            byte[] big = record("x".repeat(1000));
            while (j.size() < 3L * AppendOnlyJournal.ANCHOR_STEP) {
                j.appendLazily(big);
                j.append(big);
                long mark = JournalAnchor.read(anchorFile).state().orElseThrow().committed();
                assertTrue(mark <= j.durableSize(), "the mark " + mark + " passed the durable length "
                        + j.durableSize());
            }
            JournalAnchor.State raised = JournalAnchor.read(anchorFile).state().orElseThrow();
            assertTrue(raised.generation() > generation && raised.generation() < generation + 10,
                    "raised every " + AppendOnlyJournal.ANCHOR_STEP + " bytes, not per append: " + raised);
            assertTrue(j.durableSize() - raised.committed() < AppendOnlyJournal.ANCHOR_STEP + 2100);
        }
        assertEquals(java.nio.file.Files.size(file()), JournalAnchor.read(anchorFile).state().orElseThrow()
                .committed(), "close raises the mark to the whole journal");
    }

    @Test
    void concurrentDurableAppendsAndACompactionNeverLoseAWaiter() throws Exception {
        ScriptedSync sync = ScriptedSync.counting(file());
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE, sync)) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < 50; i++) {
                        j.append(record(thread + "-" + i));
                    }
                }, threads));
            }
            runs.add(CompletableFuture.runAsync(() -> {
                await(start);
                for (int i = 0; i < 10; i++) {
                    j.compact(List.of(record("kept " + i)));
                }
            }, threads));
            start.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
            assertEquals(j.size(), j.durableSize());
        }
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE)) {
            assertFalse(j.isDamaged(), j.damage().toString());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
