package dev.tenderkit.wechat.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.testkit.crash.CrashBuyer;
import dev.tenderkit.testkit.crash.JournalLedgerAudit;
import dev.tenderkit.testkit.crash.KillRun;
import dev.tenderkit.testkit.crash.KillTally;
import dev.tenderkit.testkit.crash.LateBuyer;
import dev.tenderkit.testkit.crash.WalletTrade;
import dev.tenderkit.testkit.crash.WorkList;
import dev.tenderkit.testkit.wechat.BuyerScript;
import dev.tenderkit.testkit.wechat.Fault;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.testkit.wechat.WeChatTrade;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's crash-safety bar across processes, for WeChat Pay: a child JVM pays WeChat buyers
 * ({@link Buyer}: at once, PIN then paid, never, no funds, a refused code, late) through the engine
 * and the WeChat Pay adapter against the simulated WeChat Pay running in this JVM, and is killed with
 * SIGKILL at moments timed from its progress lines, at least 50 times a run ({@link KillRun}, the
 * harness shared with Alipay's test). After the last kill a fresh engine opens the journal here and
 * {@code recover()} runs to completion; then journal and the simulator's ledger must agree trade by
 * trade ({@link JournalLedgerAudit}): zero lost, zero double charges, every unpaid trade reversed or
 * closed, none left in limbo or flagged.
 *
 * <p>WeChat's reverse of an order it never created is a 404 that closes nothing, so a trade cut off
 * between its intent and the codepay's answer settles only when its request window has passed
 * (the simulator's is 2 s here, {@link TerminalUnderTest#REQUEST_WINDOW}); a codepay that arrives
 * late is then refused (401) or, inside the window, charged and reversed.
 *
 * <p>{@code -Dtenderkit.crash.kills=N} (default 60) sets the number of kills and
 * {@code -Dtenderkit.crash.seed=S} replays a run; every failure message names the seed.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "destroyForcibly() is SIGKILL on Linux; that is what is tested")
class ProcessKillTest {
    /** More orders than any run reaches, so a child never runs out of work before its kill. */
    private static final int ORDERS = 5_000;
    /** Delays scripted for {@link Buyer#PAY_ARRIVES_LATE}, one per codepay: more than a long run makes. */
    private static final int LATE_PAYS = 1_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void afterRandomSigkillsRecoveryLeavesJournalAndWeChatInAgreement(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("tenderkit.crash.seed", new SecureRandom().nextLong());
        int kills = Integer.getInteger("tenderkit.crash.kills", 60);
        String replay = "seed " + seed + " (replay with -Dtenderkit.crash.seed=" + seed + ")";
        System.out.println("WeChat ProcessKillTest: " + kills + " kills, " + replay);
        Random random = new Random(seed);
        long started = System.nanoTime();

        SimulatedWeChatPayKeys keys = SimulatedWeChatPayKeys.generate();
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(keys)
                .requestWindow(TerminalUnderTest.REQUEST_WINDOW).start();
                LateBuyer lateBuyer = new LateBuyer(() -> codepaysOf(wechat, Buyer.ENTERS_PIN_IN_HER_OWN_TIME),
                        wechat::buyerEntersPin, random.nextLong())) {
            scriptBuyers(wechat, random);
            KillRun run = new KillRun(dir, new TerminalUnderTest(), random);
            TerminalUnderTest.Endpoint.of(wechat, keys).write(run.endpointFile());
            List<WorkList.Order> orders = run.writeWorkList(ORDERS, Buyer.ALL);
            KillTally tally = run.killChildren(kills, replay);

            KillRun.FinalRecovery last = run.recoverOnceMore(Duration.ofMinutes(2));
            RecoveryReport recovery = last.report();
            List<TradeRecord> trades = last.trades();
            Map<String, WeChatTrade> ledger = wechat.ledger().trades();
            JournalLedgerAudit audit = new JournalLedgerAudit(trades, walletTrades(ledger), orders, tally.told());
            Set<String> codepays = wechat.received().stream().map(ReceivedCodepay::of).flatMap(Optional::stream)
                    .map(ReceivedCodepay::outTradeNo).collect(Collectors.toSet());
            // Trades cut off after the intent: whose codepay reached WeChat, whose never did.
            long answerLost = tally.cutAfterIntent().stream().filter(ledger::containsKey).count();
            long neverReached = tally.cutAfterIntent().stream().filter(no -> !codepays.contains(no)).count();
            // Also those whose intent was written when the kill came, before its STATE line was printed.
            long journaledNeverSent = trades.stream().filter(t -> !codepays.contains(t.outTradeNo())).count();
            long refusedLate = wechat.received().stream().filter(r -> r.endpoint().equals("codepay") && !r.authentic())
                    .count();
            // FAILED by cause and WeChat's code: NOT_ENOUGH, a refused code, a codepay proven never taken
            // (404 after its window), one never sent (its deadline passed first, on a loaded machine), ...
            Map<String, Long> failures = trades.stream().filter(t -> t.state() == TradeState.FAILED)
                    .map(t -> t.failure().orElseThrow())
                    .collect(Collectors.groupingBy(e -> e.cause() + " " + e.raw().code() + e.raw().subCode()
                            .map(c -> "/" + c).orElse(""), TreeMap::new, Collectors.counting()));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            String summary = "WeChat ProcessKillTest: " + tally + "; " + run.children() + " children; "
                    + trades.size() + " trades: " + audit.paid() + " paid (" + audit.paidFromCredit()
                    + " by credit card), " + audit.reversed() + " reversed, " + audit.failed() + " failed " + failures
                    + ", " + audit.reversedAfterCharge() + " charged then reversed; "
                    + lateBuyer.confirmed() + " of " + lateBuyer.pays() + " late PINs paid while waiting; "
                    + tally.cutAfterIntent().size() + " trades cut off after the intent (" + answerLost
                    + " with the order at WeChat, its answer lost to the kill; " + neverReached
                    + " whose codepay never reached it); " + journaledNeverSent + " journaled trades whose codepay "
                    + "never reached WeChat in all; " + refusedLate + " codepays refused 401 (outside the "
                    + "request window); " + recovery.trades().size() + " settled by the final recovery; "
                    + ledger.size() + " orders in WeChat's ledger; " + replay + "; " + seconds + " s";
            System.out.println(summary);

            assertEquals(List.of(), run.problems(last, audit), "journal and WeChat disagree or the run proves "
                    + "too little, " + replay + "\n" + summary);
            assertTrue(lateBuyer.failure().isEmpty(), () -> "the late buyer stopped: " + lateBuyer.failure().get());
        }
    }

    private static void scriptBuyers(SimulatedWeChatPay wechat, Random random) {
        for (CrashBuyer<BuyerScript> b : Buyer.ALL) {
            wechat.script(b.paymentCode(), b.script());
        }
        for (int i = 0; i < LATE_PAYS; i++) {
            wechat.failPaymentCode(Buyer.PAY_ARRIVES_LATE.paymentCode(), Fault.slow(
                    Duration.ofMillis(200 + random.nextInt(1_800)), Fault.When.BEFORE_LEDGER));
        }
    }

    /** @return the trades of the codepays the simulator received from this buyer, in order */
    private static List<String> codepaysOf(SimulatedWeChatPay wechat, CrashBuyer<?> buyer) {
        return wechat.received().stream().map(ReceivedCodepay::of).flatMap(Optional::stream)
                .filter(p -> p.paymentCode().equals(buyer.paymentCode())).map(ReceivedCodepay::outTradeNo).toList();
    }

    /** WeChat's ledger in the audit's terms: REVOKED, CLOSED and PAYERROR orders are closed. */
    private static Map<String, WalletTrade> walletTrades(Map<String, WeChatTrade> ledger) {
        Set<WeChatTrade.State> closed = Set.of(WeChatTrade.State.REVOKED, WeChatTrade.State.CLOSED,
                WeChatTrade.State.PAYERROR);
        Map<String, WalletTrade> trades = new HashMap<>();
        ledger.forEach((no, w) -> trades.put(no, new WalletTrade(no, w.charged(),
                w.state() == WeChatTrade.State.SUCCESS, closed.contains(w.state()), w.everPaid(),
                w.bankType().filter(b -> b.endsWith("_CREDIT")).isPresent(),
                w.tradeType() + " " + w.state() + w.bankType().map(b -> " " + b).orElse(""))));
        return trades;
    }
}
