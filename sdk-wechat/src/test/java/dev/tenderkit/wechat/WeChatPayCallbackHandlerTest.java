package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wechat.pay.java.core.cipher.AeadAesCipher;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.wechat.CallbackAnswer.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Callbacks signed by the official RSASigner and encrypted by the official AeadAesCipher (the oracle). */
class WeChatPayCallbackHandlerTest {
    private final List<WeChatPayCallback> told = new CopyOnWriteArrayList<>();
    private final WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(Fixtures.publicKeyMode())
            .transport(GatewayTransport.builder().build()).baseUrl(URI.create("http://127.0.0.1:9"))
            .deviceId("POS-01").storeId("S-1").build();
    private final WeChatPayCallbackHandler handler = WeChatPayCallbackHandler.builder().gateway(gateway)
            .orders(no -> no.equals("T1") ? Optional.of(Money.ofFen(1234)) : Optional.empty())
            .listener(told::add).build();

    private static String callback(String id, String event, String resourcePlain, String key) {
        AeadAesCipher cipher = new AeadAesCipher(key.getBytes(StandardCharsets.US_ASCII));
        String nonce = "fdasflkja484";
        String ct = cipher.encrypt("transaction".getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8),
                resourcePlain.getBytes(StandardCharsets.UTF_8));
        return "{\"id\":\"" + id + "\",\"create_time\":\"2026-12-03T12:00:00+08:00\",\"resource_type\":\"encrypt-resource\","
                + "\"event_type\":\"" + event + "\",\"summary\":\"支付成功\",\"resource\":{\"original_type\":\"transaction\","
                + "\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"" + ct + "\",\"associated_data\":\"transaction\","
                + "\"nonce\":\"" + nonce + "\"}}";
    }

    private static String paid(String no, long fen, String mchid) {
        return "{\"mchid\":\"" + mchid + "\",\"appid\":\"" + Fixtures.APPID + "\",\"out_trade_no\":\"" + no
                + "\",\"transaction_id\":\"4200000001\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":" + fen + "}}";
    }

    private CallbackAnswer deliver(String body, Instant at, Fixtures.WeChatSide signer) {
        Map<String, String> h = signer.headers(body, at, "n" + System.nanoTime());
        return handler.handle(body, h.get(AnswerVerifier.TIMESTAMP), h.get(AnswerVerifier.NONCE),
                h.get(AnswerVerifier.SIGNATURE), h.get(AnswerVerifier.SERIAL));
    }

    @Test
    void aVerifiedCallbackIsAcceptedOnceAndItsResendIsADuplicate() {
        String body = callback("EV-1", "TRANSACTION.SUCCESS", paid("T1", 1234, Fixtures.MCHID), Fixtures.API_V3_KEY);
        CallbackAnswer a = deliver(body, Instant.now(), Fixtures.WeChatSide.publicKey());
        assertEquals(204, a.status());
        WeChatPayCallback cb = assertInstanceOf(CallbackAnswer.Accepted.class, a).callback();
        assertEquals("T1", cb.outTradeNo());
        assertEquals("SUCCESS", cb.state());
        assertInstanceOf(CallbackAnswer.Duplicate.class, deliver(body, Instant.now(), Fixtures.WeChatSide.publicKey()));
        assertEquals(1, told.size());
    }

    @Test
    void staleProbeForgedAndUnsignedCallbacksAreRefusedWithFail() {
        String body = callback("EV-2", "TRANSACTION.SUCCESS", paid("T1", 1234, Fixtures.MCHID), Fixtures.API_V3_KEY);
        CallbackAnswer stale = deliver(body, Instant.now().minusSeconds(301), Fixtures.WeChatSide.publicKey());
        assertEquals(Reason.BAD_SIGNATURE, assertInstanceOf(CallbackAnswer.Rejected.class, stale).reason());
        assertEquals(401, stale.status());
        assertTrue(stale.body().startsWith("{\"code\":\"FAIL\",\"message\":"), stale.body());
        Map<String, String> h = Fixtures.WeChatSide.publicKey().headers(body, Instant.now(), "n1");
        CallbackAnswer probe = handler.handle(body, h.get(AnswerVerifier.TIMESTAMP), h.get(AnswerVerifier.NONCE),
                "WECHATPAY/SIGNTEST/" + h.get(AnswerVerifier.SIGNATURE), h.get(AnswerVerifier.SERIAL));
        assertEquals(401, probe.status());
        CallbackAnswer forged = deliver(body, Instant.now(), new Fixtures.WeChatSide("other-merchant-key.pem",
                Fixtures.PUB_KEY_ID));
        assertEquals(401, forged.status());
        assertEquals(401, handler.handle(body, h.get(AnswerVerifier.TIMESTAMP), h.get(AnswerVerifier.NONCE), null,
                h.get(AnswerVerifier.SERIAL)).status());
        assertEquals(0, told.size());
    }

    @Test
    void businessChecksAndDecryptionFailuresAreRefused() {
        Fixtures.WeChatSide w = Fixtures.WeChatSide.publicKey();
        assertEquals(Reason.BUSINESS_CHECK, reason(deliver(callback("EV-3", "TRANSACTION.SUCCESS",
                paid("T1", 1, Fixtures.MCHID), Fixtures.API_V3_KEY), Instant.now(), w)));
        assertEquals(Reason.BUSINESS_CHECK, reason(deliver(callback("EV-4", "TRANSACTION.SUCCESS",
                paid("T9", 1234, Fixtures.MCHID), Fixtures.API_V3_KEY), Instant.now(), w)));
        assertEquals(Reason.BUSINESS_CHECK, reason(deliver(callback("EV-5", "TRANSACTION.SUCCESS",
                paid("T1", 1234, "1900000002"), Fixtures.API_V3_KEY), Instant.now(), w)));
        assertEquals(Reason.DECRYPTION_FAILED, reason(deliver(callback("EV-6", "TRANSACTION.SUCCESS",
                paid("T1", 1234, Fixtures.MCHID), "ffffffffffffffffffffffffffffffff"), Instant.now(), w)));
        String refund = "{\"mchid\":\"" + Fixtures.MCHID + "\",\"out_trade_no\":\"T1\",\"out_refund_no\":\"R1\","
                + "\"refund_status\":\"SUCCESS\",\"amount\":{\"refund\":200,\"total\":1234}}";
        WeChatPayCallback r = assertInstanceOf(CallbackAnswer.Accepted.class, deliver(callback("EV-7",
                "REFUND.SUCCESS", refund, Fixtures.API_V3_KEY), Instant.now(), w)).callback();
        assertTrue(r.isRefund());
        assertEquals(Optional.of("R1"), r.outRefundNo());
        assertEquals(1, told.size());
    }

    @Test
    void aListenerThatFailsMakesWeChatResend() {
        WeChatPayCallbackHandler failing = WeChatPayCallbackHandler.builder().gateway(gateway)
                .orders(no -> Optional.of(Money.ofFen(1234))).listener(cb -> {
                    throw new IllegalStateException("engine down");
                }).build();
        String body = callback("EV-8", "TRANSACTION.SUCCESS", paid("T1", 1234, Fixtures.MCHID), Fixtures.API_V3_KEY);
        Map<String, String> h = Fixtures.WeChatSide.publicKey().headers(body, Instant.now(), "n8");
        CallbackAnswer a = failing.handle(body, h.get(AnswerVerifier.TIMESTAMP), h.get(AnswerVerifier.NONCE),
                h.get(AnswerVerifier.SIGNATURE), h.get(AnswerVerifier.SERIAL));
        assertEquals(500, a.status());
        // not remembered: the resend is handled again, not taken for a duplicate
        assertEquals(500, failing.handle(body, h.get(AnswerVerifier.TIMESTAMP), h.get(AnswerVerifier.NONCE),
                h.get(AnswerVerifier.SIGNATURE), h.get(AnswerVerifier.SERIAL)).status());
    }

    private static Reason reason(CallbackAnswer a) {
        return assertInstanceOf(CallbackAnswer.Rejected.class, a).reason();
    }
}
