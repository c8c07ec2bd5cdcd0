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
import dev.tenderkit.core.payment.StoreDamage;
import dev.tenderkit.core.payment.StoreIntegrity;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records that check out but are not sound, salvage mode of the store, and the repair step. */
class JournalStoreDamageTest {
    @TempDir
    Path dir;

    private final JournalCodec codec = new JournalCodec();

    private Path file() {
        return dir.resolve("trades.journal");
    }

    private JournalTransactionStore open() {
        return JournalTransactionStore.open(file(), CLOCK);
    }

    /** Appends raw payloads with valid checksums, as a tool that recomputes them would write them. */
    private long[] append(String... payloads) {
        long[] offsets = new long[payloads.length];
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE)) {
            for (int i = 0; i < payloads.length; i++) {
                offsets[i] = j.append(payloads[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        return offsets;
    }

    private String json(TradeRecord t) {
        return new String(codec.encode(t), StandardCharsets.UTF_8);
    }

    @Test
    void aPaidRecordWithoutAPaymentIsAFindingNamingItsOffsetNotARawIllegalArgumentException() {
        TradeRecord t = created("TK1", "ORD-1", T0);
        String edited = json(t.advance(TradeState.AWAITING_BUYER, T0)).replace("\"AWAITING_BUYER\"", "\"PAID\"");
        long[] at = append(json(t), edited);
        try (JournalTransactionStore s = open()) {
            StoreDamage d = s.integrity().findings().get(0);
            assertEquals(StoreDamage.Kind.INCONSISTENT_RECORD, d.kind());
            assertEquals(at[1], d.offset());
            assertTrue(d.problem().contains("PAID trade record needs its payment"), d.problem());
            assertEquals(Optional.of(t), s.find("TK1"), "the sound earlier revision is kept");
            assertEquals(List.of(t), s.unfinished(), "and recovery will settle it");
            JournalCorruptedException e = assertThrows(JournalCorruptedException.class, s::requireIntact);
            assertEquals(ErrorCode.JOURNAL_CORRUPT, e.code());
            assertEquals(at[1], e.offset());
            assertTrue(Files.exists(d.savedCopy().orElseThrow()));
        }
    }

    @Test
    void revisionsThatDisagreeOnWhatNeverChangesAreFindings() {
        TradeRecord t = created("TK1", "ORD-1", T0);
        TradeRecord paid = t.paid(payment(T0), Optional.empty(), T0.plusSeconds(1));
        append(json(t), json(paid).replace("\"688.00\",\"subject\"", "\"6.88\",\"subject\""));
        try (JournalTransactionStore s = open()) {
            assertTrue(s.integrity().findings().get(0).problem().contains("disagree on amount"),
                    s.integrity().describe());
        }
    }

    @Test
    void aFinalTradeThatChangesStateOrCarriesAPaymentUnpaidIsAFinding() {
        TradeRecord t = created("TK1", "ORD-1", T0);
        TradeRecord paid = t.paid(payment(T0), Optional.empty(), T0.plusSeconds(1));
        append(json(t), json(paid), json(paid.advance(TradeState.AWAITING_BUYER, T0.plusSeconds(2))));
        try (JournalTransactionStore s = open()) {
            assertTrue(s.integrity().describe().contains("carries a payment"), s.integrity().describe());
        }
    }

    @Test
    void anOrderIdClaimedByTwoTradesIsAFindingAndTheRepairGivesTheSecondItsOwn() {
        append(json(created("TK1", "ORD-1", T0)), json(created("TK2", "ORD-1", T0)));
        try (JournalTransactionStore s = open()) {
            assertTrue(s.integrity().describe().contains("order ORD-1 has two trades"), s.integrity().describe());
            assertEquals("TK1", s.findByOrderId("ORD-1").orElseThrow().outTradeNo());
            assertEquals(2, s.unfinished().size(), "both are settled by recovery");
            s.save(s.find("TK2").orElseThrow().advance(TradeState.AWAITING_BUYER, T0));   // recovery may save it
            s.acceptDamage("alice");
        }
        try (JournalTransactionStore s = open()) {
            assertFalse(s.integrity().isDamaged(), s.integrity().describe());
            TradeRecord moved = s.findByOrderId("DUP-TK2").orElseThrow();
            assertTrue(moved.attention().orElseThrow().contains("two trades for order ORD-1"));
            assertEquals(TradeState.AWAITING_BUYER, moved.state());
        }
    }

    @Test
    void aRefundOfATradeTheJournalDoesNotHoldIsAFinding() {
        RefundRecord r = new RefundRecord("TK9", "R1", Money.parse("1.00"), "x", RefundState.REQUESTED, T0, T0,
                Optional.empty(), Optional.empty(), 0);
        long[] at = append(new String(codec.encode(r), StandardCharsets.UTF_8));
        try (JournalTransactionStore s = open()) {
            assertEquals(at[0], s.integrity().findings().get(0).offset());
            assertTrue(s.integrity().describe().contains("which the journal does not hold"));
        }
    }

    @Test
    void aDamagedStoreStillSavesButDoesNotCompactUntilAPersonAcceptsTheDamage() throws IOException {
        Path file = file();
        try (JournalTransactionStore s = JournalTransactionStore.open(file, CLOCK, JournalOptions.DURABLE,
                Duration.ZERO, 1024)) {
            s.save(created("TK1", "ORD-1", T0));
            s.save(created("TK2", "ORD-2", T0));
        }
        byte[] whole = Files.readAllBytes(file);
        whole[whole.length - 10] ^= 4;   // a bit flip in the last, complete record
        Files.write(file, whole);
        Path copy;
        try (JournalTransactionStore s = JournalTransactionStore.open(file, CLOCK, JournalOptions.DURABLE,
                Duration.ZERO, 1024)) {
            StoreIntegrity damage = s.integrity();
            assertEquals(StoreDamage.Kind.CHECKSUM_MISMATCH, damage.findings().get(0).kind());
            assertTrue(damage.remedy().contains("acceptDamage"), damage.remedy());
            copy = damage.findings().get(0).savedCopy().orElseThrow();
            assertEquals(Optional.empty(), s.find("TK2"));
            TradeRecord t = s.find("TK1").orElseThrow();
            for (int i = 0; i < 20; i++) {   // past compactAfterBytes: no compaction while damaged
                t = t.withProblem("poll " + i, T0);
                s.save(t);
            }
            assertEquals(ErrorCode.JOURNAL_DAMAGED, assertThrows(TenderKitException.class, s::compact).code());
            assertTrue(Files.size(file) > whole.length, "appended after the damaged bytes");
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(TenderKitException.class,
                    () -> s.acceptDamage(" ")).code());
            assertEquals(damage.findings(), s.acceptDamage("alice (store manager)").findings());
            assertFalse(s.integrity().isDamaged());
            s.compact();
        }
        assertTrue(Files.exists(copy), "the side file stays");
        String log = Files.readString(file.resolveSibling("trades.journal.repairs"));
        assertTrue(log.contains("alice (store manager) accepted the damage") && log.contains("CHECKSUM_MISMATCH"), log);
        try (JournalTransactionStore s = open()) {
            assertFalse(s.integrity().isDamaged(), s.integrity().describe());
            assertEquals("poll 19", s.find("TK1").orElseThrow().lastProblem().orElseThrow());
        }
    }

    @Test
    void runPrefixesAndRetentionAreTheStores() {
        try (JournalTransactionStore s = open()) {
            s.reserveNumberPrefix("T1ABC");
            assertEquals(Optional.of(JournalTransactionStore.DEFAULT_RETENTION), s.retention());
        }
        try (JournalTransactionStore s = open()) {
            assertEquals(List.of("T1ABC"), s.numberPrefixes());
        }
    }
}
