package dev.tenderkit.store.jdbc;

import static dev.tenderkit.store.jdbc.Records.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code TransactionStore} contract on PostgreSQL, as {@code JournalTransactionStore} keeps it. */
class JdbcTransactionStoreTest {
    private TestDatabase db;
    private JdbcTransactionStore store;

    @BeforeEach
    void open() {
        db = TestDatabase.open();
        store = db.store("lane-1", Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aTradeReadsBackEqualToTheRecordSavedToTheNanosecond() {
        TradeRecord t = Records.created("T1A0001", "ORD-1", 1, T0);
        store.save(t);
        assertEquals(Optional.of(t), store.find("T1A0001"));
        TradeRecord paid = Records.paid(t);
        store.save(paid);
        TradeRecord flagged = paid.next(paid.updatedAt().plusNanos(7), c -> c.attention("check")
                .qrCode("https://qr.alipay.com/x").cancelled().reversalAttempted());
        store.save(flagged);
        TradeRecord refunded = flagged.withRefunded(dev.tenderkit.core.money.Money.parse("1.00"), paid.updatedAt());
        store.save(refunded);
        assertEquals(Optional.of(refunded), store.find("T1A0001"));
        TradeRecord first = Records.created("T1A0002", "ORD-2", 1, T0.plusNanos(1));
        store.save(first);
        TradeRecord f = Records.failed(first);
        store.save(f);
        assertEquals(Optional.of(f), store.find("T1A0002"));
        assertTrue(store.isKnown("T1A0001"));
        assertFalse(store.isKnown("T1A0009"));
    }

    @Test
    void aLaterRevisionSupersedesAndOneMadeFromAStaleRevisionIsRefusedWithoutOverwriting() {
        TradeRecord t = Records.created("T1A0001", "ORD-1", 1, T0);
        store.save(t);
        TradeRecord waiting = t.advance(TradeState.AWAITING_BUYER, T0.plusSeconds(1));
        store.save(waiting);
        TradeRecord otherEngine = t.advance(TradeState.REVERSING, T0.plusSeconds(2));   // also made from revision 0
        TenderKitException e = assertThrows(TenderKitException.class, () -> store.save(otherEngine));
        assertEquals(ErrorCode.STORE_CONFLICT, e.code());
        assertTrue(e.getMessage().contains("revision 1 (AWAITING_BUYER)"), e.getMessage());
        assertEquals(Optional.of(waiting), store.find("T1A0001"));
        TenderKitException again = assertThrows(TenderKitException.class, () -> store.save(t));
        assertEquals(ErrorCode.STORE_CONFLICT, again.code(), "the first record saved twice");
    }

    @Test
    void anOrderHasAFurtherAttemptOnlyOnceTheEarlierOnesAreFailedOrReversed() {
        TradeRecord first = Records.created("T1A0001", "ORD-1", 1, T0);
        store.save(first);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> store.save(Records.created("T1A0002", "ORD-1", 2, T0.plusSeconds(1))));
        assertTrue(refused.getMessage().contains("already has trade T1A0001 (CREATED)"), refused.getMessage());
        store.save(Records.failed(first));
        TradeRecord second = Records.created("T1A0002", "ORD-1", 2, T0.plusSeconds(1));
        store.save(second);
        TradeRecord paid = Records.paid(second);
        store.save(paid);
        assertThrows(IllegalStateException.class, () -> store.save(Records.created("T1A0003", "ORD-1", 3,
                T0.plusSeconds(2))), "a paid attempt is never followed by another");
        assertEquals(List.of("T1A0001", "T1A0002"), store.tradesForOrder("ORD-1").stream()
                .map(TradeRecord::outTradeNo).toList());
        assertEquals(Optional.of(paid), store.findByOrderId("ORD-1"));
        assertEquals(Optional.empty(), store.findByOrderId("ORD-9"));
        assertEquals(List.of(), store.tradesForOrder("ORD-9"));
    }

    @Test
    void unfinishedListsTradesNotFinalOrFlaggedOldestFirstAndTheListingIsByCreationTime() {
        TradeRecord a = Records.created("T1A0003", "ORD-3", 1, T0.plusSeconds(3));
        TradeRecord b = Records.created("T1A0001", "ORD-1", 1, T0.plusSeconds(1));
        TradeRecord c = Records.created("T1A0002", "ORD-2", 1, T0.plusSeconds(2));
        store.save(a);
        store.save(b);
        store.save(c);
        TradeRecord cPaid = Records.paid(c);
        store.save(cPaid);
        TradeRecord bFlagged = Records.failed(b).next(T0.plusSeconds(9), x -> x.attention("look at it"));
        store.save(Records.failed(b));
        store.save(bFlagged);
        assertEquals(List.of(bFlagged, a), store.unfinished());
        assertEquals(List.of(a), store.claimUnfinished("run", java.time.Duration.ofMinutes(1)),
                "a flagged final trade is listed but not claimed");
        assertEquals(List.of(bFlagged, cPaid, a), store.trades(Instant.EPOCH, Instant.MAX));
        assertEquals(List.of(cPaid), store.trades(T0.plusSeconds(2), T0.plusSeconds(3)), "[from, to)");
    }

    @Test
    void theEndOfDayListingOfRefundsIsByCreationTimeAcrossTrades() {
        for (String no : List.of("T1A0001", "T1A0002")) {
            TradeRecord t = Records.created(no, "ORD-" + no, 1, T0);
            store.save(t);
            store.save(Records.paid(t));
        }
        RefundRecord late = Records.refund("T1A0001", "R1", T0.plusSeconds(9));
        RefundRecord early = Records.refund("T1A0002", "R1", T0.plusSeconds(5));
        RefundRecord outside = Records.refund("T1A0002", "R2", T0.plusSeconds(20));
        store.save(late);
        store.save(early);
        store.save(outside);
        assertEquals(List.of(early, late), store.refunds(T0.plusSeconds(5), T0.plusSeconds(20)), "[from, to), oldest first");
        assertEquals(List.of(early, late, outside), store.refunds(Instant.EPOCH, Instant.MAX));
    }

    @Test
    void refundsAreKeptByTradeAndNumberAndChangeOnlyFromTheirPreviousRevision() {
        TradeRecord trade = Records.created("T1A0001", "ORD-1", 1, T0);
        store.save(trade);
        store.save(Records.paid(trade));
        RefundRecord r1 = Records.refund("T1A0001", "R1", T0.plusSeconds(5));
        RefundRecord r2 = Records.refund("T1A0001", "R2", T0.plusSeconds(6));
        store.save(r2);
        store.save(r1);
        RefundRecord done = r1.advance(RefundState.REFUNDED, Optional.empty(), Optional.empty(), T0.plusSeconds(7));
        store.save(done);
        assertEquals(Optional.of(done), store.findRefund("T1A0001", "R1"));
        assertEquals(List.of(done, r2), store.refunds("T1A0001"));
        assertEquals(List.of(r2), store.unfinishedRefunds());
        TenderKitException stale = assertThrows(TenderKitException.class, () -> store.save(r1.retried(Optional.empty(),
                "timeout", T0.plusSeconds(8))));
        assertEquals(ErrorCode.STORE_CONFLICT, stale.code());
        assertThrows(IllegalStateException.class, () -> store.save(Records.refund("T9", "R1", T0)),
                "a refund of a trade the store does not hold");
        assertEquals(List.of(), store.refunds("T9"));
    }

    @Test
    void eachEngineRunNotesItsPrefixAndTheSamePrefixFromAnotherInstanceIsRefused() {
        store.reserveNumberPrefix("T1MX0001");
        store.reserveNumberPrefix("T1MX0002");
        store.reserveNumberPrefix("T1MX0002");   // the same run noting it again
        JdbcTransactionStore other = db.store("lane-2", Clock.fixed(T0, ZoneOffset.UTC));
        other.reserveNumberPrefix("T2MX0001");
        assertEquals(List.of("T1MX0001", "T1MX0002"), store.numberPrefixes());
        assertEquals(List.of("T2MX0001"), other.numberPrefixes());
        ConfigurationException clash = assertThrows(ConfigurationException.class,
                () -> other.reserveNumberPrefix("T1MX0002"));
        assertTrue(clash.getMessage().contains("lane-1"), clash.getMessage());
        assertEquals(Optional.empty(), store.retention(), "nothing is forgotten");
    }

    @Test
    void theSchemaIsCheckedOnBuildAndCreatedOnlyWhenAsked() throws Exception {
        try (TestDatabase empty = TestDatabase.open(2)) {
            ConfigurationException missing = assertThrows(ConfigurationException.class, () -> JdbcTransactionStore
                    .builder().dataSource(empty.dataSource()).instanceId("x").build());
            assertTrue(missing.getMessage().contains("V1__trades_refunds_prefixes.sql"), missing.getMessage());
            TestDatabase.store(empty.dataSource(), "x", Clock.systemUTC());
            TestDatabase.store(empty.dataSource(), "x", Clock.systemUTC());   // a second start upgrades nothing
            JdbcTransactionStore.builder().dataSource(empty.dataSource()).instanceId("x").build();
            try (Connection c = empty.direct(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO tenderkit_schema_version (version, script) VALUES (" + (SchemaVersion.CURRENT + 1)
                        + ", 'V" + (SchemaVersion.CURRENT + 1) + "__from_the_future.sql')");
            }
            ConfigurationException newer = assertThrows(ConfigurationException.class, () -> JdbcTransactionStore
                    .builder().dataSource(empty.dataSource()).instanceId("x").build());
            assertTrue(newer.getMessage().contains("newer"), newer.getMessage());
        }
        assertThrows(ConfigurationException.class, () -> JdbcTransactionStore.builder().instanceId("x").build());
        ConfigurationException noId = assertThrows(ConfigurationException.class,
                () -> JdbcTransactionStore.builder().dataSource(db.dataSource()).build());
        assertEquals("instanceId", noId.setting());
    }
}
