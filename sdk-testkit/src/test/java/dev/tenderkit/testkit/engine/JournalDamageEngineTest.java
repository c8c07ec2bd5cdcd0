package dev.tenderkit.testkit.engine;

import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.NEVER_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.WAITING_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.LostTradeSearchResult;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.StoreDamage;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.journal.AppendOnlyJournal;
import dev.tenderkit.testkit.InMemoryWallet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a damaged or shortened journal: it refuses to take money while the store is
 * damaged, recovery still settles what the journal holds, and it finds at the wallet what the
 * journal lost.
 */
class JournalDamageEngineTest {
    @TempDir
    Path dir;

    private static CompletableFuture<TradeOutcome> pay(EngineHarness h, String order, String code) {
        return h.engine.payAsync(BarcodePaymentRequest.of(order, Money.parse("88.00"), code, "goods"));
    }

    private static RecoveryReport recover(EngineHarness h) {
        CompletableFuture<RecoveryReport> report = h.engine.recover();
        h.settle();
        assertTrue(report.isDone(), "recovery completes");
        return report.join();
    }

    private static void flipBit(Path file, long offset, int bit) {
        try {
            byte[] b = Files.readAllBytes(file);
            b[(int) offset] ^= (byte) (1 << bit);
            Files.write(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finding 2 of issue 10: the intent of a charged trade is the journal's last record, and one bit
     * of it flips. It used to be taken for a torn write and cut off: the store opened empty, and
     * paying the same order again charged the buyer twice.
     */
    @Test
    void aFlippedBitInTheIntentOfAChargedTradeCanNoLongerLeadToASecondCharge() {
        // The wallet charges; the process dies as it starts journaling the payment: the intent is last.
        EngineHarness h = new EngineHarness(dir, false, s -> new CrashingStore(s, dir.resolve("trades.journal"), 2,
                true));
        pay(h, "ORD-1", ALIPAY_CODE);
        h.runFor(Duration.ZERO);
        String charged = h.gateway.ledger().keySet().iterator().next();
        h.restart(Duration.ofSeconds(30), file -> flipBit(file, 8 + 40, 3));   // inside the intent's payload, complete in the file

        StoreDamage damage = h.store.integrity().findings().get(0);
        assertEquals(StoreDamage.Kind.CHECKSUM_MISMATCH, damage.kind());
        assertEquals(8, damage.offset());
        TenderKitException refused = assertThrows(TenderKitException.class, () -> pay(h, "ORD-1", ALIPAY_CODE));
        assertEquals(ErrorCode.JOURNAL_DAMAGED, refused.code());
        assertTrue(refused.getMessage().contains(h.journalFile.toString()) && refused.getMessage().contains("byte 8"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("acceptDamage"), "says what to do: " + refused.getMessage());
        assertEquals(ErrorCode.JOURNAL_DAMAGED, assertThrows(TenderKitException.class, () -> h.engine.startQr(
                new QrPaymentRequest("ORD-2", Money.parse("1.00"), "x", PaymentMethods.ALIPAY, Duration.ofMinutes(1),
                        Optional.empty()))).code());
        assertEquals(ErrorCode.JOURNAL_DAMAGED, assertThrows(TenderKitException.class,
                () -> h.refund(charged, "R1", Money.parse("1.00"), "x")).code());
        assertEquals(List.of("pay"), h.gateway.calls(), "nothing more reached the wallet");

        // Recovery still runs, and finds the charge at the wallet under its number.
        RecoveryReport report = recover(h);
        assertTrue(report.integrity().isDamaged());
        TradeRecord adopted = report.adopted().get(0);
        assertEquals(charged, adopted.outTradeNo());
        assertEquals("LOST-" + charged, adopted.orderId());
        assertEquals(TradeState.PAID, h.engine.trade(charged).orElseThrow().state());
        assertTrue(adopted.attention().orElseThrow().contains("missing from the journal"));
        assertEquals(List.of(adopted), h.attention);
        assertEquals(Money.parse("88.00"), h.gateway.ledger().get(charged).charged(), "a paid one is never reversed");
        assertEquals(1, h.gateway.ledger().size(), "one charge, ever");

        // A person compares, and accepts: payments resume.
        assertEquals(List.of(damage), h.store.acceptDamage("alice").findings());
        CompletableFuture<TradeOutcome> resumed = pay(h, "ORD-3", ALIPAY_CODE);
        h.runFor(Duration.ZERO);
        assertInstanceOf(TradeOutcome.Paid.class, resumed.getNow(null));
        h.close();
    }

    @Test
    void aTailLostWithoutAVisibleTraceIsFoundAtTheWalletAdoptedAndSettled() {
        EngineHarness h = new EngineHarness(dir);
        pay(h, "ORD-A", ALIPAY_CODE);
        h.settle();
        byte[][] snapshot = snapshot(h);
        pay(h, "ORD-B", ALIPAY_CODE);    // paid at once
        pay(h, "ORD-C", WAITING_CODE);   // confirms at the second query
        pay(h, "ORD-D", NEVER_CODE);     // never confirms
        h.runFor(Duration.ZERO);
        // The disk lied about its flushes: journal and anchor are back where they were (no damage visible).
        h.restart(Duration.ofSeconds(30), file -> restore(file, snapshot));
        assertFalse(h.store.integrity().isDamaged());
        String b = h.gateway.ledger().keySet().stream().toList().get(1);

        RecoveryReport report = recover(h);
        LostTradeSearchResult search = report.searches().get(0);
        assertTrue(search.complete());
        assertEquals(1, search.afterSequence());
        assertEquals(3 + 3, search.numbersQueried(), "three found, then three not found");
        assertEquals(3, report.adopted().size());
        for (Map.Entry<String, InMemoryWallet.LedgerEntry> e : h.gateway.ledger().entrySet()) {
            TradeRecord t = h.engine.trade(e.getKey()).orElseThrow(() -> new AssertionError("lost " + e.getKey()));
            assertTrue(t.state().isFinal(), t.toString());
            if (e.getValue().status() == InMemoryWallet.Status.PAID) {
                assertEquals(TradeState.PAID, t.state());
            } else {
                assertEquals(TradeState.REVERSED, t.state(), "the one that never confirmed is reversed");
                assertEquals(Money.ZERO, e.getValue().charged());
            }
        }
        assertEquals(Money.parse("88.00"), h.gateway.ledger().get(b).charged(), "a paid one is never reversed");
        assertTrue(h.engine.trade(b).orElseThrow().needsAttention());
        h.close();
    }

    @Test
    void unverifiableAnswersAreAskedAgainThenTheNumberIsAdoptedAndSettled() {
        EngineHarness h = new EngineHarness(dir);
        pay(h, "ORD-A", ALIPAY_CODE);
        h.settle();
        byte[][] snapshot = snapshot(h);
        pay(h, "ORD-B", ALIPAY_CODE);
        h.settle();
        h.restart(Duration.ofSeconds(30), file -> restore(file, snapshot));
        int next = h.gateway.calls().size();
        for (int i = 0; i < 3; i++) {
            h.gateway.failAt(next + i, InMemoryWallet.Fault.ERROR_RESPONSE);
        }
        RecoveryReport report = recover(h);
        TradeRecord adopted = report.adopted().get(0);
        assertEquals(TradeState.CREATED, adopted.state(), "adopted without knowing, then queried");
        TradeRecord settled = h.engine.trade(adopted.outTradeNo()).orElseThrow();
        assertEquals(TradeState.PAID, settled.state());
        assertTrue(settled.needsAttention());
        assertEquals(Money.parse("88.00"), h.gateway.ledger().get(adopted.outTradeNo()).charged());
        h.close();
    }

    @Test
    void onAnIntactJournalTheSearchCostsAFewQueriesAndSkipsTheRunningEnginesOwnRun() {
        EngineHarness h = new EngineHarness(dir);
        pay(h, "ORD-A", ALIPAY_CODE);
        pay(h, "ORD-B", ALIPAY_CODE);
        h.settle();
        h.restart(Duration.ofSeconds(5), file -> { });
        RecoveryReport first = recover(h);
        assertEquals(List.of("pay", "pay", "query", "query", "query"), h.gateway.calls());
        assertEquals(2, first.searches().get(0).afterSequence());
        assertEquals(List.of(), first.adopted());
        pay(h, "ORD-C", ALIPAY_CODE);
        h.settle();
        RecoveryReport again = recover(h);   // the running engine's own run is never searched
        assertEquals(first.searches().size(), again.searches().size());
        h.close();
    }

    @Test
    void runsOlderThanTheStoresRetentionAreNotSearchedSoCompactedTradesAreNotAdoptedAgain() {
        EngineHarness h = new EngineHarness(dir);
        pay(h, "ORD-A", ALIPAY_CODE);
        pay(h, "ORD-B", ALIPAY_CODE);
        h.settle();
        h.restart(Duration.ofDays(101), file -> { });
        h.store.compact();   // both finished trades are older than the retention: dropped
        assertEquals(Optional.empty(), h.engine.tradeForOrder("ORD-A"));
        int calls = h.gateway.calls().size();
        RecoveryReport report = recover(h);
        assertEquals(List.of(), report.searches());
        assertEquals(calls, h.gateway.calls().size(), "no query for a run compaction may have emptied");
        h.close();
    }

    @Test
    void aTruncatedJournalIsRefusedAndItsLostTradesAreFound() {
        EngineHarness h = new EngineHarness(dir);
        pay(h, "ORD-A", ALIPAY_CODE);
        h.settle();
        long afterA = size(h.journalFile);
        pay(h, "ORD-B", ALIPAY_CODE);
        pay(h, "ORD-C", ALIPAY_CODE);
        h.settle();
        h.restart(Duration.ofSeconds(30), file -> truncate(file, afterA));   // at a record boundary: looks like a clean journal
        assertEquals(StoreDamage.Kind.TRUNCATED, h.store.integrity().findings().get(0).kind());
        assertEquals(ErrorCode.JOURNAL_DAMAGED, assertThrows(TenderKitException.class,
                () -> pay(h, "ORD-B", ALIPAY_CODE)).code());
        RecoveryReport report = recover(h);
        assertEquals(2, report.adopted().size());
        for (String no : h.gateway.ledger().keySet()) {
            assertEquals(TradeState.PAID, h.engine.trade(no).orElseThrow().state());
        }
        h.close();
    }

    private static byte[][] snapshot(EngineHarness h) {
        try {
            return new byte[][] {Files.readAllBytes(h.journalFile),
                Files.readAllBytes(AppendOnlyJournal.anchorFile(h.journalFile))};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restore(Path file, byte[][] snapshot) {
        try {
            Files.write(file, snapshot[0]);
            Files.write(AppendOnlyJournal.anchorFile(file), snapshot[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void truncate(Path file, long length) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
