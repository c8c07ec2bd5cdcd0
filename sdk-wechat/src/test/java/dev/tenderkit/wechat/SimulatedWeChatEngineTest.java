package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.wechat.BuyerScript;
import dev.tenderkit.testkit.wechat.Fault;
import dev.tenderkit.testkit.wechat.RefundScript;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.testkit.wechat.WeChatTrade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine through the adapter against sdk-testkit's SimulatedWeChatPay, whose signing,
 * verification and AES-GCM are written apart from ours: the buyers it scripts, and its faults
 * before and after its ledger changes.
 */
class SimulatedWeChatEngineTest {
    private static final String BUYER = "134567890123456789";
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayKeys.generate();

    /** What a test does after the payment, with the engine and the simulator still running. */
    @FunctionalInterface
    interface Then {
        void accept(PaymentEngine engine, SimulatedWeChatPay wechat, TradeOutcome outcome) throws Exception;
    }

    private static TradeOutcome pay(Path dir, BuyerScript buyer, Consumer<SimulatedWeChatPay> faults,
            Duration deadline, Consumer<SimulatedWeChatPay> after) throws Exception {
        return pay(dir, buyer, faults, deadline, (e, w, o) -> after.accept(w));
    }

    private static TradeOutcome pay(Path dir, BuyerScript buyer, Consumer<SimulatedWeChatPay> faults,
            Duration deadline, Then after) throws Exception {
        Clock clock = Clock.systemUTC();
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).start();
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("wechat-sim-engine-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            wechat.script(BUYER, buyer);
            faults.accept(wechat);
            WeChatPayCredentials credentials = WeChatPayCredentials.builder().mchid(wechat.mchid())
                    .appid(wechat.appid()).merchantPrivateKey(KEYS.merchantPrivateKeyPem())
                    .merchantSerialNumber(KEYS.merchantCertificateSerial()).merchantCertificate(
                            KEYS.merchantCertificatePem())
                    .apiV3Key(KEYS.apiV3Key()).wechatPayPublicKey(KEYS.wechatPublicKeyPem(), KEYS.publicKeyId()).build();
            WeChatPayGateway gateway = TestEngines.compressedTiming(credentials, wechat.baseUrl(), deadline);
            PaymentEngine engine = TestEngines.wechatDirect(gateway, journal, scheduler, clock);
            TradeOutcome outcome = engine.pay(BarcodePaymentRequest.of("ORD-1", Money.ofFen(1234), BUYER, "咖啡"));
            String no = outcome.record().orElseThrow().outTradeNo();
            Money charged = wechat.ledger().trade(no).map(WeChatTrade::charged).orElse(Money.ZERO);
            if (outcome instanceof TradeOutcome.Paid) {
                assertEquals(Money.ofFen(1234), charged, "paid here, charged there");
            } else {
                assertEquals(Money.ZERO, charged, outcome + ": nothing stays charged");
            }
            after.accept(engine, wechat, outcome);
            return outcome;
        }
    }

    private static TradeOutcome pay(Path dir, BuyerScript buyer, Consumer<SimulatedWeChatPay> faults) throws Exception {
        return pay(dir, buyer, faults, Duration.ofSeconds(60), w -> { });
    }

    @Test
    void aBuyerWhoPaysAtOnceIsPaid(@TempDir Path dir) throws Exception {
        TradeOutcome.Paid p = assertInstanceOf(TradeOutcome.Paid.class, pay(dir, BuyerScript.paysAtOnce(), w -> { }));
        assertEquals(Money.ofFen(1234), p.payment().amount());
    }

    @Test
    void aBuyerWhoEntersHerPinIsPolledUntilPaid(@TempDir Path dir) throws Exception {
        assertInstanceOf(TradeOutcome.Paid.class, pay(dir, BuyerScript.pinFor(3), w -> { }));
    }

    @Test
    void aBuyerWhoNeverEntersItIsReversed(@TempDir Path dir) throws Exception {
        assertInstanceOf(TradeOutcome.Reversed.class, pay(dir, BuyerScript.neverPays(), w -> { }, Duration.ofSeconds(1),
                w -> assertTrue(w.received().stream().anyMatch(r -> r.endpoint().equals("reverse")))));
    }

    @Test
    void insufficientBalanceAndAnInvalidCodeAreBuyerSideFailures(@TempDir Path dir) throws Exception {
        TradeOutcome a = pay(Files.createDirectories(dir.resolve("a")), BuyerScript.insufficientBalance(), w -> { });
        TradeOutcome.Failed f = assertInstanceOf(TradeOutcome.Failed.class, a, a::toString);
        assertTrue(f.error().isBuyerSide(), f.error().toString());
        // WeChat creates no order for an invalid code: the engine's confirming query finds none, and
        // a reversal of that number is refused (404 ORDER_NOT_EXIST), which core does not take as
        // confirmation, so the trade is flagged for a person (nothing charged, asserted in pay)
        TradeOutcome b = pay(Files.createDirectories(dir.resolve("b")), BuyerScript.invalidCode(), w -> { });
        assertTrue(b instanceof TradeOutcome.Failed x && x.error().isBuyerSide()
                || b instanceof TradeOutcome.Unresolved u && u.trade().needsAttention(), b::toString);
    }

    @Test
    void noSpoiledAnswerOfAnyStatusIsAnOutcomeAndAChargeIsNeverReversedForIt(@TempDir Path dir) throws Exception {
        List<Fault> spoiled = List.of(Fault.forgedError(403, "NOT_ENOUGH", Fault.When.AFTER_LEDGER),
                Fault.unsignedError(403, "NOT_ENOUGH", Fault.When.AFTER_LEDGER), Fault.badSignature(),
                Fault.staleTimestamp(), Fault.probeSignature(), Fault.systemError(Fault.When.AFTER_LEDGER),
                Fault.httpError(502, Fault.When.AFTER_LEDGER), Fault.garbage(Fault.When.AFTER_LEDGER),
                Fault.reset(Fault.When.AFTER_LEDGER));
        int i = 0;
        for (Fault f : spoiled) {
            TradeOutcome o = pay(Files.createDirectories(dir.resolve("f" + i++)), BuyerScript.paysAtOnce(),
                    w -> w.failNext("codepay", f), Duration.ofSeconds(60),
                    w -> assertTrue(w.received().stream().noneMatch(r -> r.endpoint().equals("reverse")),
                            f + ": the charged trade is never reversed"));
            assertInstanceOf(TradeOutcome.Paid.class, o, f.toString());
        }
    }

    @Test
    void aRefundProcessingAtWeChatIsFollowedToSuccessAndAnAbnormalOneIsFlagged(@TempDir Path dir) throws Exception {
        pay(dir, BuyerScript.paysAtOnce(), w -> {
            w.scriptRefund("R_1", RefundScript.succeeds().after(2));
            w.scriptRefund("R_2", RefundScript.abnormal());
        }, Duration.ofSeconds(60), (engine, wechat, outcome) -> {
            assertInstanceOf(TradeOutcome.Paid.class, outcome);
            RefundOutcome ok = engine.refundAsync(OrderRefund.builder().orderId("ORD-1").refundRequestNo("R_1")
                    .amount(Money.ofFen(200)).reason("退货").build()).get(30, TimeUnit.SECONDS);
            assertInstanceOf(RefundOutcome.Refunded.class, ok, ok::toString);
            RefundOutcome bad = engine.refundAsync(OrderRefund.builder().orderId("ORD-1").refundRequestNo("R_2")
                    .amount(Money.ofFen(300)).reason("退货").build()).get(30, TimeUnit.SECONDS);
            assertTrue(bad instanceof RefundOutcome.Failed || bad instanceof RefundOutcome.Unresolved, bad::toString);
            assertTrue(bad.toString().contains("ABNORMAL"), bad::toString);
            RefundOutcome again = engine.refundAsync(OrderRefund.builder().orderId("ORD-1").refundRequestNo("R_1")
                    .amount(Money.ofFen(200)).reason("退货").build()).get(30, TimeUnit.SECONDS);
            assertInstanceOf(RefundOutcome.Refunded.class, again, "idempotent by out_refund_no");
            assertEquals(1, wechat.ledger().refundsOf(outcome.record().orElseThrow().outTradeNo()).stream()
                    .filter(r -> r.toString().contains("R_1")).count(), "R-1 made once");
        });
    }

    @Test
    void aSpoiledAnswerBeforeTheLedgerLeavesNothingCharged(@TempDir Path dir) throws Exception {
        TradeOutcome o = pay(dir, BuyerScript.paysAtOnce(),
                w -> w.failNext("codepay", Fault.forgedError(403, "NOT_ENOUGH", Fault.When.BEFORE_LEDGER)),
                Duration.ofSeconds(2), w -> { });
        assertTrue(!(o instanceof TradeOutcome.Paid), o.toString());
        if (o instanceof TradeOutcome.Failed f) {
            assertTrue(f.error().cause() != Cause.BUYER_INSUFFICIENT_FUNDS, "the forged refusal is not what settles it");
        }
    }
}
