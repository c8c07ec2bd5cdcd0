package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import dev.tenderkit.core.crypto.AesGcm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ours against the official wechatpay-java 0.2.17 (the oracle): our request signatures verify with
 * its verifier, its signed answers verify with ours and fail on any one-byte change, and its AEAD
 * ciphertexts decrypt with core's AesGcm and back.
 */
class OfficialSdkInteropTest {
    private static final Pattern AUTH = Pattern.compile("WECHATPAY2-SHA256-RSA2048 mchid=\"(\\d+)\",nonce_str=\"(\\w{32})\","
            + "timestamp=\"(\\d+)\",serial_no=\"([0-9A-F]+)\",signature=\"([A-Za-z0-9+/=]+)\"");
    private static final String[] PIECES = {"收银台", "/", "+", "😀", "a b", "%2F", "&", "=", "\"", "\\", "\n", "é", "~",
        "?", "10", "付款码", "null", "{}", " "};
    private final Instant now = Instant.parse("2026-12-03T04:00:00Z");
    private final Random random = new Random(12);

    private String text(int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    @Test
    void thousandsOfOurRequestSignaturesVerifyWithTheOfficialVerifier() {
        WeChatPayCredentials c = Fixtures.publicKeyMode();
        RequestSigner signer = new RequestSigner(c);
        RSAVerifier official = new RSAVerifier(Fixtures.officialPublicKey("merchant-cert-pub.pem"), Fixtures.SERIAL);
        for (int i = 0; i < 1200; i++) {
            boolean get = i % 3 == 0;
            String path = "/v3/pay/transactions/out-trade-no/" + PathText.segment("T" + text(3))
                    + (i % 2 == 0 ? "?mchid=" + Fixtures.MCHID + "&q=" + PathText.segment(text(2)) : "");
            String body = get ? "" : i % 7 == 0 ? "" : "{\"description\":\"" + text(6) + "\"}";
            String header = signer.authorization(get ? "GET" : "POST", path, body, 1_700_000_000L + i, signer.nonce());
            Matcher m = AUTH.matcher(header);
            assertTrue(m.matches(), header);
            assertEquals(Fixtures.MCHID, m.group(1));
            assertEquals(Fixtures.SERIAL, m.group(4));
            String message = (get ? "GET" : "POST") + "\n" + path + "\n" + m.group(3) + "\n" + m.group(2) + "\n" + body
                    + "\n";
            assertTrue(official.verify(Fixtures.SERIAL, message, m.group(5)), "request " + i);
            assertFalse(official.verify(Fixtures.SERIAL, message.replaceFirst("\n", "\nX"), m.group(5)));
        }
    }

    @Test
    void theOfficialAuthorizationHasOurFieldOrderAndSignsTheMessageOurWay() throws Exception {
        com.wechat.pay.java.core.auth.WechatPay2Credential official = new com.wechat.pay.java.core.auth.WechatPay2Credential(
                Fixtures.MCHID, new com.wechat.pay.java.core.cipher.RSASigner(Fixtures.SERIAL,
                        Fixtures.officialPrivateKey("merchant-key.pem")));
        dev.tenderkit.core.crypto.BoundVerifier merchant = dev.tenderkit.core.crypto.BoundVerifier.of(
                dev.tenderkit.core.crypto.PublicKeys.rsa("t", Fixtures.text("merchant-cert-pub.pem"), "t"),
                dev.tenderkit.core.crypto.SignatureSource.of("SHA256withRSA", Optional.empty()));
        for (int i = 0; i < 200; i++) {
            String path = "/v3/refund/domestic/refunds/" + PathText.segment("R" + text(3))
                    + (i % 2 == 0 ? "?mchid=" + Fixtures.MCHID + "&q=" + PathText.segment(text(2)) : "");
            String body = i % 5 == 0 ? "" : "{\"reason\":\"" + text(5) + "\"}";
            String header = official.getAuthorization(
                    java.net.URI.create("https://api.mch.weixin.qq.com" + path), "POST", body);
            Matcher m = AUTH.matcher(header);
            assertTrue(m.matches(), "official header in our field order: " + header);
            String message = "POST\n" + path + "\n" + m.group(3) + "\n" + m.group(2) + "\n" + body + "\n";
            assertTrue(merchant.verify(message.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(m.group(5))),
                    "the official SDK signs the path and query as ours does: " + path);
        }
    }

    @Test
    void aThousandOfficiallySignedAndEncryptedCallbacksAreAcceptedOnce() {
        AeadAesCipher cipher = new AeadAesCipher(Fixtures.API_V3_KEY.getBytes(StandardCharsets.US_ASCII));
        WeChatPayGateway g = WeChatPayGateway.builder().credentials(Fixtures.publicKeyMode())
                .transport(dev.tenderkit.transport.http.GatewayTransport.builder().build())
                .baseUrl(java.net.URI.create("http://127.0.0.1:9")).deviceId("P").storeId("S").build();
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        WeChatPayCallbackHandler handler = WeChatPayCallbackHandler.builder().gateway(g)
                .orders(no -> Optional.of(dev.tenderkit.core.money.Money.ofFen(100 + no.length())))
                .listener(cb -> told.incrementAndGet()).build();
        Fixtures.WeChatSide wechat = Fixtures.WeChatSide.publicKey();
        for (int i = 0; i < 1000; i++) {
            String no = "T" + i;
            String plain = "{\"mchid\":\"" + Fixtures.MCHID + "\",\"appid\":\"" + Fixtures.APPID + "\",\"out_trade_no\":\""
                    + no + "\",\"trade_state\":\"SUCCESS\",\"attach\":\"" + text(4).replace("\\", "").replace("\"", "")
                    .replace("\n", "") + "\",\"amount\":{\"total\":" + (100 + no.length()) + "}}";
            String nonce = String.format("%012d", i);
            String ct = cipher.encrypt("transaction".getBytes(StandardCharsets.UTF_8),
                    nonce.getBytes(StandardCharsets.UTF_8), plain.getBytes(StandardCharsets.UTF_8));
            String body = "{\"id\":\"EV" + i + "\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{\"algorithm\":"
                    + "\"AEAD_AES_256_GCM\",\"ciphertext\":\"" + ct + "\",\"associated_data\":\"transaction\",\"nonce\":\""
                    + nonce + "\"}}";
            Map<String, String> h = wechat.headers(body, Instant.now(), "cb" + i);
            CallbackAnswer a = handler.handle(body, h.get(AnswerVerifier.TIMESTAMP), h.get(AnswerVerifier.NONCE),
                    h.get(AnswerVerifier.SIGNATURE), h.get(AnswerVerifier.SERIAL));
            assertInstanceOf(CallbackAnswer.Accepted.class, a, "callback " + i + ": " + a);
            String changed = body.replace("EV" + i + "\"", "EV" + i + "x\"");
            assertEquals(401, handler.handle(changed, h.get(AnswerVerifier.TIMESTAMP), h.get(AnswerVerifier.NONCE),
                    h.get(AnswerVerifier.SIGNATURE), h.get(AnswerVerifier.SERIAL)).status());
        }
        assertEquals(1000, told.get());
    }

    @Test
    void thousandsOfOfficiallySignedAnswersVerifyWithOursAndOneByteBreaksEach() {
        AnswerVerifier ours = new AnswerVerifier(new AnswerKeys(Fixtures.publicKeyMode()), Clock.fixed(now, ZoneOffset.UTC));
        Fixtures.WeChatSide wechat = Fixtures.WeChatSide.publicKey();
        for (int i = 0; i < 1100; i++) {
            String body = i % 11 == 0 ? "" : "{\"trade_state_desc\":\"" + text(8) + "\",\"amount\":{\"total\":" + i + "}}";
            Map<String, String> h = wechat.headers(body, now.minusSeconds(random.nextInt(290)), "n" + text(2) + i);
            assertInstanceOf(AnswerVerification.Verified.class, ours.verify(get(h), body), "answer " + i);
            if (!body.isEmpty()) {
                int at = random.nextInt(body.length());
                String changed = body.substring(0, at) + (char) (body.charAt(at) ^ 1) + body.substring(at + 1);
                assertUnverified(ours.verify(get(h), changed));
            } else {
                assertUnverified(ours.verify(get(h), " "));
            }
            assertUnverified(ours.verify(get(with(h, AnswerVerifier.TIMESTAMP,
                    Long.toString(Long.parseLong(h.get(AnswerVerifier.TIMESTAMP)) - 1))), body));
            assertUnverified(ours.verify(get(with(h, AnswerVerifier.NONCE, h.get(AnswerVerifier.NONCE) + "x")), body));
            byte[] sig = Base64.getDecoder().decode(h.get(AnswerVerifier.SIGNATURE));
            sig[random.nextInt(sig.length)] ^= 1;
            assertUnverified(ours.verify(get(with(h, AnswerVerifier.SIGNATURE, Base64.getEncoder().encodeToString(sig))),
                    body));
        }
    }

    @Test
    void staleProbeUnsignedAndUnknownKeyAnswersAreRefused() {
        AnswerVerifier ours = new AnswerVerifier(new AnswerKeys(Fixtures.publicKeyMode()), Clock.fixed(now, ZoneOffset.UTC));
        Map<String, String> h = Fixtures.WeChatSide.publicKey().headers("{}", now.minusSeconds(300), "n1");
        assertFailure(AnswerVerification.Failure.STALE_TIMESTAMP, ours.verify(get(h), "{}"));
        Map<String, String> fresh = Fixtures.WeChatSide.publicKey().headers("{}", now.plusSeconds(299), "n1");
        assertInstanceOf(AnswerVerification.Verified.class, ours.verify(get(fresh), "{}"));
        assertFailure(AnswerVerification.Failure.PROBE, ours.verify(get(with(fresh, AnswerVerifier.SIGNATURE,
                "WECHATPAY/SIGNTEST/" + fresh.get(AnswerVerifier.SIGNATURE))), "{}"));
        Map<String, String> unsigned = new HashMap<>(fresh);
        unsigned.remove(AnswerVerifier.SIGNATURE);
        assertFailure(AnswerVerification.Failure.UNSIGNED, ours.verify(get(unsigned), "{}"));
        assertFailure(AnswerVerification.Failure.UNKNOWN_SERIAL, ours.verify(get(with(fresh, AnswerVerifier.SERIAL,
                Fixtures.PLATFORM_SERIAL)), "{}"));
        Map<String, String> platformSigned = Fixtures.WeChatSide.platform().headers("{}", now, "n2");
        assertFailure(AnswerVerification.Failure.UNKNOWN_SERIAL, ours.verify(get(platformSigned), "{}"));
        // signed by another key under the public key's id
        Map<String, String> forged = with(platformSigned, AnswerVerifier.SERIAL, Fixtures.PUB_KEY_ID);
        assertFailure(AnswerVerification.Failure.BAD_SIGNATURE, ours.verify(get(forged), "{}"));
    }

    @Test
    void officialAeadCiphertextsDecryptWithOursAndOursWithTheirs() {
        AeadAesCipher theirs = new AeadAesCipher(Fixtures.API_V3_KEY.getBytes(StandardCharsets.US_ASCII));
        AesGcm ours = AesGcm.of("apiV3Key", Fixtures.API_V3_KEY.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 300; i++) {
            String plain = "{\"out_trade_no\":\"" + text(10) + "\"}";
            String nonce = String.format("%012d", i);
            String aad = i % 4 == 0 ? "" : "transaction";
            String c = theirs.encrypt(aad.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8),
                    plain.getBytes(StandardCharsets.UTF_8));
            assertEquals(plain, ours.decryptToString(nonce, aad, c));
            String back = Base64.getEncoder().encodeToString(ours.encrypt(nonce.getBytes(StandardCharsets.UTF_8),
                    aad.getBytes(StandardCharsets.UTF_8), plain.getBytes(StandardCharsets.UTF_8)));
            assertEquals(plain, theirs.decrypt(aad.getBytes(StandardCharsets.UTF_8),
                    nonce.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(back)));
        }
    }

    private static void assertUnverified(AnswerVerification v) {
        assertInstanceOf(AnswerVerification.Unverified.class, v);
    }

    private static void assertFailure(AnswerVerification.Failure f, AnswerVerification v) {
        assertEquals(f, assertInstanceOf(AnswerVerification.Unverified.class, v).failure());
    }

    static java.util.function.Function<String, Optional<String>> get(Map<String, String> h) {
        return name -> Optional.ofNullable(h.get(name));
    }

    static Map<String, String> with(Map<String, String> h, String name, String value) {
        Map<String, String> m = new HashMap<>(h);
        m.put(name, value);
        return m;
    }
}
