package dev.tenderkit.examples.backoffice;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.store.jdbc.JdbcTransactionStore;
import dev.tenderkit.testkit.alipay.AlipayTrade;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A chain's back office: three engines — lanes 1 and 2 of store A, lane 3 of store B, each a process
 * of its own — take payments on one PostgreSQL database through {@code JdbcTransactionStore},
 * against the simulated Alipay running here. Lane 3 is killed with SIGKILL while two of its buyers
 * are entering their passwords; lane 2, asked for one of those orders, refuses it (lane 3's lease
 * still holds it) and sends nothing; once the lease has passed, lane 1's {@code recover()} takes both
 * trades over and finishes them (one paid, one reversed; on a machine so loaded that the takeover
 * comes after the buyer's 20 s, both reversed, and the order paid by a new attempt at lane 2). At the
 * end every trade in the database is checked against the wallet's ledger.
 *
 * <p>Needs PostgreSQL: {@code TENDERKIT_PG_URL}, {@code TENDERKIT_PG_USER}, {@code TENDERKIT_PG_PASSWORD};
 * without them it says what to install and exits with status 2. It works in a schema of its own,
 * dropped at the end. Exit status 0 when database and wallet agree, 1 otherwise.
 */
public final class BackofficeExample {
    static final String PAYS = "280000000000000001";
    static final String PIN_THEN_PAYS = "280000000000000002";
    static final String NEVER_CONFIRMS = "280000000000000005";
    static final String BALANCE_SHORT = "280000000000000006";
    private static final long BOUND_SECONDS = 90;

    private BackofficeExample() {
    }

    /**
     * @param args none
     * @throws Exception when the example cannot run
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Optional<Properties> db = BackofficeDatabase.fromEnvironment(System.err);
        if (db.isEmpty()) {
            System.exit(2);
        }
        int status;
        try {
            status = run(db.get(), out);
        } finally {
            BackofficeDatabase.drop(db.get());
        }
        System.exit(status);
    }

    private static int run(Properties endpoint, PrintStream out) throws Exception {
        JdbcTransactionStore audit = JdbcTransactionStore.builder().dataSource(BackofficeDatabase.dataSource(endpoint))
                .instanceId("back-office").createSchema(true).build();
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        Path dir = Files.createTempDirectory("tenderkit-backoffice");
        try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).start()) {
            alipay.script(PAYS, BuyerScript.paysAtOnce());
            alipay.script(PIN_THEN_PAYS, BuyerScript.userPayingFor(1));
            alipay.script(NEVER_CONFIRMS, BuyerScript.neverPays());
            alipay.script(BALANCE_SHORT, BuyerScript.insufficientBalance());
            endpoint.setProperty("gatewayUrl", alipay.gatewayUrl().toString());
            endpoint.setProperty("appId", alipay.appId());
            endpoint.setProperty("appPrivateKeyPem", keys.appPrivateKeyPem());
            endpoint.setProperty("alipayPublicKeyPem", keys.alipayPublicKeyPem());
            Path endpointFile = dir.resolve("endpoint.properties");
            try (Writer w = Files.newBufferedWriter(endpointFile, StandardCharsets.UTF_8)) {
                endpoint.store(w, "the back-office example's database and simulated Alipay; generated keys, this run only");
            }
            out.println("TenderKit back office — three lanes (processes) on one PostgreSQL (schema "
                    + endpoint.getProperty(BackofficeDatabase.SCHEMA) + "), the simulated Alipay at "
                    + alipay.gatewayUrl());
            LaneProcess lane1 = LaneProcess.start(endpointFile, "1", "store A", dir, out);
            LaneProcess lane2 = LaneProcess.start(endpointFile, "2", "store A", dir, out);
            LaneProcess lane3 = LaneProcess.start(endpointFile, "3", "store B", dir, out);
            for (LaneProcess lane : List.of(lane1, lane2, lane3)) {
                lane.awaitLine("started", BOUND_SECONDS);
            }

            out.println("1. Payments at all three lanes:");
            lane1.send("pay ORD-A1-1 " + PAYS + " 12.00");
            lane1.send("pay ORD-A1-2 " + PAYS + " 23.50");
            lane2.send("pay ORD-A2-1 " + PAYS + " 8.80");
            lane2.send("pay ORD-A2-2 " + BALANCE_SHORT + " 99.00");
            lane1.awaitLine("ORD-A1-1 =>", BOUND_SECONDS);
            lane1.awaitLine("ORD-A1-2 =>", BOUND_SECONDS);
            lane2.awaitLine("ORD-A2-1 =>", BOUND_SECONDS);
            lane2.awaitLine("ORD-A2-2 =>", BOUND_SECONDS);
            lane3.send("pay ORD-B3-1 " + PIN_THEN_PAYS + " 45.00");
            lane3.send("pay ORD-B3-2 " + NEVER_CONFIRMS + " 18.00");
            lane3.awaitLine("ORD-B3-1 sent", BOUND_SECONDS);
            lane3.awaitLine("ORD-B3-2 sent", BOUND_SECONDS);

            out.println("2. Lane 3 dies while both of its buyers are entering their passwords:");
            out.println("  lane 3 (store B) killed with SIGKILL, exit status " + lane3.kill() + "; its trades: "
                    + describe(audit, "ORD-B3-1") + ", " + describe(audit, "ORD-B3-2"));

            out.println("3. The buyer of ORD-B3-1 walks to lane 2; lane 3's lease still holds the trade:");
            lane2.send("pay ORD-B3-1 " + PIN_THEN_PAYS + " 45.00");
            lane2.awaitLine("ORD-B3-1 refused", BOUND_SECONDS);

            out.println("4. Once lane 3's lease (" + BackofficeLane.LEASE.toSeconds() + " s after its last save) has "
                    + "passed, lane 1 recovers and finishes lane 3's trades:");
            Thread.sleep(BackofficeLane.LEASE.plusSeconds(1).toMillis());   // the example waits out the lease
            for (int tries = 0; tries < 10 && !finished(audit, "ORD-B3-1", "ORD-B3-2"); tries++) {
                lane1.send("recover");
                lane1.awaitLine("recover() settled", BOUND_SECONDS);
            }
            out.println("  finished by lane 1: " + describe(audit, "ORD-B3-1") + ", " + describe(audit, "ORD-B3-2"));

            out.println("5. Asked again at lane 2, the order is answered with the trade lane 1 paid (or, if lane 1 "
                    + "had to reverse it at the buyer's deadline, paid by a new attempt):");
            lane2.send("pay ORD-B3-1 " + PIN_THEN_PAYS + " 45.00");
            lane2.awaitLine("ORD-B3-1 =>", BOUND_SECONDS);
            out.println("  lanes ended with status " + lane1.quit() + " and " + lane2.quit());
            return check(audit.trades(Instant.EPOCH, Instant.MAX), alipay.ledger().trades(), out);
        } finally {
            delete(dir);
        }
    }

    private static boolean finished(JdbcTransactionStore store, String... orders) {
        for (String o : orders) {
            if (store.findByOrderId(o).map(t -> !t.state().isFinal()).orElse(true)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JdbcTransactionStore store, String order) {
        return store.findByOrderId(order).map(t -> order + " " + t.outTradeNo() + " " + t.state()).orElse(order
                + " not in the database");
    }

    /** Every trade in the database against the wallet's ledger. @return 0 when they agree, 1 otherwise */
    private static int check(List<TradeRecord> trades, Map<String, AlipayTrade> ledger, PrintStream out) {
        out.println("6. The database against the simulated Alipay's ledger:");
        List<String> problems = new ArrayList<>();
        for (TradeRecord t : trades) {
            AlipayTrade w = ledger.get(t.outTradeNo());
            Money charged = w == null ? Money.ZERO : w.charged();
            out.printf("  %-9s %-20s %-9s wallet: %s, charged %s%n", t.orderId(), t.outTradeNo(), t.state(),
                    w == null ? "no trade" : w.status(), charged);
            boolean agrees = switch (t.state()) {
                case PAID -> w != null && w.status() == AlipayTrade.Status.TRADE_SUCCESS && charged.equals(t.amount());
                case REVERSED, FAILED -> !charged.isPositive();
                default -> false;
            };
            if (!agrees) {
                problems.add(t.orderId() + " " + t.outTradeNo() + " is " + t.state() + " in the database, the wallet "
                        + "has " + w);
            }
        }
        for (String no : ledger.keySet()) {
            if (trades.stream().noneMatch(t -> t.outTradeNo().equals(no))) {
                problems.add("the wallet has trade " + no + ", the database does not");
            }
        }
        if (!problems.isEmpty()) {
            out.println("DATABASE AND WALLET DISAGREE:");
            problems.forEach(p -> out.println("  " + p));
            return 1;
        }
        long paid = trades.stream().filter(t -> t.state() == TradeState.PAID).count();
        out.println("database and simulated Alipay agree on all " + trades.size() + " trades (" + paid + " paid, none "
                + "charged twice, every unpaid one reversed or failed)");
        return 0;
    }

    /** Removes the run's directory (the endpoint file, the lanes' standard error, shown in any failure). */
    private static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
