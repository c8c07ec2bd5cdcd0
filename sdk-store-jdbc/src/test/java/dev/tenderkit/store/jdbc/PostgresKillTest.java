package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.alipay.AlipayTrade;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIGKILL bar on PostgreSQL: two lanes (processes, each an engine with the Alipay adapter on its
 * own store instance) share one database and are offered the same orders, against the simulated Alipay of
 * this JVM. One of them at a time is killed with SIGKILL at a random moment while the other goes on,
 * and restarted, at least 50 times. Then both are recovered once more, here, and database and wallet
 * must agree trade by trade: every trade final, PAID exactly where the wallet charged, nothing charged
 * for a REVERSED or FAILED trade, every wallet trade in the database, at most one paid or open
 * attempt per order. The moments are drawn from a seed printed with every failure
 * ({@code -Dtenderkit.crash.seed}); the wall-clock waits only choose when to kill.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "destroyForcibly() is SIGKILL on Linux; that is what is tested")
class PostgresKillTest {
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final int ORDERS = 5_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void afterSigkillsOfOneOfTwoLanesSharingTheDatabaseRecoveryLeavesDatabaseAndWalletInAgreement(@TempDir Path dir)
            throws Exception {
        long seed = Long.getLong("tenderkit.crash.seed", new SecureRandom().nextLong());
        int kills = Integer.getInteger("tenderkit.crash.kills", 50);
        String replay = "seed " + seed + " (replay with -Dtenderkit.crash.seed=" + seed + ")";
        Random random = new Random(seed);
        try (TestDatabase db = TestDatabase.open(1)) {
            run(db, kills, random, replay, dir);
        }
    }

