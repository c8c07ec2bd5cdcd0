package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.testkit.wechat.Fault.When;
import dev.tenderkit.testkit.wechat.TestWeChatClient.Reply;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Injected faults, before and after the ledger changes: what the client sees, and what the wallet
 * really did (the ledger), which a client must never infer from a spoiled answer.
 */
class SimulatedWeChatPayFaultTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayTest.KEYS;
    private static final String CODE = SimulatedWeChatPayTest.CODE;
    private static final String PATH = "/v3/pay/transactions/codepay";

    private SimulatedWeChatPay wechat;
    private TestWeChatClient client;

    @BeforeEach
    void start() throws Exception {
        wechat = SimulatedWeChatPay.builder(KEYS).start();
        client = new TestWeChatClient(wechat.baseUrl(), wechat.mchid(), KEYS.merchantCertificateSerial(),
                KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private Reply pay(String no) throws Exception {
        return client.post(PATH, SimulatedWeChatPayTest.codepay(wechat, no, CODE, 100));
    }

    private Money charged(String no) {
        return wechat.ledger().charged(no);
    }

    @Test
    void aResetBeforeTheLedgerChargesNothingAndTheSameRequestThenPays() throws Exception {
        wechat.failNext("codepay", Fault.reset(When.BEFORE_LEDGER));
        assertThrows(IOException.class, () -> pay("F1"));
        assertEquals(1, wechat.resets());
        assertTrue(wechat.ledger().trade("F1").isEmpty());
        assertEquals(200, pay("F1").status());
    }

    @Test
    void aResetAfterTheLedgerLeavesTheBuyerChargedOnce() throws Exception {
        wechat.failNext("codepay", Fault.reset(When.AFTER_LEDGER));
        assertThrows(IOException.class, () -> pay("F2"));
        assertEquals(Money.ofFen(100), charged("F2"));
        Reply again = pay("F2");
        assertEquals("SUCCESS", Json.text(Json.parseObject(again.body()), "trade_state").orElseThrow());
        assertEquals(Money.ofFen(100), wechat.ledger().totalCharged());
    }

    @Test
    void aLoadBalancer5xxIsUnsignedHtml() throws Exception {
        wechat.failNext(Fault.httpError(502, When.BEFORE_LEDGER));
        Reply r = pay("F3");
        assertEquals(502, r.status());
        assertTrue(r.signature().isEmpty());
        assertTrue(r.body().startsWith("<html>"));
        assertTrue(wechat.ledger().trade("F3").isEmpty());
    }

    @Test
    void aGarbageBodyAfterTheLedgerIsNotJsonWhileTheBuyerWasCharged() throws Exception {
        wechat.failNext(Fault.garbage(When.AFTER_LEDGER));
        Reply r = pay("F4");
        assertEquals(200, r.status());
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject(r.body()));
        assertEquals(Money.ofFen(100), charged("F4"));
    }

    @Test
    void aBadSignatureDoesNotVerifyOverTheRealAnswer() throws Exception {
        wechat.failNext(Fault.badSignature());
        Reply r = pay("F5");
        assertEquals(200, r.status());
        assertEquals("SUCCESS", Json.text(Json.parseObject(r.body()), "trade_state").orElseThrow());
        assertFalse(r.verified());
        assertEquals(Money.ofFen(100), charged("F5"));
    }

    @Test
    void anUnsignedRefusalAfterTheBuyerWasChargedCarriesNoSignatureAtAll() throws Exception {
        wechat.failNext(Fault.unsignedError(403, "NOT_ENOUGH", When.AFTER_LEDGER));
        Reply r = pay("F6");
        assertEquals(403, r.status());
        assertEquals("NOT_ENOUGH", Json.text(Json.parseObject(r.body()), "code").orElseThrow());
        assertTrue(r.signature().isEmpty() && r.timestamp().isEmpty() && r.serial().isEmpty());
        assertEquals(Money.ofFen(100), charged("F6"), "the forged 'insufficient balance' hides a real charge");
    }

    @Test
    void aForgedRefusalIsSignedWithAKeyThatIsNotWeChatPays() throws Exception {
        wechat.failNext(Fault.forgedError(403, "NOT_ENOUGH", When.AFTER_LEDGER));
        Reply r = pay("F7");
        assertEquals(403, r.status());
        assertTrue(r.signature().isPresent());
        assertFalse(r.verified());
        assertEquals(Money.ofFen(100), charged("F7"));
    }

    @Test
    void aStaleTimestampIsSignedCorrectlyButSixMinutesOld() throws Exception {
        wechat.failNext(Fault.staleTimestamp());
        Reply r = pay("F8");
        assertFalse(r.verified());
        long age = Clock.systemUTC().instant().getEpochSecond() - Long.parseLong(r.timestamp().orElseThrow());
        assertTrue(age >= 355 && age <= 400, "age " + age);
        assertTrue(client.verify(r.timestamp().get() + "\n" + r.nonce().get() + "\n" + r.body() + "\n", r.signature().get()),
                "only the time is wrong: the signature itself verifies");
    }

    @Test
    void aProbeSignatureStartsWithSigntestAndDoesNotVerify() throws Exception {
        wechat.failNext(Fault.probeSignature());
        Reply r = pay("F9");
        assertTrue(r.signature().orElseThrow().startsWith("WECHATPAY/SIGNTEST/"));
        assertFalse(r.verified());
        assertEquals(Money.ofFen(100), charged("F9"));
    }

    @Test
    void aSystemErrorIsASignedUnknownOutcome() throws Exception {
        wechat.failNext(Fault.systemError(When.BEFORE_LEDGER));
        Reply r = pay("F10");
        assertEquals(500, r.status());
        assertTrue(r.verified());
        assertEquals("SYSTEM_ERROR", Json.text(Json.parseObject(r.body()), "code").orElseThrow());
        assertTrue(wechat.ledger().trade("F10").isEmpty());
    }

    @Test
    void aSlowAnswerOutlastsTheClientAndStillCharges() throws Exception {
        wechat.failNext("codepay", Fault.slow(Duration.ofSeconds(3), When.AFTER_LEDGER));
        assertThrows(HttpTimeoutException.class, () -> client.send("POST", PATH,
                SimulatedWeChatPayTest.codepay(wechat, "F11", CODE, 100), Duration.ofMillis(300)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (wechat.ledger().trade("F11").isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertEquals(Money.ofFen(100), charged("F11"), "the wallet charged though the client never heard");
    }

    @Test
    void faultsAreScopedByEndpointAndPaymentCode() throws Exception {
        wechat.failNext("query", Fault.systemError(When.BEFORE_LEDGER));
        wechat.failPaymentCode("104444444444444444", Fault.httpError(503, When.BEFORE_LEDGER));
        assertEquals(200, pay("F12").status(), "a query fault does not hit codepay; another code's fault neither");
        assertEquals(500, client.get("/v3/pay/transactions/out-trade-no/F12?mchid=" + wechat.mchid()).status());
        assertEquals(200, client.get("/v3/pay/transactions/out-trade-no/F12?mchid=" + wechat.mchid()).status());
        assertEquals(503, client.post(PATH, SimulatedWeChatPayTest.codepay(wechat, "F13", "104444444444444444", 1)).status());
        assertThrows(IllegalArgumentException.class, () -> wechat.failNext("pay", Fault.garbage(When.BEFORE_LEDGER)));
    }

    @Test
    void anyWeChatRefusalCanBeScriptedSigned() throws Exception {
        wechat.failNext("codepay", Fault.refusal(429, "RATELIMIT_EXCEEDED", When.BEFORE_LEDGER));
        Reply r = pay("F14");
        assertEquals(429, r.status());
        assertTrue(r.verified());
        assertEquals("RATELIMIT_EXCEEDED", Json.text(Json.parseObject(r.body()), "code").orElseThrow());
        assertTrue(wechat.ledger().trade("F14").isEmpty());
        wechat.failNext("codepay", Fault.refusal(500, "BANK_ERROR", When.AFTER_LEDGER));
        assertEquals(500, pay("F15").status());
        assertEquals(Money.ofFen(100), charged("F15"), "a BANK_ERROR after the charge: unknown, never 'not paid'");
        assertThrows(IllegalArgumentException.class, () -> Fault.refusal(200, "X", When.BEFORE_LEDGER));
        assertThrows(IllegalArgumentException.class, () -> Fault.refusal(403, " ", When.BEFORE_LEDGER));
    }

    @Test
    void receivedRequestsAreRecordedWithoutTheirAuthorization() throws Exception {
        client.askingFor(KEYS.publicKeyId());
        pay("F16");
        SimulatedWeChatPay.Received r = wechat.received().get(0);
        assertEquals("codepay", r.endpoint());
        assertEquals(PATH, r.url());
        assertTrue(r.authentic());
        assertEquals(KEYS.publicKeyId(), r.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Wechatpay-Serial")).findFirst().orElseThrow().getValue());
        assertTrue(r.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Authorization")));
    }
}
