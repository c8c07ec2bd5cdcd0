package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.wechat.TestWeChatClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated WeChat Pay's orders over real HTTP on loopback, driven by the test's own client. */
class SimulatedWeChatPayTest {
    static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayKeys.generate();
    static final String CODE = "134567890123456789";

    private final ManualTaskScheduler time = new ManualTaskScheduler(Instant.parse("2026-12-03T04:00:00Z"));
    private SimulatedWeChatPay wechat;
    private TestWeChatClient client;

    @BeforeEach
    void start() throws Exception {
        wechat = SimulatedWeChatPay.builder(KEYS).scheduler(time).start();
        client = new TestWeChatClient(wechat.baseUrl(), wechat.mchid(), KEYS.merchantCertificateSerial(),
                KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(), time.clock());
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    static String codepay(SimulatedWeChatPay w, String no, String code, long fen) {
        return "{\"appid\":\"" + w.appid() + "\",\"mchid\":\"" + w.mchid() + "\",\"description\":\"咖啡 x1 ☕\","
                + "\"out_trade_no\":\"" + no + "\",\"payer\":{\"auth_code\":\"" + code + "\"},"
                + "\"amount\":{\"total\":" + fen + ",\"currency\":\"CNY\"},"
                + "\"scene_info\":{\"device_id\":\"POS-01\",\"store_info\":{\"out_id\":\"S1\"}}}";
    }

    private Reply pay(String no, String code, long fen) throws Exception {
        return client.post("/v3/pay/transactions/codepay", codepay(wechat, no, code, fen));
    }

    private Reply query(String no) throws Exception {
        return client.get("/v3/pay/transactions/out-trade-no/" + no + "?mchid=" + wechat.mchid());
    }

    private Reply reverse(String no) throws Exception {
        return client.post("/v3/pay/transactions/out-trade-no/" + no + "/reverse",
                "{\"appid\":\"" + wechat.appid() + "\",\"mchid\":\"" + wechat.mchid() + "\"}");
    }

    private static Map<String, Object> json(Reply r) {
        return Json.parseObject(r.body());
    }

    private static String state(Reply r) {
        return Json.text(json(r), "trade_state").orElse("");
    }

    @Test
    void aBuyerWhoPaysAtOnceIsChargedAndTheSignedAnswerSaysSo() throws Exception {
        Reply r = pay("T1", CODE, 1234);
        assertEquals(200, r.status());
        assertTrue(r.verified(), "the answer verifies with WeChat Pay's public key");
        assertEquals(KEYS.publicKeyId(), r.serial().orElseThrow(), "public-key mode announces PUB_KEY_ID_");
        Map<String, Object> t = json(r);
        assertEquals("SUCCESS", Json.text(t, "trade_state").orElseThrow());
        assertEquals("OTHERS", Json.text(t, "bank_type").orElseThrow());
        assertEquals("MICROPAY", Json.text(t, "trade_type").orElseThrow());
        assertEquals(1234L, Json.integer(t, "amount", "payer_total").orElseThrow());
        assertEquals("2026-12-03T12:00:00+08:00", Json.text(t, "success_time").orElseThrow());
        assertEquals(Money.ofFen(1234), wechat.ledger().charged("T1"));

        String tid = Json.text(t, "transaction_id").orElseThrow();
        assertEquals(28, tid.length());
        Reply byId = client.get("/v3/pay/transactions/id/" + tid + "?mchid=" + wechat.mchid());
        assertTrue(byId.verified());
        assertEquals("T1", Json.text(json(byId), "out_trade_no").orElseThrow());
        assertEquals("SUCCESS", state(query("T1")));
    }

    @Test
    void aBuyerAtThePinDialogIsUserPayingForHerQueriesThenPaid() throws Exception {
        wechat.script(CODE, BuyerScript.pinFor(2).withBankType("CMB_CREDIT"));
        Reply r = pay("T2", CODE, 500);
        assertEquals(202, r.status());
        assertTrue(r.verified());
        assertEquals("{\"trade_state\":\"USERPAYING\"}", r.body());
        assertEquals(Money.ZERO, wechat.ledger().charged("T2"));
        assertEquals("USERPAYING", state(query("T2")));
        assertEquals("USERPAYING", state(query("T2")));
        Reply paid = query("T2");
        assertEquals("SUCCESS", state(paid));
        assertEquals("CMB_CREDIT", Json.text(json(paid), "bank_type").orElseThrow());
        assertEquals(Money.ofFen(500), wechat.ledger().charged("T2"));
    }

    @Test
    void userPayingCanBeAnswered200() throws Exception {
        wechat.script(CODE, BuyerScript.pinFor(1)).userPayingStatus(200);
        Reply r = pay("T2b", CODE, 500);
        assertEquals(200, r.status());
        assertEquals("USERPAYING", state(r));
    }

    @Test
    void aBuyerWhoNeverEntersHerPinIsReversedAndNeverCharged() throws Exception {
        wechat.script(CODE, BuyerScript.neverPays());
        assertEquals(202, pay("T3", CODE, 800).status());
        for (int i = 0; i < 5; i++) {
            assertEquals("USERPAYING", state(query("T3")));
        }
        Reply rev = reverse("T3");
        assertEquals(200, rev.status());
        assertTrue(rev.verified());
        assertEquals("REVOKED", state(query("T3")));
        assertEquals(200, reverse("T3").status(), "a reverse can be retried until confirmed");
        assertFalse(wechat.buyerEntersPin("T3"), "a PIN entered after the reverse pays nothing");
        assertEquals(Money.ZERO, wechat.ledger().charged("T3"));
    }

    @Test
    void weChatRevokesAnUnpaidBarcodeOrderAt45SecondsOnTheInjectedClock() throws Exception {
        wechat.script(CODE, BuyerScript.neverPays());
        pay("T4", CODE, 800);
        time.advance(Duration.ofSeconds(44));
        assertEquals(WeChatTrade.State.USERPAYING, wechat.ledger().trade("T4").orElseThrow().state());
        time.advance(Duration.ofSeconds(1));
        assertEquals(WeChatTrade.State.REVOKED, wechat.ledger().trade("T4").orElseThrow().state());
        assertEquals("REVOKED", state(query("T4")));
    }

    @Test
    void aPinEnteredInTimePaysWhateverTheScriptSaid() throws Exception {
        wechat.script(CODE, BuyerScript.neverPays());
        pay("T4b", CODE, 800);
        assertTrue(wechat.buyerEntersPin("T4b"));
        assertEquals("SUCCESS", state(query("T4b")));
        assertEquals(Money.ofFen(800), wechat.ledger().charged("T4b"));
    }

    @Test
    void reversingAPaidOrderGivesTheMoneyBack() throws Exception {
        pay("T5", CODE, 900);
        assertEquals(200, reverse("T5").status());
        assertEquals(Money.ZERO, wechat.ledger().charged("T5"));
        assertTrue(wechat.ledger().trade("T5").orElseThrow().everPaid());
        assertEquals("REVOKED", state(query("T5")));
    }

    @Test
    void insufficientBalanceIsASignedRefusalAndLeavesAFailedOrder() throws Exception {
        wechat.script(CODE, BuyerScript.insufficientBalance());
        Reply r = pay("T6", CODE, 900);
        assertEquals(403, r.status());
        assertTrue(r.verified(), "refusals are signed too");
        assertEquals("NOT_ENOUGH", Json.text(json(r), "code").orElseThrow());
        assertEquals("PAYERROR", state(query("T6")));
        assertEquals(Money.ZERO, wechat.ledger().charged("T6"));
    }

    @Test
    void aBuyerWhoClosesThePinDialogEndsPayError() throws Exception {
        wechat.script(CODE, BuyerScript.givesUpAfter(1));
        pay("T6b", CODE, 900);
        assertEquals("USERPAYING", state(query("T6b")));
        assertEquals("PAYERROR", state(query("T6b")));
    }

    @Test
    void anInvalidCodeIsRefusedAndCreatesNoOrder() throws Exception {
        Reply r = pay("T7", "9999", 900);
        assertEquals(400, r.status());
        assertTrue(r.verified());
        assertEquals("PARAM_ERROR", Json.text(json(r), "code").orElseThrow());
        assertEquals(404, query("T7").status());
        assertEquals("ORDER_NOT_EXIST", Json.text(json(query("T7")), "code").orElseThrow());
    }

    @Test
    void aRepeatedCodepayAnswersTheOrderAndAnotherAmountIsOutTradeNoUsed() throws Exception {
        pay("T8", CODE, 100);
        Reply again = pay("T8", CODE, 100);
        assertEquals(200, again.status());
        assertEquals("SUCCESS", state(again));
        Reply other = pay("T8", CODE, 101);
        assertEquals(403, other.status());
        assertEquals("OUT_TRADE_NO_USED", Json.text(json(other), "code").orElseThrow());
        assertEquals(Money.ofFen(100), wechat.ledger().totalCharged(), "one out_trade_no, one charge");
    }

    @Test
    void wrongMerchantOrAppIsRefusedWithTheSettingToFix() throws Exception {
        Reply app = client.post("/v3/pay/transactions/codepay", codepay(wechat, "T9", CODE, 100).replace(wechat.appid(), "wx0"));
        assertEquals("APPID_MCHID_NOT_MATCH", Json.text(json(app), "code").orElseThrow());
        Reply missing = client.post("/v3/pay/transactions/codepay", "{\"appid\":\"" + wechat.appid() + "\",\"mchid\":\""
                + wechat.mchid() + "\",\"description\":\"x\",\"out_trade_no\":\"T9\",\"payer\":{\"auth_code\":\"" + CODE
                + "\"},\"amount\":{\"total\":1}}");
        assertEquals(400, missing.status());
        assertEquals("/scene_info", Json.text(json(missing), "detail", "field").orElseThrow());
        assertTrue(wechat.ledger().trades().isEmpty());
    }

    @Test
    void closingAnUnpaidOrderAnswers204SignedOverAnEmptyBody() throws Exception {
        wechat.script(CODE, BuyerScript.neverPays());
        pay("T10", CODE, 100);
        Reply c = client.post("/v3/pay/transactions/out-trade-no/T10/close", "{\"mchid\":\"" + wechat.mchid() + "\"}");
        assertEquals(204, c.status());
        assertEquals("", c.body());
        assertTrue(c.verified(), "a 204 is signed over TIMESTAMP\\nNONCE\\n\\n");
        assertEquals("CLOSED", state(query("T10")));
        pay("T11", "104567890123456780", 100);
        Reply paid = client.post("/v3/pay/transactions/out-trade-no/T11/close", "{\"mchid\":\"" + wechat.mchid() + "\"}");
        assertEquals(400, paid.status());
        assertEquals("ORDER_PAID", Json.text(json(paid), "code").orElseThrow());
    }

    @Test
    void aNativeOrderGivesACodeUrlAndIsPaidWhenTheBuyerScans() throws Exception {
        String body = "{\"appid\":\"" + wechat.appid() + "\",\"mchid\":\"" + wechat.mchid() + "\",\"description\":\"面包\","
                + "\"out_trade_no\":\"Q1\",\"notify_url\":\"https://example.com/notify\",\"amount\":{\"total\":300}}";
        Reply r = client.post("/v3/pay/transactions/native", body);
        assertEquals(200, r.status());
        assertTrue(r.verified());
        String url = Json.text(json(r), "code_url").orElseThrow();
        assertTrue(url.startsWith("weixin://wxpay/bizpayurl?pr="), url);
        assertEquals(url, Json.text(json(client.post("/v3/pay/transactions/native", body)), "code_url").orElseThrow());
        assertEquals("NOTPAY", state(query("Q1")));
        assertTrue(wechat.buyerScansQr("Q1"));
        Reply q = query("Q1");
        assertEquals("SUCCESS", state(q));
        assertEquals("NATIVE", Json.text(json(q), "trade_type").orElseThrow());
        assertEquals(400, client.post("/v3/pay/transactions/native", body).status());
    }

    @Test
    void answersFollowTheSerialTheRequestAsksFor() throws Exception {
        client.askingFor(KEYS.platformCertificateSerial());
        Reply r = pay("T12", CODE, 100);
        assertEquals(KEYS.platformCertificateSerial(), r.serial().orElseThrow());
        assertTrue(r.verified(), "the platform certificate carries the same WeChat Pay key");
    }

    @Test
    void concurrentCodepaysOfOneOutTradeNoChargeOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                replies.add(pool.submit(() -> pay("C1", CODE, 4321)));
            }
            for (java.util.concurrent.Future<Reply> f : replies) {
                Reply r = f.get();
                assertEquals(200, r.status());
                assertTrue(r.verified());
                assertEquals("SUCCESS", state(r));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Money.ofFen(4321), wechat.ledger().totalCharged());
        assertEquals(1, wechat.ledger().trades().size());
    }
}
