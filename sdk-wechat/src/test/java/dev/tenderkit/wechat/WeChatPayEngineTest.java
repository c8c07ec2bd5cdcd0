package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.wechat.LoopbackWeChat.Received;
import dev.tenderkit.wechat.LoopbackWeChat.Scripted;
import dev.tenderkit.wechat.LoopbackWeChat.Signing;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment engine through the WeChat Pay adapter and the HTTP transport, against a loopback
 * WeChat Pay whose answers the official SDK's RSASigner signs (or, for the attacks, does not). The
 * stand-in keeps one trade's state: whether the wallet charged it and whether it was reversed.
 */
class WeChatPayEngineTest {
    private static final Pattern OUT_TRADE_NO = Pattern.compile("\"out_trade_no\":\"([^\"]+)\"");
    private static final Pattern PATH_NO = Pattern.compile("/out-trade-no/([^/?]+)");
    private static final String BUYER = "134567890123456789";

    /** One trade at the stand-in: what the wallet did with it. */
    private static final class Wallet {
        final AtomicBoolean charged = new AtomicBoolean();
        final AtomicBoolean reversed = new AtomicBoolean();
        final AtomicBoolean refused = new AtomicBoolean();
        final AtomicInteger queries = new AtomicInteger();
        volatile String no = "";
    }

    private static String no(Received r) {
        Matcher m = (r.pathAndQuery().contains("/out-trade-no/") ? PATH_NO : OUT_TRADE_NO)
                .matcher(r.pathAndQuery().contains("/out-trade-no/") ? r.pathAndQuery() : r.body());
        return m.find() ? m.group(1) : "";
    }

    private static String trade(String no, String state, long fen) {
        return "{\"appid\":\"" + Fixtures.APPID + "\",\"mchid\":\"" + Fixtures.MCHID + "\",\"out_trade_no\":\"" + no
                + "\",\"transaction_id\":\"42000" + no.hashCode() + "\",\"trade_state\":\"" + state
                + "\",\"bank_type\":\"OTHERS\",\"amount\":{\"total\":" + fen + ",\"currency\":\"CNY\"}}";
    }

    /**
     * Pays 12.34 through the engine.
     *
     * @param codepay what the stand-in answers the codepay with, given the wallet (it may charge it)
     * @param paidAfterQueries the query at which a buyer in the PIN dialog has paid (0 = never)
     */
    private static TradeOutcome pay(Path dir, Wallet w, Function<Wallet, Scripted> codepay, int paidAfterQueries,
            LoopbackWeChat wechat) throws Exception {
        // a trade the wallet settles ends the test at once, so the deadline is long: a loaded machine
        // must not reverse it; only the buyer who never pays waits a (short) deadline out
        return pay(dir, w, codepay, paidAfterQueries, wechat, Duration.ofSeconds(60));
    }

    private static TradeOutcome pay(Path dir, Wallet w, Function<Wallet, Scripted> codepay, int paidAfterQueries,
            LoopbackWeChat wechat, Duration deadline) throws Exception {
        Clock clock = Clock.systemUTC();
        wechat.responder(r -> {
            if (r.pathAndQuery().equals("/v3/pay/transactions/codepay")) {
                w.no = no(r);
                return codepay.apply(w);
            }
            if (r.pathAndQuery().endsWith("/reverse")) {
                w.reversed.set(true);
                w.charged.set(false);
                return new Scripted(200, "", Signing.SIGNED);
            }
            if (r.method().equals("GET") && r.pathAndQuery().contains("/out-trade-no/")) {
                int n = w.queries.incrementAndGet();
                if (!w.reversed.get() && paidAfterQueries > 0 && n >= paidAfterQueries) {
                    w.charged.set(true);
                }
                String state = w.reversed.get() ? "REVOKED" : w.charged.get() ? "SUCCESS"
                        : w.refused.get() ? "PAYERROR" : "USERPAYING";
                return new Scripted(200, trade(w.no, state, 1234), Signing.SIGNED);
            }
            return null;
        });
        try (ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("wechat-engine-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(Fixtures.publicKeyMode())
                    .transport(GatewayTransport.builder().callTimeout(Duration.ofSeconds(5)).build())
                    .baseUrl(wechat.url()).deviceId("POS-01").storeId("S-1")
                    // WeChat's shape (fixed 5 s polls, 45 s deadline), compressed to milliseconds
                    .timing(new GatewayTiming(Duration.ofMillis(20), Duration.ofMillis(20), 1.0, Duration.ofMillis(20),
                            deadline, Duration.ofMillis(20), 2.0, Duration.ofMillis(100), 5))
                    .build();
            PaymentEngine engine = TestEngines.wechatDirect(gateway, journal, scheduler, clock);
            TradeOutcome outcome = engine.pay(BarcodePaymentRequest.of("ORD-1", Money.ofFen(1234), BUYER, "咖啡"));
            assertTrue(wechat.received.stream().allMatch(Received::signatureValid), "every request correctly signed");
            return outcome;
        }
    }

    @Test
    void aBuyerWhoEntersHerPinIsPolledUntilPaid(@TempDir Path dir) throws Exception {
        Wallet w = new Wallet();
        try (LoopbackWeChat wechat = new LoopbackWeChat(Fixtures.WeChatSide.publicKey(), Clock.systemUTC())) {
            TradeOutcome o = pay(dir, w, x -> new Scripted(202, "{\"trade_state\":\"USERPAYING\"}", Signing.SIGNED), 3,
                    wechat);
            TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, o, () -> o + " " + wechat.received);
            assertEquals(Money.ofFen(1234), paid.payment().amount());
            assertEquals("OTHERS", paid.payment().fundingSource().channelCode());
            assertTrue(w.charged.get());
        }
    }

