package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.wechat.TestWeChatClient.Reply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator in SM2 mode, seen by the test's own 国密 client (JCA SM3withSM2 on a BouncyCastle
 * provider object): SM2 key material as WeChat issues it, WECHATPAY2-SM2-WITH-SM3 requests accepted
 * and RSA ones refused, answers signed with SM2, certificates served in AEAD_SM4_GCM.
 */
class SimulatedWeChatPaySm2Test {
    static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayKeys.generateSm2();

    private final ManualTaskScheduler time = new ManualTaskScheduler(Instant.parse("2026-12-03T04:00:00Z"));
    private SimulatedWeChatPay wechat;
    private TestWeChatClient client;

    @BeforeEach
    void start() throws Exception {
        wechat = SimulatedWeChatPay.builder(KEYS).scheduler(time).start();
        client = TestWeChatClient.sm2(wechat.baseUrl(), wechat.mchid(), KEYS.merchantCertificateSerial(),
                KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(), time.clock());
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void theSm2KeyMaterialIsOnSm2p256v1AndItsCertificatesAreSm2SignedByTheCa() throws Exception {
        assertTrue(KEYS.isSm2());
        assertTrue(KEYS.toString().contains("SM2"));
        CertificateFactory f = CertificateFactory.getInstance("X.509", new BouncyCastleProvider());
        for (String pem : List.of(KEYS.merchantCertificatePem(), KEYS.platformCertificatePem())) {
            X509Certificate c = (X509Certificate) f.generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            assertEquals("1.2.156.10197.1.501", c.getSigAlgOID(), "SM2 with SM3");
            c.verify(KEYS.caCertificate().getPublicKey(), new BouncyCastleProvider());
            assertEquals("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123",
                    ((ECPublicKey) c.getPublicKey()).getParams().getOrder().toString(16).toUpperCase());
        }
        assertTrue(KEYS.merchantPrivateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8");
    }

    @Test
    void anSm2SignedRequestIsAnsweredSignedWithSm2() throws Exception {
        Reply r = client.post("/v3/pay/transactions/codepay", SimulatedWeChatPayTest.codepay(wechat, "T1",
                SimulatedWeChatPayTest.CODE, 100));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.verified(), "the answer verifies with SM2");
        assertTrue(wechat.received().get(0).authentic());
        assertFalse(client.verify("tampered", r.signature().orElseThrow()));
    }

    @Test
    void anRsaSchemeRequestIsRefusedAsWeChatRefusesAWrongScheme() throws Exception {
        String body = SimulatedWeChatPayTest.codepay(wechat, "T2", SimulatedWeChatPayTest.CODE, 100);
        String sm2 = client.authorization("POST", "/v3/pay/transactions/codepay", body);
        Reply r = client.send("POST", "/v3/pay/transactions/codepay", body, java.time.Duration.ofSeconds(10),
                sm2.replace("WECHATPAY2-SM2-WITH-SM3", "WECHATPAY2-SHA256-RSA2048"));
        assertEquals(401, r.status());
        assertTrue(r.body().contains("SIGN_ERROR"), r.body());
        assertTrue(r.verified(), "the refusal is signed too");
    }

    @Test
    void theCertificateListIsEncryptedWithSm4Gcm() throws Exception {
        Reply r = client.get("/v3/certificates?algorithm_type=SM2");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.verified());
        assertTrue(r.body().contains("\"algorithm\":\"AEAD_SM4_GCM\""), r.body());
        // decrypted here with BouncyCastle's lightweight SM3 and SM4-GCM (the simulator uses its JCA objects)
        int at = r.body().indexOf("\"nonce\":\"") + 9;
        String nonce = r.body().substring(at, r.body().indexOf('"', at));
        at = r.body().indexOf("\"ciphertext\":\"") + 14;
        byte[] sealed = java.util.Base64.getDecoder().decode(r.body().substring(at, r.body().indexOf('"', at)));
        org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
        sm3.update(KEYS.apiV3KeyBytes(), 0, 32);
        byte[] digest = new byte[32];
        sm3.doFinal(digest, 0);
        var gcm = org.bouncycastle.crypto.modes.GCMBlockCipher.newInstance(new org.bouncycastle.crypto.engines.SM4Engine());
        gcm.init(false, new org.bouncycastle.crypto.params.AEADParameters(new org.bouncycastle.crypto.params.KeyParameter(
                java.util.Arrays.copyOf(digest, 16)), 128, nonce.getBytes(StandardCharsets.UTF_8),
                "certificate".getBytes(StandardCharsets.UTF_8)));
        byte[] plain = new byte[gcm.getOutputSize(sealed.length)];
        int n = gcm.processBytes(sealed, 0, sealed.length, plain, 0);
        n += gcm.doFinal(plain, n);
        assertEquals(KEYS.platformCertificatePem(), new String(plain, 0, n, StandardCharsets.US_ASCII));
    }
}
