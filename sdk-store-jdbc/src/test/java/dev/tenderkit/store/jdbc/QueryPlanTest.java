package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every query the store makes is served by an index: with sequential scans priced out
 * ({@code enable_seqscan = off}), the plan of each names the index meant for it (the claim's may use either partial index: both hold every trade it can claim). A query no index
 * serves still shows a Seq Scan.
 */
class QueryPlanTest {
    @Test
    void eachQueryOfTheStoreIsServedByItsIndex() throws Exception {
        try (TestDatabase db = TestDatabase.open(2)) {
            db.store("lane-1", Clock.systemUTC());
            Map<String, String> queries = new LinkedHashMap<>();
            String trade = "SELECT " + TradeRows.COLUMNS + " FROM tenderkit_trade ";
            queries.put(trade + "WHERE out_trade_no = 'X'", "tenderkit_trade_pk");
            queries.put(trade + "WHERE order_id = 'O' ORDER BY created_ns, out_trade_no", "tenderkit_trade_by_order");
            queries.put(trade + "WHERE order_id = 'O' ORDER BY created_ns DESC, out_trade_no DESC LIMIT 1",
                    "tenderkit_trade_by_order");
            queries.put(trade + "WHERE created_ns >= 1 AND created_ns < 2 ORDER BY created_ns, out_trade_no",
                    "tenderkit_trade_by_creation");
            queries.put(trade + "WHERE " + TradeTable.UNFINISHED + " ORDER BY created_ns, out_trade_no",
                    "tenderkit_trade_unfinished");
            queries.put(trade + "WHERE " + TradeTable.UNFINISHED + " AND state NOT IN ('PAID', 'FAILED', 'REVERSED') "
                    + "AND (claimed_by IS NULL OR claimed_by = 'x' OR lease_until_ns <= 5) ORDER BY created_ns, "
                    + "out_trade_no FOR UPDATE SKIP LOCKED", "tenderkit_trade_(unfinished|one_open_attempt)");
            String refund = "SELECT " + RefundRows.COLUMNS + " FROM tenderkit_refund ";
            queries.put(refund + "WHERE out_trade_no = 'X' AND refund_request_no = 'R'", "tenderkit_refund_(pk|by_trade)");
            queries.put(refund + "WHERE out_trade_no = 'X' ORDER BY created_ns, refund_request_no", "tenderkit_refund");
            // the end-of-day listing, exactly as the store asks it
            queries.put(refund + RefundTable.CREATED_IN.replace("?", "1"), "Index Scan using tenderkit_refund_by_creation");
            queries.put(refund + "WHERE state NOT IN ('REFUNDED', 'FAILED') ORDER BY created_ns, out_trade_no, "
                    + "refund_request_no", "tenderkit_refund_unfinished");
            queries.put("SELECT prefix FROM tenderkit_number_prefix WHERE instance_id = 'x' ORDER BY seq",
                    "tenderkit_number_prefix_by_instance");
            // claims of one trade or refund (admission on a second engine), and of the unfinished refunds
            queries.put("UPDATE tenderkit_trade SET claimed_by = 'x' WHERE out_trade_no = 'X' AND state NOT IN "
                    + "('PAID', 'FAILED', 'REVERSED') AND (claimed_by IS NULL OR claimed_by = 'x' OR lease_until_ns "
                    + "<= 5) RETURNING " + TradeRows.COLUMNS, "Index Cond: .*out_trade_no.* = 'X'");   // pk, or the
            // partial index of unfinished trades (whose second column it is) on this empty table: a key lookup either way
            queries.put("UPDATE tenderkit_refund SET claimed_by = 'x' WHERE out_trade_no = 'X' AND refund_request_no = "
                    + "'R' AND " + RefundTable.UNFINISHED + " AND " + RefundTable.CLAIMABLE.replace("claimed_by = ?", "claimed_by = 'x'")
                    .replace("<= ?", "<= 5") + " RETURNING " + RefundRows.COLUMNS, "Index Cond: .*out_trade_no.* = 'X'");   // by key: pk or by_trade
            queries.put(refund + "WHERE " + RefundTable.UNFINISHED + " AND (claimed_by IS NULL OR claimed_by = 'x' OR "
                    + "lease_until_ns <= 5) ORDER BY created_ns, out_trade_no, refund_request_no FOR UPDATE SKIP LOCKED",
                    "tenderkit_refund_unfinished");
            // a refund's request: its trade locked, the refunds that did not fail added up
            queries.put("SELECT COALESCE(pay_amount_fen, 0) FROM tenderkit_trade WHERE out_trade_no = 'X' FOR UPDATE",
                    "tenderkit_trade_pk");
            queries.put("SELECT COALESCE(SUM(amount_fen), 0) FROM tenderkit_refund WHERE out_trade_no = 'X' AND "
                    + "state <> 'FAILED'", "tenderkit_refund_(pk|by_trade)");
            // recover(): the refunded totals a crash left behind, and the last trade of each of the instance's runs
            queries.put(TradeTable.REFUNDS_BEHIND, "tenderkit_trade_refunds_behind");
            queries.put(TradeTable.LAST_OF_RUNS.replace("?", "'x'"),
                    "tenderkit_number_prefix_by_instance(.|\\n)*tenderkit_trade_by_number");
            try (Connection c = db.direct(); Statement s = c.createStatement()) {
                s.execute("SET enable_seqscan = off");
                for (Map.Entry<String, String> q : queries.entrySet()) {
                    String plan = plan(s, q.getKey());
                    assertTrue(java.util.regex.Pattern.compile(q.getValue()).matcher(plan).find(), q.getKey() + "\n" + plan);
                    assertFalse(plan.contains("Seq Scan"), q.getKey() + "\n" + plan);
                }
                assertTrue(plan(s, trade + "WHERE subject = 'goods'").contains("Seq Scan"),
                        "the check can fail: a query without an index shows a Seq Scan");
            }
        }
    }

    private static String plan(Statement s, String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
            while (r.next()) {
                out.append(r.getString(1)).append('\n');
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("EXPLAIN " + sql, e);
        }
        return out.toString();
    }
}
