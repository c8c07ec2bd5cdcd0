package dev.tenderkit.alipay.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.testkit.alipay.AlipayTrade;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.Fault;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.testkit.crash.CrashBuyer;
import dev.tenderkit.testkit.crash.JournalLedgerAudit;
import dev.tenderkit.testkit.crash.KillRun;
import dev.tenderkit.testkit.crash.KillTally;
import dev.tenderkit.testkit.crash.LateBuyer;
import dev.tenderkit.testkit.crash.WalletTrade;
import dev.tenderkit.testkit.crash.WorkList;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
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
 * moments, at least 50 times a run ({@link KillRun}, the harness shared with WeChat Pay's test).
 * After the last kill the journal is opened once more, here, and {@code recover()} runs to
 * completion; then journal and wallet ledger must agree trade by trade ({@link JournalLedgerAudit}):
 * zero lost trades, zero double charges, every unpaid trade cancelled, none left in limbo.
 *
 * <p>{@code -Dtenderkit.crash.kills=N} (default 60) sets the number of kills and
 * {@code -Dtenderkit.crash.seed=S} replays a run; every failure message names the seed.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "destroyForcibly() is SIGKILL on Linux; that is what is tested")
class ProcessKillTest {
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
                LateBuyer lateBuyer = new LateBuyer(() -> paysOf(alipay, Buyer.CONFIRMS_IN_HER_OWN_TIME),
                        alipay::buyerConfirms, random.nextLong())) {
            scriptBuyers(alipay, random);
            KillRun run = new KillRun(dir, new TerminalUnderTest(), random);
            new TerminalUnderTest.Endpoint(alipay.gatewayUrl(), alipay.appId(), keys.appPrivateKeyPem(),
                    keys.alipayPublicKeyPem()).write(run.endpointFile());
            List<WorkList.Order> orders = run.writeWorkList(ORDERS, Buyer.ALL);
            KillTally tally = run.killChildren(kills, replay);

            KillRun.FinalRecovery last = run.recoverOnceMore(Duration.ofMinutes(2));
            RecoveryReport recovery = last.report();
            List<TradeRecord> trades = last.trades();
            Map<String, AlipayTrade> ledger = alipay.ledger().trades();
            JournalLedgerAudit audit = new JournalLedgerAudit(trades, walletTrades(ledger), orders, tally.told());
            // Which of the cut-off intents had their pay reach the wallet: kills between request and answer.
            long answerLost = tally.cutAfterIntent().stream()
                    .filter(no -> ledger.containsKey(no) && ledger.get(no).kind().equals("BAR_CODE")).count();
            // Pays held back by the slow network that found the number already closed by a cancel.
            long paysAfterCancel = alipay.received().stream().map(ReceivedPay::of).flatMap(Optional::stream)
                    .filter(p -> ledger.containsKey(p.outTradeNo()) && ledger.get(p.outTradeNo()).kind().equals("NONE"))
                    .count();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            String summary = "ProcessKillTest: " + tally + "; " + run.children() + " children; "
                    + trades.size() + " trades: " + audit.paid() + " paid (" + audit.paidFromCredit()
                    + " from Huabei), " + audit.reversed() + " reversed, " + audit.failed() + " failed, "
                    + audit.reversedAfterCharge() + " charged then reversed; "
                    + lateBuyer.confirmed() + " of " + lateBuyer.pays() + " late buyers confirmed while waiting; "
                    + tally.cutAfterIntent().size() + " trades cut off after the intent (" + answerLost
                    + " with the pay at the wallet, its answer lost to the kill); " + paysAfterCancel
                    + " pays that reached the wallet after the cancel had closed their number; "
                    + recovery.trades().size() + " settled by the final recovery; "
                    + ledger.size() + " trades in the wallet's ledger; " + replay + "; " + seconds + " s";
            System.out.println(summary);

            assertEquals(List.of(), run.problems(last, audit), "journal and wallet disagree or the run proves "
                    + "too little, " + replay + "\n" + summary);
            assertTrue(lateBuyer.failure().isEmpty(), () -> "the late buyer stopped: " + lateBuyer.failure().get());
        }
    }

    private static void scriptBuyers(SimulatedAlipay alipay, Random random) {
        for (CrashBuyer<BuyerScript> b : Buyer.ALL) {
            alipay.script(b.paymentCode(), b.script());
        }
        for (int i = 0; i < LATE_PAYS; i++) {
            alipay.failPaymentCode(Buyer.PAY_ARRIVES_LATE.paymentCode(), Fault.slow(
                    Duration.ofMillis(200 + random.nextInt(3_800)), Fault.When.BEFORE_LEDGER));
        }
    }

    /** @return the trades of the pays the simulator received from this buyer, in order */
    private static List<String> paysOf(SimulatedAlipay alipay, CrashBuyer<?> buyer) {
        return alipay.received().stream().map(ReceivedPay::of).flatMap(Optional::stream)
                .filter(p -> p.paymentCode().equals(buyer.paymentCode())).map(ReceivedPay::outTradeNo).toList();
    }

    /** Alipay's ledger in the audit's terms. */
    static Map<String, WalletTrade> walletTrades(Map<String, AlipayTrade> ledger) {
        Map<String, WalletTrade> trades = new HashMap<>();
        ledger.forEach((no, w) -> trades.put(no, new WalletTrade(no, w.charged(),
                w.status() == AlipayTrade.Status.TRADE_SUCCESS, w.status() == AlipayTrade.Status.TRADE_CLOSED,
                w.everPaid(), w.huabei(), w.kind() + " " + w.status()
                        + w.closedBy().map(c -> " closed by " + c).orElse(""))));
        return trades;
    }
}
