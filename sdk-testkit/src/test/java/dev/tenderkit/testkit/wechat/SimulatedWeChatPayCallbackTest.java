package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.core.time.ManualTaskScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks received by a loopback server in this test, verified and decrypted with the JDK here,
 * on virtual time: WeChat's retry schedule is checked to the second without waiting.
 */
class SimulatedWeChatPayCallbackTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayTest.KEYS;

    /** What the receiver got. */
    record Posted(Instant at, Map<String, String> headers, String body) {
    }

    private final ManualTaskScheduler time = new ManualTaskScheduler(Instant.parse("2026-12-03T04:00:00Z"));
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final List<Posted> posted = Collections.synchronizedList(new ArrayList<>());
    private HttpServer receiver;
    private SimulatedWeChatPay wechat;
    private TestWeChatClient client;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/notify", ex -> {
            try (ex) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                ex.getRequestHeaders().forEach((k, v) -> h.put(k, v.get(0)));
                posted.add(new Posted(time.now(), h, body));
                Integer status = statuses.poll();
                int s = status == null ? 204 : status;
                if (s == 204) {
                    ex.sendResponseHeaders(204, -1);
                } else {
                    byte[] b = "{\"code\":\"FAIL\",\"message\":\"失败\"}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(s, b.length);
                    ex.getResponseBody().write(b);
                }
            }
        });
        receiver.start();
        wechat = SimulatedWeChatPay.builder(KEYS).scheduler(time).start();
        client = new TestWeChatClient(wechat.baseUrl(), wechat.mchid(), KEYS.merchantCertificateSerial(),
                KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(), time.clock());
    }

    @AfterEach
    void stop() {
        wechat.close();
        receiver.stop(0);
    }

    private String notifyUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify";
    }

    private void nativePaid(String no) throws Exception {
        assertEquals(200, client.post("/v3/pay/transactions/native", "{\"appid\":\"" + wechat.appid() + "\",\"mchid\":\""
                + wechat.mchid() + "\",\"description\":\"面包\",\"out_trade_no\":\"" + no + "\",\"notify_url\":\""
                + notifyUrl() + "\",\"amount\":{\"total\":300}}").status());
        assertTrue(wechat.buyerScansQr(no));
    }

    private static boolean verifies(Posted p) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(TestWeChatClient.der(KEYS.wechatPublicKeyPem())));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update((p.headers().get("Wechatpay-Timestamp") + "\n" + p.headers().get("Wechatpay-Nonce") + "\n" + p.body() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        try {
            return s.verify(Base64.getDecoder().decode(p.headers().get("Wechatpay-Signature")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> decrypt(Posted p) throws Exception {
        Map<String, Object> body = Json.parseObject(p.body());
        String nonce = Json.text(body, "resource", "nonce").orElseThrow();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEYS.apiV3KeyBytes(), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        c.updateAAD(Json.text(body, "resource", "associated_data").orElseThrow().getBytes(StandardCharsets.UTF_8));
        byte[] plain = c.doFinal(Base64.getDecoder().decode(Json.text(body, "resource", "ciphertext").orElseThrow()));
        return Json.parseObject(new String(plain, StandardCharsets.UTF_8));
    }

    @Test
    void aPaidQrOrderIsCalledBackSignedAndEncrypted() throws Exception {
        nativePaid("Q1");
        time.runDueTasks();
        assertEquals(1, posted.size());
        Posted p = posted.get(0);
        assertTrue(verifies(p));
        assertEquals(KEYS.publicKeyId(), p.headers().get("Wechatpay-Serial"));
        Map<String, Object> body = Json.parseObject(p.body());
        assertEquals("TRANSACTION.SUCCESS", Json.text(body, "event_type").orElseThrow());
        assertEquals("encrypt-resource", Json.text(body, "resource_type").orElseThrow());
        assertEquals("AEAD_AES_256_GCM", Json.text(body, "resource", "algorithm").orElseThrow());
        Map<String, Object> tx = decrypt(p);
        assertEquals("Q1", Json.text(tx, "out_trade_no").orElseThrow());
        assertEquals("SUCCESS", Json.text(tx, "trade_state").orElseThrow());
        assertEquals(wechat.mchid(), Json.text(tx, "mchid").orElseThrow());
        assertEquals(300L, Json.integer(tx, "amount", "total").orElseThrow());
        assertTrue(wechat.callbacks().get(0).acknowledged());
    }

    @Test
    void anUnacknowledgedCallbackIsResentOnWeChatsScheduleThenGivenUp() throws Exception {
        for (int i = 0; i < 20; i++) {
            statuses.add(500);
        }
        nativePaid("Q2");
        Instant start = time.now();
        time.advance(Duration.ofHours(25));
        List<Duration> expected = new ArrayList<>();
        Duration at = Duration.ZERO;
        expected.add(at);
        for (Duration d : CallbackSchedule.wechat().retries()) {
            at = at.plus(d);
            expected.add(at);
        }
        assertEquals(16, expected.size());
        assertEquals(Duration.ofHours(24).plusMinutes(4), expected.get(15));
        assertEquals(expected, posted.stream().map(p -> Duration.between(start, p.at())).toList());
        String id = Json.text(Json.parseObject(posted.get(0).body()), "id").orElseThrow();
        assertTrue(posted.stream().allMatch(p -> p.body().equals(posted.get(0).body())), "the same id and body each time: " + id);
        assertTrue(posted.stream().allMatch(p -> {
            try {
                return verifies(p);
            } catch (Exception e) {
                return false;
            }
        }), "each resend signed afresh");
        assertFalse(wechat.callbacks().stream().anyMatch(CallbackDelivery::acknowledged));
    }

    @Test
    void resendingStopsOnceAcknowledged() throws Exception {
        statuses.add(500);
        statuses.add(503);
        nativePaid("Q3");
        time.advance(Duration.ofHours(25));
        assertEquals(3, posted.size());
        assertTrue(wechat.callbacks().get(2).acknowledged());
    }

    @Test
    void spoiledFirstDeliveriesAreFollowedBySoundResends() throws Exception {
        wechat.failNextCallback(CallbackFault.PROBE_SIGNATURE);
        statuses.add(401);
        nativePaid("Q4");
        time.advance(Duration.ofSeconds(15));
        assertEquals(2, posted.size());
        assertTrue(posted.get(0).headers().get("Wechatpay-Signature").startsWith("WECHATPAY/SIGNTEST/"));
        assertFalse(verifies(posted.get(0)));
        assertTrue(verifies(posted.get(1)));

        wechat.failNextCallback(CallbackFault.BAD_SIGNATURE).failNextCallback(CallbackFault.STALE_TIMESTAMP);
        nativePaid("Q5");
        nativePaid("Q6");
        time.runDueTasks();
        assertFalse(verifies(posted.get(2)));
        Posted stale = posted.get(3);
        assertTrue(verifies(stale), "a stale callback is signed correctly");
        assertEquals(360, time.now().getEpochSecond() - Long.parseLong(stale.headers().get("Wechatpay-Timestamp")));
    }

    @Test
    void aDuplicateCarriesTheSameId() throws Exception {
        wechat.failNextCallback(CallbackFault.DUPLICATE);
        nativePaid("Q7");
        time.runDueTasks();
        assertEquals(2, posted.size());
        assertEquals(posted.get(0).body(), posted.get(1).body());
    }

    @Test
    void aSettledRefundIsCalledBack() throws Exception {
        nativePaid("Q8");
        time.runDueTasks();
        assertEquals(200, client.post("/v3/refund/domestic/refunds", "{\"out_trade_no\":\"Q8\",\"out_refund_no\":\"R1\","
                + "\"notify_url\":\"" + notifyUrl() + "\",\"amount\":{\"refund\":100,\"total\":300,\"currency\":\"CNY\"}}").status());
        time.advance(Duration.ofMinutes(1));
        assertEquals(2, posted.size());
        Posted p = posted.get(1);
        assertTrue(verifies(p));
        assertEquals("REFUND.SUCCESS", Json.text(Json.parseObject(p.body()), "event_type").orElseThrow());
        Map<String, Object> refund = decrypt(p);
        assertEquals("R1", Json.text(refund, "out_refund_no").orElseThrow());
        assertEquals("SUCCESS", Json.text(refund, "refund_status").orElseThrow());
        assertEquals(100L, Json.integer(refund, "amount", "refund").orElseThrow());
        assertEquals(200L, wechat.ledger().charged("Q8").fen());
    }

    @Test
    void barcodePaymentsSendNoCallback() throws Exception {
        assertEquals(200, client.post("/v3/pay/transactions/codepay",
                SimulatedWeChatPayTest.codepay(wechat, "B1", SimulatedWeChatPayTest.CODE, 100)).status());
        time.advance(Duration.ofMinutes(1));
        assertTrue(posted.isEmpty());
    }
}