    private static void run(TestDatabase db, int kills, Random random, String replay, Path dir) throws Exception {
        String schema = db.schema;
        String url = TestDatabase.URL;
        String user = TestDatabase.USER;
        String password = TestDatabase.PASSWORD;
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).start()) {
            alipay.script(KilledLane.CODES[0], BuyerScript.paysAtOnce());
            alipay.script(KilledLane.CODES[1], BuyerScript.userPayingFor(2));
            alipay.script(KilledLane.CODES[2], BuyerScript.neverPays());
            alipay.script(KilledLane.CODES[3], BuyerScript.insufficientBalance());
            Properties endpoint = new Properties();
            endpoint.setProperty("gatewayUrl", alipay.gatewayUrl().toString());
            endpoint.setProperty("appId", alipay.appId());
            endpoint.setProperty("appPrivateKeyPem", keys.appPrivateKeyPem());
            endpoint.setProperty("alipayPublicKeyPem", keys.alipayPublicKeyPem());
            endpoint.setProperty("pgUrl", url);
            endpoint.setProperty("pgUser", user);
            endpoint.setProperty("pgPassword", password);
            endpoint.setProperty("schema", schema);
            Path endpointFile = dir.resolve("endpoint.properties");
            KilledLane.write(endpointFile, endpoint);
            try (HikariDataSource setup = KilledLane.pool(endpoint, 1)) {
                JdbcTransactionStore.builder().dataSource(setup).instanceId("setup").createSchema(true).build();
            }

            // Both lanes are offered the same orders, in the same order: each order goes to whichever
            // lane gets it into the database first, and the other is refused or answered with it.
            String[][] lanes = {{"A", "0", String.valueOf(ORDERS - 1)}, {"B", "0", String.valueOf(ORDERS - 1)}};
            Process[] running = {launch(endpointFile, lanes[0]), launch(endpointFile, lanes[1])};
            int done = 0;
            while (done < kills) {
                int victim = random.nextInt(2);
                TimeUnit.MILLISECONDS.sleep(800 + random.nextInt(2_200));   // when to kill, not a wait for correctness
                if (!running[victim].isAlive()) {
                    fail("lane " + lanes[victim][0] + " ended by itself with " + running[victim].exitValue() + ", "
                            + replay);
                }
                running[victim].destroyForcibly();
                int exit = running[victim].waitFor();
                if (exit != SIGKILL_EXIT) {
                    fail("lane " + lanes[victim][0] + " ended with " + exit + " instead of SIGKILL, " + replay);
                }
                done++;
                running[victim] = launch(endpointFile, lanes[victim]);
            }
            for (Process p : running) {
                p.destroyForcibly();
                p.waitFor();
            }

            // The last restart of both lanes, here: each recovers its own instance's trades.
            List<TradeRecord> trades;
            try (HikariDataSource pool = KilledLane.pool(endpoint, 8);
                    ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("kill-final", 4)) {
                List<RecoveryReport> reports = new ArrayList<>();
                for (String[] lane : lanes) {
                    TransactionStore store = KilledLane.store(pool, lane[0]);
                    PaymentEngine engine = KilledLane.engine(endpoint, lane[0], store, scheduler);
                    reports.add(engine.recover().get(3, TimeUnit.MINUTES));
                }
                for (RecoveryReport r : reports) {
                    assertTrue(r.failure().isEmpty(), () -> "the final recover() failed, " + replay + ": "
                            + r.failure().get());
                }
                trades = KilledLane.store(pool, "audit").trades(Instant.EPOCH, Instant.MAX);
            }
            Map<String, AlipayTrade> ledger = alipay.ledger().trades();
            List<String> violations = audit(trades, ledger);
            long paid = trades.stream().filter(t -> t.state() == TradeState.PAID).count();
            long reversed = trades.stream().filter(t -> t.state() == TradeState.REVERSED).count();
            long failed = trades.stream().filter(t -> t.state() == TradeState.FAILED).count();
            long byA = trades.stream().filter(t -> t.outTradeNo().startsWith("LANEA")).count();
            long byB = trades.stream().filter(t -> t.outTradeNo().startsWith("LANEB")).count();
            System.out.println("[postgres kill] " + kills + " SIGKILLs of one of two lanes; " + trades.size()
                    + " trades (" + byA + " by lane A, " + byB + " by lane B): " + paid + " paid, " + reversed
                    + " reversed, " + failed + " failed; " + ledger.size()
                    + " in the wallet's ledger; " + replay);
            assertEquals(List.of(), violations, "database and wallet disagree, " + replay);
            assertTrue(paid > 0 && reversed > 0 && failed > 0, "every path taken, " + replay);
            assertTrue(byA > 0 && byB > 0, "both lanes took orders of the shared list, " + replay);
        }
    }

    private static List<String> audit(List<TradeRecord> trades, Map<String, AlipayTrade> ledger) {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> liveAttempts = new HashMap<>();
        Map<String, TradeRecord> byNumber = new HashMap<>();
        for (TradeRecord t : trades) {
            byNumber.put(t.outTradeNo(), t);
            AlipayTrade w = ledger.get(t.outTradeNo());
            Money charged = w == null ? Money.ZERO : w.charged();
            switch (t.state()) {
                case PAID -> {
                    if (w == null || w.status() != AlipayTrade.Status.TRADE_SUCCESS || !charged.equals(t.amount())) {
                        violations.add(t.outTradeNo() + " PAID in the database, wallet: " + w);
                    }
                }
                case REVERSED, FAILED -> {
                    if (charged.isPositive()) {
                        violations.add(t.outTradeNo() + " " + t.state() + " in the database, charged " + charged);
                    }
                }
                default -> violations.add(t.outTradeNo() + " left " + t.state() + " after recovery");
            }
            if (t.state() != TradeState.REVERSED && t.state() != TradeState.FAILED) {
                liveAttempts.merge(t.orderId(), 1, Integer::sum);
            }
        }
        liveAttempts.forEach((order, n) -> {
            if (n > 1) {
                violations.add("order " + order + " has " + n + " attempts that are paid or open");
            }
        });
        for (String no : ledger.keySet()) {
            if (!byNumber.containsKey(no)) {
                violations.add("the wallet has trade " + no + " that the database lost");
            }
        }
        return violations;
    }

    private static Process launch(Path endpointFile, String[] lane) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), KilledLane.class.getName(), endpointFile.toString(), lane[0],
                lane[1], lane[2]);
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(new File(endpointFile.getParent().toFile(), "lane-" + lane[0] + ".err")).start();
    }

}
