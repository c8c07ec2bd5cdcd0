package dev.tenderkit.store.jdbc;

import static dev.tenderkit.store.jdbc.Records.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeRecord;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@code recover()} asks the store on every start, answered from indexes (QueryPlanTest shows
 * the plans) instead of by reading every trade: the paid trades whose refunded total a crash left
 * behind its refunds, and the last trade of each run this instance noted. Also: the schema's upgrade
 * from version 1 computes the refunded totals of the refunds already there; unfinished refunds are
 * claimed like trades.
 */
class RecoveryQueriesTest {
    @Test
    void onlyTradesWhoseRefundedTotalDiffersFromTheirRefundsAreListedForCorrection() {
        try (TestDatabase db = TestDatabase.open(2)) {
            JdbcTransactionStore store = db.store("lane-1", Clock.fixed(T0, ZoneOffset.UTC));
            TradeRecord paid = Records.paid(Records.created("T1A0001", "ORD-1", 1, T0));
            store.save(Records.created("T1A0001", "ORD-1", 1, T0));
            store.save(paid);
            TradeRecord other = Records.paid(Records.created("T1A0002", "ORD-2", 1, T0));
            store.save(Records.created("T1A0002", "ORD-2", 1, T0));
            store.save(other);
            RefundRecord r1 = Records.refund("T1A0001", "R1", T0.plusSeconds(5));
            store.save(r1);
            assertEquals(List.of(), store.refundedTotalsToCheck(), "a refund in progress changes no total");
            store.save(r1.advance(RefundState.REFUNDED, Optional.empty(), Optional.empty(), T0.plusSeconds(6)));
            assertEquals(List.of(paid), store.refundedTotalsToCheck(), "refunded, and the trade's total not yet saved");
            store.save(paid.withRefunded(Money.parse("20.00"), T0.plusSeconds(7)));
            assertEquals(List.of(), store.refundedTotalsToCheck());
        }
    }

    @Test
    void theLastTradeOfEachRunOfThisInstanceIsTheHighestNumberOfThatRun() {
        try (TestDatabase db = TestDatabase.open(2)) {
            JdbcTransactionStore store = db.store("lane-1", Clock.fixed(T0, ZoneOffset.UTC));
            JdbcTransactionStore other = db.store("lane-2", Clock.fixed(T0, ZoneOffset.UTC));
            store.reserveNumberPrefix("T1MX01");
            store.reserveNumberPrefix("T1MX02");
            store.reserveNumberPrefix("T1MX03");   // a run that made no trade
            other.reserveNumberPrefix("T2MX01");
            for (String no : List.of("T1MX0100001", "T1MX010000Z", "T1MX0100009", "T1MX0200002", "T1MX01X00007",
                    "T2MX0100005")) {
                (no.startsWith("T2") ? other : store).save(Records.created(no, "ORD-" + no, 1, T0));
            }
            List<String> last = store.lastTradeOfRuns().stream().map(TradeRecord::outTradeNo).sorted().toList();
            assertEquals(List.of("T1MX010000Z", "T1MX0200002"), last,
                    "a longer number of another run is not this run's; lane-2's run is its own to search");
            assertEquals(List.of("T2MX0100005"), other.lastTradeOfRuns().stream().map(TradeRecord::outTradeNo).toList());
        }
    }

    @Test
    void upgradingFromVersionOneCountsTheRefundsAlreadyMade() throws Exception {
        try (TestDatabase db = TestDatabase.open(2)) {
            try (Connection c = db.direct(); Statement s = c.createStatement()) {
                for (String statement : SchemaVersion.statements(SchemaVersion.SCRIPTS.get(0))) {
                    s.execute(statement);
                }
                s.execute("CREATE TABLE tenderkit_schema_version (version INTEGER PRIMARY KEY, script VARCHAR(128) "
                        + "NOT NULL, installed_at TIMESTAMPTZ NOT NULL DEFAULT now())");
                s.execute("INSERT INTO tenderkit_schema_version (version, script) VALUES (1, 'V1__trades_refunds_prefixes.sql')");
                String trade = "INSERT INTO tenderkit_trade (out_trade_no, order_id, attempt, kind, channel_id, gateway_id, "
                        + "method_id, amount_fen, subject, masked_code, created_ns, deadline_ns, state, updated_ns, "
                        + "pay_trade_no, pay_amount_fen, pay_funding, pay_credit, paid_ns, reversal_attempts, refunded_fen, "
                        + "cancelled, revision) VALUES ";
                s.execute(trade + "('T1A1', 'O1', 1, 'BARCODE', 'lakala', 'alipay', 'alipay', 8800, 'x', '28**', 1, 2, "
                        + "'PAID', 3, 'G1', 8800, 'ALIPAYACCOUNT', false, 3, 0, 0, false, 1)");
                s.execute("INSERT INTO tenderkit_refund (out_trade_no, refund_request_no, amount_fen, reason, state, "
                        + "created_ns, updated_ns, attempts, revision) VALUES ('T1A1', 'R1', 2000, 'x', 'REFUNDED', 4, 5, "
                        + "0, 1), ('T1A1', 'R2', 500, 'x', 'FAILED', 4, 5, 0, 1)");
            }
            JdbcTransactionStore store = db.store("lane-1", Clock.fixed(T0, ZoneOffset.UTC));   // upgrades to 2
            assertEquals(List.of("T1A1"), store.refundedTotalsToCheck().stream().map(TradeRecord::outTradeNo).toList(),
                    "the V1 trade's refunded total is behind its refund of 20.00");
        }
    }

    @Test
    void anUnfinishedRefundIsClaimedByOneInstanceUntilItsLeaseHasPassed() {
        try (TestDatabase db = TestDatabase.open(4)) {
            Duration lease = JdbcTransactionStore.DEFAULT_LEASE;
            dev.tenderkit.core.time.ManualTaskScheduler time = new dev.tenderkit.core.time.ManualTaskScheduler(T0);
            JdbcTransactionStore a = db.store("lane-a", time.clock());
            JdbcTransactionStore b = db.store("lane-b", time.clock());
            TradeRecord t = Records.created("T1A0001", "ORD-1", 1, T0);
            a.save(t);
            a.save(Records.paid(t));
            RefundRecord r = Records.refund("T1A0001", "R1", T0.plusSeconds(5));
            a.save(r);
            assertEquals(List.of(), b.claimUnfinishedRefunds("B-run1", lease), "lane-a's save leases it to lane-a");
            assertEquals(Optional.empty(), b.claimRefund("T1A0001", "R1", "B-run1", lease));
            time.advance(lease);
            assertEquals(List.of(r), b.claimUnfinishedRefunds("B-run1", lease), "lane-a's lease has passed");
            assertEquals(List.of(), a.claimUnfinishedRefunds("A-run2", lease), "now lane-b's");
            assertEquals(Optional.of(r), b.claimRefund("T1A0001", "R1", "B-run1", lease), "its own, again");
            RefundRecord done = r.advance(RefundState.REFUNDED, Optional.empty(), Optional.empty(), T0.plusSeconds(9));
            b.save(done);
            assertEquals(Optional.empty(), a.claimRefund("T1A0001", "R1", "A-run2", lease), "a final refund is nobody's");
            assertEquals(List.of(done), a.refunds("T1A0001").stream().sorted(Comparator.comparing(
                    RefundRecord::refundRequestNo)).toList());
        }
    }
}
