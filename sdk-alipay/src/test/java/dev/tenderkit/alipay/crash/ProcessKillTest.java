package dev.tenderkit.alipay.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.alipay.AlipayTrade;
import dev.tenderkit.testkit.alipay.Fault;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's crash-safety bar across processes: a child JVM pays through the engine and the Alipay
 * adapter against the simulated Alipay running in this JVM, and is killed with SIGKILL at random
 * moments, at least 50 times a run. After the last kill the journal is opened once more, here, and
 * {@code recover()} runs to completion; then journal and wallet ledger must agree trade by trade
 * ({@link JournalLedgerAudit}): zero lost trades, zero double charges, every unpaid trade
 * cancelled, none left in limbo.
 *
 * <p>{@code -Dtenderkit.crash.kills=N} (default 60) sets the number of kills and
 * {@code -Dtenderkit.crash.seed=S} replays a run; every failure message names the seed.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "destroyForcibly() is SIGKILL on Linux; that is what is tested")
class ProcessKillTest {
    /** What a process killed by signal 9 reports as its exit status. */
    private static final int SIGKILL_EXIT = 128 + 9;
    /** More orders than any run reaches, so a child never runs out of work before its kill. */
    private static final int ORDERS = 5_000;
    /** Delays scripted for {@link Buyer#PAY_ARRIVES_LATE}, one per pay: more than a long run makes. */
    private static final int LATE_PAYS = 1_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void afterRandomSigkillsRecoveryLeavesJournalAndWalletInAgreement(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("tenderkit.crash.seed", new SecureRandom().nextLong());
        int kills = Integer.getInteger("tenderkit.crash.kills", 60);
        String replay = "seed " + seed + " (replay with -Dtenderkit.crash.seed=" + seed + ")";
        System.out.println("ProcessKillTest: " + kills + " kills, " + replay);
        Random random = new Random(seed);
        long started = System.nanoTime();

        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).start();
                LateBuyer lateBuyer = new LateBuyer(alipay, random.nextLong())) {
            scriptBuyers(alipay, random);
            TerminalUnderTest.Endpoint endpoint = new TerminalUnderTest.Endpoint(alipay.gatewayUrl(), alipay.appId(),
                    keys.appPrivateKeyPem(), keys.alipayPublicKeyPem());
            Path endpointFile = dir.resolve("endpoint.properties");
            endpoint.write(endpointFile);
            Path journal = dir.resolve("trades.journal");
            Path workListFile = dir.resolve("orders.txt");
            List<WorkList.Order> orders = WorkList.generate(random, ORDERS);
            WorkList.write(workListFile, orders);

            KillTally tally = new KillTally();
            int children = 0;
            while (tally.kills() < kills) {
                children++;
                killOne(ChildProcess.launch(endpointFile, journal, workListFile, random.nextLong()),
                        KillMoment.draw(random), tally, replay + ", child " + children);
            }

            FinalRecovery last = recoverOnceMore(journal, endpoint, tally);
            RecoveryReport recovery = last.report();
            List<TradeRecord> trades = last.trades();
            assertTrue(recovery.failure().isEmpty(), () -> "the final recover() failed, " + replay + ": "
                    + recovery.failure().get());
            Map<String, AlipayTrade> ledger = alipay.ledger().trades();
            JournalLedgerAudit audit = new JournalLedgerAudit(trades, ledger, orders, tally.told());
            // Which of the cut-off intents had their pay reach the wallet: kills between request and answer.
            long answerLost = tally.cutAfterIntent().stream()
                    .filter(no -> ledger.containsKey(no) && ledger.get(no).kind().equals("BAR_CODE")).count();
            // Pays held back by the slow network that found the number already closed by a cancel.
            long paysAfterCancel = alipay.received().stream().map(ReceivedPay::of).flatMap(Optional::stream)
                    .filter(p -> ledger.containsKey(p.outTradeNo()) && ledger.get(p.outTradeNo()).kind().equals("NONE"))
                    .count();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            String summary = "ProcessKillTest: " + tally + "; " + children + " children; "
                    + trades.size() + " trades: " + audit.paid() + " paid (" + audit.paidFromHuabei()
                    + " from Huabei), " + audit.reversed() + " reversed, " + audit.failed() + " failed, "
                    + audit.reversedAfterCharge() + " charged then reversed; "
                    + lateBuyer.confirmed() + " of " + lateBuyer.pays() + " late buyers confirmed while waiting; "
                    + tally.cutAfterIntent().size() + " trades cut off after the intent (" + answerLost
                    + " with the pay at the wallet, its answer lost to the kill); " + paysAfterCancel
                    + " pays that reached the wallet after the cancel had closed their number; "
                    + recovery.trades().size() + " settled by the final recovery; "
                    + ledger.size() + " trades in the wallet's ledger; " + replay + "; " + seconds + " s";
            System.out.println(summary);

            assertEquals(List.of(), audit.violations(), "journal and wallet disagree, " + replay + "\n" + summary);
            // Not vacuous: the restarts did open the journal the killed child held locked, and the
            // trades took every path.
            assertTrue(tally.opens() >= kills / 2, "too few children got as far as opening the journal; " + summary);
            assertTrue(audit.paid() > 0 && audit.reversed() > 0 && audit.failed() > 0,
                    "a run must take the paid, reversed and failed paths; " + summary);
            assertTrue(lateBuyer.failure().isEmpty(), () -> "the late buyer stopped: " + lateBuyer.failure().get());
        }
    }

    private static void scriptBuyers(SimulatedAlipay alipay, Random random) {
        for (Buyer b : Buyer.values()) {
            alipay.script(b.paymentCode(), b.script());
        }
        for (int i = 0; i < LATE_PAYS; i++) {
            alipay.failPaymentCode(Buyer.PAY_ARRIVES_LATE.paymentCode(), Fault.slow(
                    Duration.ofMillis(200 + random.nextInt(3_800)), Fault.When.BEFORE_LEDGER));
        }
    }

    /** What the last restart, in this JVM, came to: its recovery and the journal's trades after it. */
    private record FinalRecovery(RecoveryReport report, List<TradeRecord> trades) {
    }

    private static FinalRecovery recoverOnceMore(Path journal, TerminalUnderTest.Endpoint endpoint, KillTally tally)
            throws Exception {
        try (JournalTransactionStore store = TerminalUnderTest.openJournal(journal);
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("crash-final-recovery", 4)) {
            // SIGKILL almost never tears a record: each is one small write(), which a kill can cut short
            // only between two of its pages, and what was written survives in the page cache. Torn
            // tails are counted all the same; power loss is what makes them, and the in-process
            // FaultInjectionTest cuts records at every byte.
            tally.opened(store.openReport().tornBytes());
            PaymentEngine engine = TerminalUnderTest.engine(endpoint, store, scheduler, TradeListener.NONE);
            RecoveryReport report = engine.recover().get(2, TimeUnit.MINUTES);
            return new FinalRecovery(report, store.trades(Instant.EPOCH, Instant.MAX));
        }
    }

    /** Runs one child until its kill moment, kills it, and checks that it died of the kill. */
    private static void killOne(ChildProcess child, KillMoment moment, KillTally tally, String context)
            throws InterruptedException {
        boolean triggered = true;
        long from = child.startedNanos();
        if (moment.trigger() != KillMoment.Trigger.LAUNCH) {
            // A moment that does not come (no reversal in this child's life, say) falls back to now.
            triggered = child.await(moment.trigger().matches(), moment.nth(), Duration.ofSeconds(6));
            from = System.nanoTime();
        }
        long sleep = from + moment.delay().toNanos() - System.nanoTime();
        if (triggered && sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
        }
        long killedAt = System.nanoTime();
        int exit = child.kill();
        if (exit != SIGKILL_EXIT) {
            fail("the crash child ended with status " + exit + " instead of dying of SIGKILL (" + SIGKILL_EXIT
                    + ") " + moment + ", " + context + "; its stderr:\n" + child.stderrTail());
        }
        tally.killed(child.lines(), killedAt, triggered);
    }
}
