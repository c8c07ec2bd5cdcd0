package dev.tenderkit.core.payment.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.StoreDamage;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTransactionStoreTest {
    static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    static TradeRecord created(String no, String order, Instant at) {
        return TradeRecord.created(new TradeIntent(no, order, 1, TradeKind.BARCODE, "lakala", "alipay",
                "alipay.huabei.installment.6", Money.parse("688.00"), "商品 goods",
                Optional.of(new InstallmentPlan(6, FeeBearer.SELLER)), "2851**********1234",
                Optional.of("00112233445566778899aabbccddeeff"), at, at.plusSeconds(60)));
    }

    static Payment payment(Instant at) {
        return new Payment("2026112522001", Money.parse("688.00"), new FundingSource("PCREDIT", true, 6), at);
    }

    private JournalTransactionStore open() {
        return JournalTransactionStore.open(dir.resolve("trades.journal"), CLOCK);
    }

    @Test
    void everyFieldSurvivesAReopenAndTheLatestRevisionWins() {
        TradeRecord t = created("TK1", "ORD-1", T0);
        TradeRecord paid = t.advance(TradeState.AWAITING_BUYER, T0.plusSeconds(1))
                .paid(payment(T0.plusSeconds(5)), Optional.of(Money.parse("2.62")), T0.plusSeconds(6))
                .withProblem("query 1 timed out", T0.plusSeconds(7));
        RefundRecord refund = new RefundRecord("TK1", "R1", Money.parse("100.00"), "退货 return", RefundState.REQUESTED,
                T0.plusSeconds(8), T0.plusSeconds(8), Optional.empty(), Optional.empty(), 0);
        try (JournalTransactionStore s = open()) {
            s.save(t);
            s.save(t.advance(TradeState.AWAITING_BUYER, T0.plusSeconds(1)));
            s.save(paid);
            s.save(refund);
        }
        try (JournalTransactionStore s = open()) {
            assertEquals(Optional.of(paid), s.find("TK1"));
            assertEquals(Optional.of(paid), s.findByOrderId("ORD-1"));
            assertEquals(List.of(refund), s.refunds("TK1"));
            assertEquals(List.of(refund), s.unfinishedRefunds());
            assertEquals(List.of(), s.unfinished());
        }
    }

    @Test
    void aFailureWithItsRawCodeSurvivesAReopen() {
        TradeRecord failed = created("TK2", "ORD-2", T0).failed(new GatewayError(Cause.BUYER_INSUFFICIENT_FUNDS,
                new GatewayCode("40004", Optional.of("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "买家余额不足")), T0);
        try (JournalTransactionStore s = open()) {
            s.save(failed);
        }
        try (JournalTransactionStore s = open()) {
            assertEquals(Optional.of(failed), s.find("TK2"));
        }
    }

    @Test
    void anOrderIdBelongsToOneTrade() {
        try (JournalTransactionStore s = open()) {
            s.save(created("TK1", "ORD-1", T0));
            assertThrows(IllegalStateException.class, () -> s.save(created("TK9", "ORD-1", T0)));
        }
    }

    @Test
    void unfinishedAndListingsAreOrderedByCreation() {
        try (JournalTransactionStore s = open()) {
            s.save(created("TK2", "ORD-2", T0.plusSeconds(2)));
            s.save(created("TK1", "ORD-1", T0.plusSeconds(1)));
            s.save(created("TK3", "ORD-3", T0.plusSeconds(3)).paid(payment(T0), Optional.empty(), T0.plusSeconds(4)));
            assertEquals(List.of("TK1", "TK2"), s.unfinished().stream().map(TradeRecord::outTradeNo).toList());
            assertEquals(List.of("TK1", "TK2", "TK3"), s.trades(T0, T0.plusSeconds(10)).stream()
                    .map(TradeRecord::outTradeNo).toList());
            assertEquals(List.of("TK2"), s.trades(T0.plusSeconds(2), T0.plusSeconds(3)).stream()
                    .map(TradeRecord::outTradeNo).toList());
        }
    }

    @Test
    void compactionDropsOnlyFinishedTradesOlderThanTheRetention() {
        Instant old = T0.minus(Duration.ofDays(5));
        Path file = dir.resolve("compact.journal");
        try (JournalTransactionStore s = JournalTransactionStore.open(file, CLOCK, JournalOptions.DURABLE,
                Duration.ofDays(3), 1024)) {
            s.save(created("OLD-PAID", "O1", old).paid(payment(old), Optional.empty(), old));
            s.save(created("OLD-OPEN", "O2", old));
            s.save(created("OLD-FLAGGED", "O3", old).reversalAttempted(Optional.of("reversal refused"), "x", old));
            s.save(created("NEW-PAID", "O4", T0).paid(payment(T0), Optional.empty(), T0));
            s.compact();
            assertEquals(Optional.empty(), s.find("OLD-PAID"));
            assertEquals(Optional.empty(), s.findByOrderId("O1"));
        }
        try (JournalTransactionStore s = JournalTransactionStore.open(file, CLOCK)) {
            assertEquals(List.of("OLD-FLAGGED", "OLD-OPEN", "NEW-PAID"),   // same creation time: by number
                    s.trades(Instant.EPOCH, T0.plusSeconds(1)).stream().map(TradeRecord::outTradeNo).toList());
        }
    }

    @Test
    void compactionRunsByItselfAsTheJournalGrows() {
        Path file = dir.resolve("grow.journal");
        try (JournalTransactionStore s = JournalTransactionStore.open(file, CLOCK, JournalOptions.DURABLE,
                Duration.ZERO, 4096)) {
            TradeRecord t = created("TK1", "ORD-1", T0);
            for (int i = 0; i < 100; i++) {
                t = t.withProblem("poll " + i, T0);
                s.save(t);
            }
            assertEquals(Optional.of(t), s.find("TK1"));
        }
        try (JournalTransactionStore s = JournalTransactionStore.open(file, CLOCK)) {
            assertTrue(s.openReport().records() < 100, "compaction should have dropped superseded revisions");
            assertEquals("poll 99", s.find("TK1").orElseThrow().lastProblem().orElseThrow());
        }
    }

    @Test
    void aTornLastWriteLeavesThePreviousRevision() throws Exception {
        Path file = dir.resolve("trades.journal");
        TradeRecord t = created("TK1", "ORD-1", T0);
        byte[] anchorBefore;
        try (JournalTransactionStore s = open()) {
            s.save(t);
            anchorBefore = Files.readAllBytes(AppendOnlyJournal.anchorFile(file));
            s.save(t.advance(TradeState.AWAITING_BUYER, T0.plusSeconds(1)));
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 3));
        Files.write(AppendOnlyJournal.anchorFile(file), anchorBefore);   // the torn save never returned
        try (JournalTransactionStore s = open()) {
            assertEquals(Optional.of(t), s.find("TK1"));
            assertTrue(s.openReport().hadTornTail());
            assertFalse(s.integrity().isDamaged(), s.integrity().describe());
        }
    }

    @Test
    void aChecksummedRecordThatIsNotATradeIsReportedAsDamageNamingItsOffset() {
        Path file = dir.resolve("trades.journal");
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            j.append("{\"t\":\"trade\"}".getBytes(StandardCharsets.UTF_8));
        }
        try (JournalTransactionStore s = open()) {
            StoreDamage d = s.integrity().findings().get(0);
            assertEquals(StoreDamage.Kind.UNREADABLE_RECORD, d.kind());
            assertEquals(8, d.offset());
            JournalCorruptedException e = assertThrows(JournalCorruptedException.class, s::requireIntact);
            assertEquals(8, e.offset());
            assertTrue(e.getMessage().contains("not a trade or refund record"), e.getMessage());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    @Test
    void recordsWrittenBeforeDigestsAndRefundFlagsReadUnchangedAndNewOnesKeepThem() {
        JournalCodec codec = new JournalCodec();
        // as today's journals hold them: no codeDigest on trades, no attempts or attention on refunds
        String oldTrade = "{\"t\":\"trade\",\"outTradeNo\":\"T1\",\"orderId\":\"O1\",\"kind\":\"BARCODE\","
                + "\"channel\":\"lakala\",\"gateway\":\"alipay\",\"method\":\"alipay\",\"amount\":\"8.80\","
                + "\"subject\":\"s\",\"code\":\"2851**********1234\",\"state\":\"CREATED\","
                + "\"createdAt\":\"2026-11-25T02:00:00Z\",\"updatedAt\":\"2026-11-25T02:00:00Z\","
                + "\"deadline\":\"2026-11-25T02:01:00Z\",\"reversals\":0,\"refunded\":\"0.00\",\"rev\":0}";
        TradeRecord t = codec.decode(oldTrade.getBytes(java.nio.charset.StandardCharsets.UTF_8), "old@8").trade()
                .orElseThrow();
        assertEquals(Optional.empty(), t.paymentCodeDigest());
        String oldRefund = "{\"t\":\"refund\",\"outTradeNo\":\"T1\",\"refundNo\":\"R1\",\"amount\":\"1.00\","
                + "\"reason\":\"r\",\"state\":\"REQUESTED\",\"createdAt\":\"2026-11-25T02:00:00Z\","
                + "\"updatedAt\":\"2026-11-25T02:00:00Z\",\"rev\":0}";
        RefundRecord r = codec.decode(oldRefund.getBytes(java.nio.charset.StandardCharsets.UTF_8), "old@99").refund()
                .orElseThrow();
        assertEquals(0, r.attempts());
        assertEquals(Optional.empty(), r.attention());
        RefundRecord flagged = r.retried(Optional.of("call someone"), "timed out", T0);
        RefundRecord back = codec.decode(codec.encode(flagged), "new@0").refund().orElseThrow();
        assertEquals(flagged, back);
        TradeRecord digested = created("T2", "O2", T0);
        assertEquals(digested, codec.decode(codec.encode(digested), "new@1").trade().orElseThrow());
    }
}
