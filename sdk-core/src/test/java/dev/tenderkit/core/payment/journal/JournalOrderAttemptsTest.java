package dev.tenderkit.core.payment.journal;

import static dev.tenderkit.core.payment.journal.JournalTransactionStoreTest.CLOCK;
import static dev.tenderkit.core.payment.journal.JournalTransactionStoreTest.T0;
import static dev.tenderkit.core.payment.journal.JournalTransactionStoreTest.created;
import static dev.tenderkit.core.payment.journal.JournalTransactionStoreTest.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An order with several attempts, each its own out_trade_no: kept, listed and found across reopen and compaction. */
class JournalOrderAttemptsTest {
    private static final GatewayError NO_FUNDS = new GatewayError(Cause.BUYER_INSUFFICIENT_FUNDS,
            new GatewayCode("40004", Optional.of("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "买家余额不足"));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("trades.journal");
    }

    private JournalTransactionStore open() {
        return JournalTransactionStore.open(file(), CLOCK);
    }

    private static TradeRecord failed(String no, String order, Instant at) {
        return created(no, order, at).failed(NO_FUNDS, at.plusSeconds(1));
    }

    private static TradeRecord paid(String no, String order, Instant at) {
        return created(no, order, at).paid(payment(at), Optional.empty(), at.plusSeconds(1));
    }

    private static List<String> numbers(List<TradeRecord> trades) {
        return trades.stream().map(TradeRecord::outTradeNo).toList();
    }

    @Test
    void bothAttemptsOfAnOrderSurviveAReopenListedOldestFirstAndTheLatestIsTheOrdersTrade() {
        TradeRecord first = failed("TK1", "ORD-1", T0);
        TradeRecord second = paid("TK2", "ORD-1", T0.plusSeconds(30));
        try (JournalTransactionStore s = open()) {
            s.save(created("TK1", "ORD-1", T0));
            s.save(first);
            s.save(created("TK2", "ORD-1", T0.plusSeconds(30)));
            s.save(second);
            assertEquals(List.of(first, second), s.tradesForOrder("ORD-1"));
        }
        try (JournalTransactionStore s = open()) {
            assertFalse(s.integrity().isDamaged(), s.integrity().describe());
            assertEquals(List.of(first, second), s.tradesForOrder("ORD-1"));
            assertEquals(Optional.of(second), s.findByOrderId("ORD-1"));
            assertEquals(Optional.of(first), s.find("TK1"));
            assertEquals(List.of(), s.tradesForOrder("ORD-2"));
            assertEquals(Optional.empty(), s.findByOrderId("ORD-2"));
        }
    }

    @Test
    void aFurtherAttemptIsRefusedUntilEveryEarlierOneIsFailedOrReversed() {
        try (JournalTransactionStore s = open()) {
            TradeRecord first = created("TK1", "ORD-1", T0);
            s.save(first);
            IllegalStateException open = assertThrows(IllegalStateException.class,
                    () -> s.save(created("TK2", "ORD-1", T0.plusSeconds(1))));
            assertTrue(open.getMessage().contains("already has trade TK1 (CREATED)"), open.getMessage());
            TradeRecord reversing = first.advance(TradeState.REVERSING, T0.plusSeconds(2));
            s.save(reversing);
            assertThrows(IllegalStateException.class, () -> s.save(created("TK2", "ORD-1", T0.plusSeconds(3))));
            s.save(reversing.advance(TradeState.REVERSED, T0.plusSeconds(4)));
            s.save(created("TK2", "ORD-1", T0.plusSeconds(5)));
            assertEquals(List.of("TK1", "TK2"), numbers(s.tradesForOrder("ORD-1")));
            assertEquals(TradeState.CREATED, s.findByOrderId("ORD-1").orElseThrow().state());
        }
    }

    @Test
    void aPaidAttemptIsTheOrdersLast() {
        try (JournalTransactionStore s = open()) {
            s.save(failed("TK1", "ORD-1", T0));
            s.save(paid("TK2", "ORD-1", T0.plusSeconds(10)));
            assertThrows(IllegalStateException.class, () -> s.save(created("TK3", "ORD-1", T0.plusSeconds(20))));
            assertEquals(List.of("TK1", "TK2"), numbers(s.tradesForOrder("ORD-1")));
        }
    }

    @Test
    void compactionKeepsEveryAttemptWhileRetainedAndDropsOldOnesLikeAnyTrade() {
        Instant old = T0.minus(Duration.ofDays(5));
        Instant recent = T0.minus(Duration.ofDays(1));
        try (JournalTransactionStore s = JournalTransactionStore.open(file(), CLOCK, JournalOptions.DURABLE,
                Duration.ofDays(3), 1 << 20)) {
            s.save(failed("A1", "ORD-1", old));
            s.save(failed("A2", "ORD-1", recent));
            s.save(paid("A3", "ORD-1", recent.plusSeconds(60)));
            s.save(failed("B1", "ORD-2", recent));
            s.save(paid("B2", "ORD-2", recent.plusSeconds(60)));
            s.save(failed("C1", "ORD-3", old));
            s.compact();
            assertEquals(List.of("A2", "A3"), numbers(s.tradesForOrder("ORD-1")));
            assertEquals(List.of("B1", "B2"), numbers(s.tradesForOrder("ORD-2")));
            assertEquals(List.of(), s.tradesForOrder("ORD-3"));
        }
        try (JournalTransactionStore s = open()) {
            assertFalse(s.integrity().isDamaged(), s.integrity().describe());
            assertEquals(List.of("A2", "A3"), numbers(s.tradesForOrder("ORD-1")));
            assertEquals("A3", s.findByOrderId("ORD-1").orElseThrow().outTradeNo());
            assertEquals(List.of("B1", "B2"), numbers(s.tradesForOrder("ORD-2")));
            assertEquals("B2", s.findByOrderId("ORD-2").orElseThrow().outTradeNo());
            assertEquals(Optional.empty(), s.findByOrderId("ORD-3"));
        }
    }

    @Test
    void aDamagedJournalStillIndexesEveryAttemptItCanRead() throws Exception {
        try (JournalTransactionStore s = open()) {
            s.save(failed("TK1", "ORD-1", T0));
            s.save(created("TK2", "ORD-1", T0.plusSeconds(30)));
            s.save(created("TK3", "ORD-2", T0.plusSeconds(40)));
        }
        byte[] whole = Files.readAllBytes(file());
        whole[whole.length - 10] ^= 4;   // a bit flip in the last, complete record (TK3's)
        Files.write(file(), whole);
        try (JournalTransactionStore s = open()) {
            assertTrue(s.integrity().isDamaged());
            assertFalse(s.integrity().describe().contains("two trades"), s.integrity().describe());
            assertEquals(List.of("TK1", "TK2"), numbers(s.tradesForOrder("ORD-1")));
            assertEquals("TK2", s.findByOrderId("ORD-1").orElseThrow().outTradeNo());
        }
    }

    @Test
    void aTradeBegunWhileAnEarlierAttemptWasOpenIsAFindingAndNotAnAttempt() {
        JournalCodec codec = new JournalCodec();
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE)) {
            j.append(codec.encode(created("TK1", "ORD-1", T0)));
            j.append(codec.encode(created("TK2", "ORD-1", T0.plusSeconds(1))));   // TK1 still open
            j.append(codec.encode(failed("TK1", "ORD-1", T0)));
        }
        try (JournalTransactionStore s = open()) {
            String described = s.integrity().describe();
            assertTrue(described.contains("order ORD-1 has two trades, TK1 and TK2"), described);
            assertTrue(described.contains("TK2 began while TK1 was CREATED"), described);
            assertEquals(List.of("TK1"), numbers(s.tradesForOrder("ORD-1")));
            assertEquals(List.of("TK2"), numbers(s.unfinished()), "recovery still settles it");
            s.acceptDamage("alice");
        }
        try (JournalTransactionStore s = open()) {
            assertFalse(s.integrity().isDamaged(), s.integrity().describe());
            assertEquals(List.of("TK1"), numbers(s.tradesForOrder("ORD-1")));
            assertEquals(List.of("TK2"), numbers(s.tradesForOrder("DUP-TK2")));
        }
    }
}
