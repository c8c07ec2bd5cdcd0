package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.wechat.BuyerScript;
import dev.tenderkit.testkit.wechat.Fault;
import dev.tenderkit.testkit.wechat.RefundScript;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayBuilder;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.testkit.wechat.WeChatTrade;
import dev.tenderkit.transport.http.GatewayTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine through the adapter against sdk-testkit's SimulatedWeChatPay, whose signing,
 * verification and AES-GCM are written apart from ours: the buyers it scripts, and its faults
 * before and after its ledger changes.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)   // a reversal retried without end would hang engine.pay
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
        return pay(dir, buyer, faults, new GatewayTiming(Duration.ofMillis(20), Duration.ofMillis(20), 1.0,
                Duration.ofMillis(20), deadline, Duration.ofMillis(20), 2.0, Duration.ofMillis(100), 5),
                SimulatedWeChatPay.builder(KEYS), after);
    }

    private static TradeOutcome pay(Path dir, BuyerScript buyer, Consumer<SimulatedWeChatPay> faults,
            GatewayTiming timing, SimulatedWeChatPayBuilder simulator, Then after) throws Exception {
        Clock clock = Clock.systemUTC();
        try (SimulatedWeChatPay wechat = simulator.start();
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("wechat-sim-engine-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            wechat.script(BUYER, buyer);
            faults.accept(wechat);
            WeChatPayCredentials credentials = WeChatPayCredentials.builder().mchid(wechat.mchid())
                    .appid(wechat.appid()).merchantPrivateKey(KEYS.merchantPrivateKeyPem())
                    .merchantSerialNumber(KEYS.merchantCertificateSerial()).merchantCertificate(
                            KEYS.merchantCertificatePem())
                    .apiV3Key(KEYS.apiV3Key()).wechatPayPublicKey(KEYS.wechatPublicKeyPem(), KEYS.publicKeyId()).build();
            WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(credentials)
                    .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(2))
                            .callTimeout(Duration.ofSeconds(5)).build())
                    .baseUrl(wechat.baseUrl()).deviceId("POS-01").storeId("S-1")
                    .timing(timing).build();
            CapabilityPolicy policy = CapabilityPolicy.builder().version("t").issuedAt(clock.instant())
                    .maxAge(Duration.ofDays(1)).channel(new ChannelProfile("wechat-direct",
                            LocalizedText.of("微信支付直连", "WeChat Pay direct"), LicenceKind.WALLET_DIRECT,
                            List.of(ChannelOffering.of(PaymentMethods.WECHAT_PAY, false))))
                    .build();
            CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN",
                    SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                    new MerchantProfile("M", "M", "5411", List.of("wechat-direct"), List.of()));
            PaymentEngine engine = PaymentEngine.builder().terminalId("T1")
                    .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                    .context(() -> context).store(journal).gateway("wechat-direct", gateway).scheduler(scheduler)
                    .build();
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
    void insufficientBalanceFailsWithItsOwnCauseAndCodeAfterTheConfirmingQuery(@TempDir Path dir) throws Exception {
        TradeOutcome.Failed f = assertInstanceOf(TradeOutcome.Failed.class,
                pay(dir, BuyerScript.insufficientBalance(), w -> { }, Duration.ofSeconds(60), w -> assertEquals(
                        List.of("codepay", "query"), endpoints(w), "the query confirms the PAYERROR order")));
        assertEquals(Cause.BUYER_INSUFFICIENT_FUNDS, f.error().cause(), "not the query's general PAYERROR decline");
        assertEquals("403", f.error().raw().code());
        assertEquals(Optional.of("NOT_ENOUGH"), f.error().raw().subCode());
        assertEquals(f.error(), f.trade().failure().orElseThrow(), "journaled as the cashier is told");
        assertTrue(!f.trade().needsAttention(), f.trade()::toString);
    }

    @Test
    void anInvalidPaymentCodeFailsAsTheBuyersWithNothingToReverseAndNoFlag(@TempDir Path dir) throws Exception {
        // WeChat creates no order for the refused code and answers its reverse 404 ORDER_NOT_EXIST:
        // the refusal, verified, and two verified not-founds stand for "nothing charged, nothing to close"
        TradeOutcome.Failed f = assertInstanceOf(TradeOutcome.Failed.class,
                pay(dir, BuyerScript.invalidCode(), w -> { }, Duration.ofSeconds(60), w -> assertEquals(
                        List.of("codepay", "query", "reverse", "query"), endpoints(w))));
        assertEquals(Cause.BUYER_PAYMENT_CODE_INVALID, f.error().cause(), f.error()::toString);
        assertEquals(Optional.of("PARAM_ERROR"), f.error().raw().subCode());
        assertTrue(!f.trade().needsAttention(), f.trade()::toString);
    }

    @Test
    void anExpiredOrMistypedCodeInWeChatsOwnWordsFailsTheSameWay(@TempDir Path dir) throws Exception {
        int i = 0;
        for (String code : List.of("AUTH_CODE_INVALID", "AUTH_CODE_EXPIRE", "AUTH_CODE_ERROR")) {
            TradeOutcome o = pay(Files.createDirectories(dir.resolve("c" + i++)), BuyerScript.paysAtOnce(),
                    w -> w.failPaymentCode(BUYER, Fault.refusal(400, code, Fault.When.BEFORE_LEDGER)),
                    Duration.ofSeconds(60), (e, w, out) -> assertTrue(
                            w.ledger().trade(out.record().orElseThrow().outTradeNo()).isEmpty(), "no order"));
            TradeOutcome.Failed f = assertInstanceOf(TradeOutcome.Failed.class, o, code);
            assertEquals(Cause.BUYER_PAYMENT_CODE_INVALID, f.error().cause(), code);
            assertEquals(Optional.of(code), f.error().raw().subCode());
            assertTrue(!f.trade().needsAttention(), code);
        }
    }

    @Test
    void aCodepayLostInTheNetworkFailsOnceItsRequestWindowHasPassedNotFlagged(@TempDir Path dir) throws Exception {
        // the reset drops the codepay before WeChat sees it: queries and reverses find nothing, which
        // proves nothing until no request of the trade can still be taken (WeChat's signed-timestamp window)
        GatewayTiming timing = windowTiming(Duration.ofMillis(300), Duration.ofSeconds(2));
        TradeOutcome.Failed f = assertInstanceOf(TradeOutcome.Failed.class, pay(dir, BuyerScript.paysAtOnce(),
                w -> w.failNext("codepay", Fault.reset(Fault.When.BEFORE_LEDGER)), timing,
                SimulatedWeChatPay.builder(KEYS).requestWindow(Duration.ofSeconds(1)), (e, w, o) -> {
                    assertTrue(endpoints(w).stream().filter("reverse"::equals).count() > 1, "retried until then");
                    assertTrue(w.ledger().trade(o.record().orElseThrow().outTradeNo()).isEmpty());
                }));
        assertEquals(Cause.TERMINAL_UNHEALTHY, f.error().cause());
        assertEquals(Optional.of("ORDER_NOT_EXIST"), f.error().raw().subCode());
        assertTrue(!f.trade().createdAt().plus(timing.buyerDeadline()).plus(timing.requestValidity().orElseThrow())
                .isAfter(f.trade().updatedAt()), "not before the window closed: " + f.trade());
        assertTrue(!f.trade().needsAttention(), f.trade()::toString);
    }

    @Test
    void aCodepayThatLandsAfterTheReverseWasAnsweredNotFoundIsStillReversed(@TempDir Path dir) throws Exception {
        // WeChat takes the codepay at once and charges 3 s later, after the client gave up on it (2 s
        // read timeout) and the reversal found no order: the window keeps the reversal going until it
        // can return the money
        TradeOutcome o = pay(dir, BuyerScript.paysAtOnce(),
                w -> w.failNext("codepay", Fault.slow(Duration.ofSeconds(3), Fault.When.BEFORE_LEDGER)),
                windowTiming(Duration.ofMillis(300), Duration.ofSeconds(20)), SimulatedWeChatPay.builder(KEYS),
                (e, w, out) -> {
                    WeChatTrade t = w.ledger().trade(out.record().orElseThrow().outTradeNo()).orElseThrow();
                    assertTrue(t.everPaid(), "it was charged, late");
                    assertEquals(WeChatTrade.State.REVOKED, t.state(), "and reversed, the money back");
                });
        assertInstanceOf(TradeOutcome.Reversed.class, o, o::toString);
        assertTrue(!o.record().orElseThrow().needsAttention(), o::toString);
    }

    /** Fast polls and reversals, never flagged while the window lasts, with a request validity. */
    private static GatewayTiming windowTiming(Duration deadline, Duration validity) {
        return GatewayTiming.builder().firstQueryAfter(Duration.ofMillis(20)).pollEvery(Duration.ofMillis(20))
                .buyerDeadline(deadline).reversalBackoff(Duration.ofMillis(20), 2.0, Duration.ofMillis(100))
                .attemptsBeforeAttention(10_000).requestValidity(validity).build();
    }

    private static List<String> endpoints(SimulatedWeChatPay w) {
        return w.received().stream().map(SimulatedWeChatPay.Received::endpoint).toList();
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
