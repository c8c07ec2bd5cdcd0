package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.wechat.TestWeChatClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refunds (idempotent, never more than paid, PROCESSING to an end) and the certificates endpoint. */
class SimulatedWeChatPayRefundTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayTest.KEYS;

    private final ManualTaskScheduler time = new ManualTaskScheduler(Instant.parse("2026-12-03T04:00:00Z"));
    private SimulatedWeChatPay wechat;
    private TestWeChatClient client;

    @BeforeEach
    void start() throws Exception {
        wechat = SimulatedWeChatPay.builder(KEYS).scheduler(time).refundSettlesAfter(Duration.ofMinutes(2)).start();
        client = new TestWeChatClient(wechat.baseUrl(), wechat.mchid(), KEYS.merchantCertificateSerial(),
                KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(), time.clock());
        assertEquals(200, client.post("/v3/pay/transactions/codepay",
                SimulatedWeChatPayTest.codepay(wechat, "P1", SimulatedWeChatPayTest.CODE, 1000)).status());
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private Reply refund(String outRefundNo, long fen) throws Exception {
        return client.post("/v3/refund/domestic/refunds", "{\"out_trade_no\":\"P1\",\"out_refund_no\":\"" + outRefundNo
                + "\",\"reason\":\"退货\",\"amount\":{\"refund\":" + fen + ",\"total\":1000,\"currency\":\"CNY\"}}");
    }

    private Reply queryRefund(String outRefundNo) throws Exception {
        return client.get("/v3/refund/domestic/refunds/" + outRefundNo);
    }

    private static String field(Reply r, String... path) {
        return Json.text(Json.parseObject(r.body()), path).orElse("");
    }

    @Test
    void aRefundIsProcessingThenSuccessAndMovesTheMoneyOnce() throws Exception {
        Reply r = refund("R1", 300);
        assertEquals(200, r.status());
        assertTrue(r.verified());
        assertEquals("PROCESSING", field(r, "status"));
        assertEquals("300", field(r, "amount", "refund"));
        assertEquals(Money.ofFen(1000), wechat.ledger().charged("P1"), "no money moves while processing");
        Reply again = refund("R1", 300);
        assertEquals(field(r, "refund_id"), field(again, "refund_id"), "idempotent by out_refund_no");
        Reply q = queryRefund("R1");
        assertEquals("SUCCESS", field(q, "status"));
        assertTrue(!field(q, "success_time").isEmpty());
        assertEquals(Money.ofFen(700), wechat.ledger().charged("P1"));
        assertEquals(200, refund("R1", 300).status());
        assertEquals(Money.ofFen(700), wechat.ledger().charged("P1"), "a repeat never refunds twice");
        assertEquals("REFUND", field(client.get("/v3/pay/transactions/out-trade-no/P1?mchid=" + wechat.mchid()),
                "trade_state"));
    }

    @Test
    void aRefundNeverExceedsWhatIsLeftCountingRefundsStillProcessing() throws Exception {
        assertEquals("PROCESSING", field(refund("R1", 600), "status"));
        Reply over = refund("R2", 401);
        assertEquals(400, over.status());
        assertEquals("INVALID_REQUEST", field(over, "code"));
        assertEquals(200, refund("R2", 400).status());
        assertEquals(400, refund("R3", 1).status());
        Reply changed = refund("R2", 399);
        assertEquals(400, changed.status(), "the same out_refund_no with another amount is refused");
        time.advance(Duration.ofMinutes(2));
        assertEquals(Money.ZERO, wechat.ledger().charged("P1"));
        assertEquals(List.of(WeChatRefund.Status.SUCCESS, WeChatRefund.Status.SUCCESS),
                wechat.ledger().refundsOf("P1").stream().map(WeChatRefund::status).toList());
    }

    @Test
    void aScriptedRefundStaysProcessingThenClosesAndTheAmountCanBeRefundedAgain() throws Exception {
        wechat.scriptRefund("R1", RefundScript.closes().after(2));
        refund("R1", 1000);
        assertEquals("PROCESSING", field(queryRefund("R1"), "status"));
        assertEquals("PROCESSING", field(queryRefund("R1"), "status"));
        assertEquals("CLOSED", field(queryRefund("R1"), "status"));
        assertEquals(Money.ofFen(1000), wechat.ledger().charged("P1"));
        assertEquals(200, refund("R2", 1000).status(), "a closed refund holds nothing");
    }

    @Test
    void anAbnormalRefundKeepsItsAmountHeld() throws Exception {
        wechat.scriptRefund("R1", RefundScript.abnormal());
        refund("R1", 1000);
        time.advance(Duration.ofMinutes(2));
        assertEquals("ABNORMAL", field(queryRefund("R1"), "status"));
        assertEquals(400, refund("R2", 1).status(), "an abnormal refund still holds its amount");
    }

    @Test
    void refundsOfUnknownUnpaidOrMismatchedOrdersAreRefused() throws Exception {
        Reply unknown = client.post("/v3/refund/domestic/refunds",
                "{\"out_trade_no\":\"NOPE\",\"out_refund_no\":\"R9\",\"amount\":{\"refund\":1,\"total\":1,\"currency\":\"CNY\"}}");
        assertEquals(404, unknown.status());
        assertEquals("RESOURCE_NOT_EXISTS", field(unknown, "code"));
        Reply total = client.post("/v3/refund/domestic/refunds",
                "{\"out_trade_no\":\"P1\",\"out_refund_no\":\"R9\",\"amount\":{\"refund\":1,\"total\":999,\"currency\":\"CNY\"}}");
        assertEquals(400, total.status());
        assertEquals(404, queryRefund("R9").status());
    }

    @Test
    void theCertificatesEndpointServesThePlatformCertificateEncryptedUnderTheApiV3Key() throws Exception {
        Reply r = client.get("/v3/certificates?algorithm_type=RSA");
        assertEquals(200, r.status());
        assertTrue(r.verified());
        @SuppressWarnings("unchecked")
        Map<String, Object> cert = (Map<String, Object>) ((List<Object>) Json.parseObject(r.body()).get("data")).get(0);
        assertEquals(KEYS.platformCertificateSerial(), Json.text(cert, "serial_no").orElseThrow());
        assertEquals("AEAD_AES_256_GCM", Json.text(cert, "encrypt_certificate", "algorithm").orElseThrow());
        String nonce = Json.text(cert, "encrypt_certificate", "nonce").orElseThrow();
        String aad = Json.text(cert, "encrypt_certificate", "associated_data").orElseThrow();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEYS.apiV3Key().getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        String pem = new String(c.doFinal(Base64.getDecoder().decode(
                Json.text(cert, "encrypt_certificate", "ciphertext").orElseThrow())), StandardCharsets.UTF_8);
        assertEquals(KEYS.platformCertificatePem(), pem);
        assertEquals(32, KEYS.apiV3KeyBytes().length);
    }

    @Test
    void aMerchantWithoutPlatformCertificatesGets404() throws Exception {
        try (SimulatedWeChatPay fresh = SimulatedWeChatPay.builder(KEYS).scheduler(time).platformCertificates(false).start()) {
            TestWeChatClient c = new TestWeChatClient(fresh.baseUrl(), fresh.mchid(), KEYS.merchantCertificateSerial(),
                    KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(), time.clock());
            Reply r = c.get("/v3/certificates");
            assertEquals(404, r.status());
            assertTrue(r.verified());
            assertEquals("RESOURCE_NOT_EXISTS", field(r, "code"));
        }
    }
}