    @Test
    void aBuyerWhoNeverEntersItIsReversedAtTheDeadline(@TempDir Path dir) throws Exception {
        Wallet w = new Wallet();
        try (LoopbackWeChat wechat = new LoopbackWeChat(Fixtures.WeChatSide.publicKey(), Clock.systemUTC())) {
            TradeOutcome o = pay(dir, w, x -> new Scripted(200, "{\"trade_state\":\"USERPAYING\"}", Signing.SIGNED), 0,
                    wechat, Duration.ofSeconds(1));
            assertInstanceOf(TradeOutcome.Reversed.class, o);
            assertTrue(w.reversed.get());
        }
    }

    @Test
    void aSignedInsufficientBalanceIsABuyerSideFailure(@TempDir Path dir) throws Exception {
        Wallet w = new Wallet();
        try (LoopbackWeChat wechat = new LoopbackWeChat(Fixtures.WeChatSide.publicKey(), Clock.systemUTC())) {
            TradeOutcome o = pay(dir, w, x -> {
                x.refused.set(true);
                return new Scripted(403, "{\"code\":\"NOT_ENOUGH\",\"message\":\"余额不足\"}", Signing.SIGNED);
            }, 0, wechat);
            TradeOutcome.Failed f = assertInstanceOf(TradeOutcome.Failed.class, o);
            // the engine confirms a refusal by the query, whose PAYERROR (a buyer-side decline) stands
            assertTrue(f.error().isBuyerSide(), f.error().toString());
            assertTrue(Set.of(Cause.BUYER_INSUFFICIENT_FUNDS, Cause.BUYER_PAYMENT_DECLINED).contains(f.error().cause()));
            assertTrue(!w.reversed.get() || !w.charged.get());
            assertTrue(!w.charged.get());
        }
    }

    @Test
    void aForgedStaleUnsignedOrProbeInsufficientBalanceNeverReversesACharge(@TempDir Path dir) throws Exception {
        for (Signing attack : new Signing[] {Signing.FORGED, Signing.STALE, Signing.UNSIGNED, Signing.PROBE}) {
            Wallet w = new Wallet();
            try (LoopbackWeChat wechat = new LoopbackWeChat(Fixtures.WeChatSide.publicKey(), Clock.systemUTC())) {
                // the wallet charged the buyer; a man in the middle answers "insufficient balance"
                TradeOutcome o = pay(java.nio.file.Files.createDirectories(dir.resolve(attack.name())), w, x -> {
                    x.charged.set(true);
                    return new Scripted(403, "{\"code\":\"NOT_ENOUGH\",\"message\":\"余额不足\"}", attack);
                }, 0, wechat);
                assertInstanceOf(TradeOutcome.Paid.class, o, attack.name());
                assertTrue(w.charged.get() && !w.reversed.get(), attack + ": the charge stands, never reversed");
                assertTrue(w.queries.get() >= 1, attack + ": the trade was queried");
            }
        }
    }

    @Test
    void aSignedSystemErrorIsQueriedWithTheSameNumber(@TempDir Path dir) throws Exception {
        Wallet w = new Wallet();
        try (LoopbackWeChat wechat = new LoopbackWeChat(Fixtures.WeChatSide.publicKey(), Clock.systemUTC())) {
            TradeOutcome o = pay(dir, w, x -> {
                x.charged.set(true);
                return new Scripted(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统繁忙\"}", Signing.SIGNED);
            }, 0, wechat);
            assertInstanceOf(TradeOutcome.Paid.class, o);
            assertEquals(1, wechat.received.stream().filter(r -> r.pathAndQuery().endsWith("codepay")).count(),
                    "never paid again under a new number");
            assertTrue(wechat.received.stream().filter(r -> r.method().equals("GET"))
                    .allMatch(r -> r.pathAndQuery().contains("/out-trade-no/" + w.no + "?")));
        }
    }
}
