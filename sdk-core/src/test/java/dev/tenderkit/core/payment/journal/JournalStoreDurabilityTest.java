package dev.tenderkit.core.payment.journal;

import static dev.tenderkit.core.payment.journal.JournalTransactionStoreTest.CLOCK;
import static dev.tenderkit.core.payment.journal.JournalTransactionStoreTest.T0;
import static dev.tenderkit.core.payment.journal.JournalTransactionStoreTest.created;
import static dev.tenderkit.core.payment.journal.JournalTransactionStoreTest.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which saves the store makes durable before returning, and what a power cut leaves: the intent
 * on the device, a later (lazy) record possibly not, so the trade comes back unfinished and recovery
 * asks the wallet. The power cut is {@link ScriptedSync#powerCut()}: the journal and anchor as they
 * stood after the last force.
 */
class JournalStoreDurabilityTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("trades.journal");
    }

    private JournalTransactionStore open(DeviceSync sync) {
        return JournalTransactionStore.open(file(), CLOCK, JournalOptions.DURABLE,
                JournalTransactionStore.DEFAULT_RETENTION, 4L << 20, sync);
    }

    private static TradeRecord paid(TradeRecord t) {
        return t.paid(payment(T0.plusSeconds(2)), Optional.of(Money.parse("2.62")), T0.plusSeconds(2));
    }

    private static RefundRecord refundRequested(String no) {
        return new RefundRecord("TK1", no, Money.parse("100.00"), "return", RefundState.REQUESTED,
                T0.plusSeconds(5), T0.plusSeconds(5), Optional.empty(), Optional.empty(), 0);
    }

    @Test
    void onlyARecordThatBeginsATradeOrARefundIsForcedBeforeItsSaveReturns() {
        ScriptedSync sync = ScriptedSync.counting(file());
        try (JournalTransactionStore s = open(sync)) {
            TradeRecord intent = created("TK1", "ORD-1", T0);
            assertEquals(SaveDurability.BEFORE_RETURN, SaveDurability.of(intent));
            s.save(intent);
            assertEquals(1, s.forces());
            assertEquals(s.durableSize(), java.nio.file.Files.size(file()));
            TradeRecord paid = paid(intent);
            assertEquals(SaveDurability.WITH_NEXT_COMMIT, SaveDurability.of(paid));
            s.save(paid);
            assertEquals(1, s.forces(), "the paid record waits for the next commit");
            assertTrue(s.durableSize() < java.nio.file.Files.size(file()));
            assertEquals(Optional.of(paid), s.find("TK1"), "but the store answers with it at once");
            RefundRecord request = refundRequested("R1");
            assertEquals(SaveDurability.BEFORE_RETURN, SaveDurability.of(request));
            s.save(request);
            assertEquals(2, s.forces(), "a refund's request is forced, and with it the paid record before it");
            assertEquals(s.durableSize(), java.nio.file.Files.size(file()));
            s.save(request.advance(RefundState.REFUNDED, Optional.empty(), Optional.empty(), T0.plusSeconds(6)));
            s.save(paid.withRefunded(Money.parse("100.00"), T0.plusSeconds(6)));
            assertEquals(2, s.forces());
            s.flush();
            assertEquals(3, s.forces());
            assertEquals(s.durableSize(), java.nio.file.Files.size(file()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPowerCutAfterTheIntentLosesTheLazyPaidRecordAndTheTradeComesBackUnfinished() {
        ScriptedSync sync = ScriptedSync.counting(file());
        TradeRecord intent = created("TK1", "ORD-1", T0);
        byte[][] disk;
        try (JournalTransactionStore s = open(sync)) {
            s.save(intent);
            s.save(paid(intent));
            disk = sync.disk();   // the power goes now; the close below (which forces the rest) never happened
        }
        sync.powerCut(disk);
        try (JournalTransactionStore s = JournalTransactionStore.open(file(), CLOCK)) {
            assertFalse(s.integrity().isDamaged(), s.integrity().describe());
            assertEquals(Optional.of(intent), s.find("TK1"), "the paid record was lost with the power");
            assertEquals(List.of(intent), s.unfinished(), "so recovery sees the trade and asks the wallet");
        }
    }

    @Test
    void aPowerCutNeverLosesAnEarlierAttemptsFinalRecordOnceALaterAttemptIsDurable() {
        ScriptedSync sync = ScriptedSync.counting(file());
        TradeRecord first = created("TK1", "ORD-1", T0);
        TradeRecord failed = first.next(T0.plusSeconds(1), c -> c.state(TradeState.REVERSED).cancelled());
        TradeRecord second = created("TK2", "ORD-1", T0.plusSeconds(2));
        byte[][] disk;
        try (JournalTransactionStore s = open(sync)) {
            s.save(first);
            s.save(failed);   // lazy
            s.save(second);   // a further attempt of the order: forced, carrying the reversal with it
            s.save(paid(second));   // lazy, lost below
            disk = sync.disk();
        }
        sync.powerCut(disk);
        try (JournalTransactionStore s = JournalTransactionStore.open(file(), CLOCK)) {
            assertFalse(s.integrity().isDamaged(), s.integrity().describe());
            assertEquals(Optional.of(failed), s.find("TK1"));
            assertEquals(List.of(failed, second), s.tradesForOrder("ORD-1"));
            assertEquals(List.of(second), s.unfinished());
        }
    }

    @Test
    void aHoleInAnUnforcedSuffixOfSeveralRecordsIsReportedAsDamageNeverCutOff() throws Exception {
        // The documented limit: pages of the lazy suffix written back out of order before the power
        // went leave zeros where one record was and the next one whole. The open cannot tell that
        // from a zeroed durable record, so it reports damage and keeps every byte and every record.
        TradeRecord intent = created("TK1", "ORD-1", T0);
        TradeRecord waiting = intent.advance(TradeState.AWAITING_BUYER, T0.plusSeconds(1));
        TradeRecord paid = paid(waiting);
        long durable;
        long holeEnd;
        try (JournalTransactionStore s = open(ScriptedSync.counting(file()))) {
            s.save(intent);
            durable = s.durableSize();
            s.save(waiting);
            holeEnd = java.nio.file.Files.size(file());
            s.save(paid);
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file());
        java.util.Arrays.fill(bytes, (int) durable, (int) holeEnd, (byte) 0);
        java.nio.file.Files.write(file(), bytes);
        try (JournalTransactionStore s = JournalTransactionStore.open(file(), CLOCK)) {
            assertTrue(s.integrity().isDamaged(), "a hole followed by a valid record is not taken for a torn tail");
            assertEquals(Optional.of(paid), s.find("TK1"), "the record after the hole is still read");
            assertEquals(bytes.length, java.nio.file.Files.size(file()), "nothing was cut off");
        }
    }

    @Test
    void concurrentIntentSavesShareForcesAndAFailedForceFailsThemAll() throws Exception {
        ScriptedSync sync = ScriptedSync.failingFirst(file());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        JournalTransactionStore s = open(sync);
        try {
            Future<?> leader = threads.submit(() -> s.save(created("TK0", "ORD-0", T0)));
            sync.firstEntered.await();
            // The store's lock is not held while a save waits for its force: others still save.
            s.save(paid(created("TK9", "ORD-9", T0)).next(T0, c -> c.problem("lazy, written at once")));
            assertEquals(1, sync.forces.get());
            sync.releaseFirst();
            TenderKitException e = assertThrows(TenderKitException.class, () -> unwrap(leader));
            assertEquals(ErrorCode.JOURNAL_IO, e.code());
            assertEquals(ErrorCode.JOURNAL_IO, assertThrows(TenderKitException.class,
                    () -> s.save(created("TK1", "ORD-1", T0))).code());
            assertEquals(1, sync.forces.get());
        } finally {
            threads.shutdownNow();
            assertThrows(TenderKitException.class, s::close);
        }
    }

    private static void unwrap(Future<?> f) throws Exception {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
