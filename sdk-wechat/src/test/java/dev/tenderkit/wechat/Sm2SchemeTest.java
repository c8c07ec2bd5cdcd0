package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.crypto.BoundVerifier;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.Test;

/**
 * The SM2 scheme's cryptography on its own: published known answers (SM3 of "abc" from GB/T 32905,
 * SM4-GCM from RFC 8998 A.1, the official wechatpay-java shangmi module's SM4 and SM2 vectors), our
 * request signatures checked and answers signed by BouncyCastle's lightweight {@link SM2Signer} in this
 * test (not our JCA path), one changed byte refused everywhere, and the configuration refusals.
 */
class Sm2SchemeTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayKeys.generateSm2();
    private static final byte[] ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final HexFormat HEX = HexFormat.of();

    private static WeChatPayCredentials.Builder sm2() {
        return WeChatPayCredentials.builder().signingScheme(SigningScheme.SM2).mchid("1900000109").appid("wxd678efh567hg6787")
                .merchantPrivateKey(KEYS.merchantPrivateKeyPem()).merchantSerialNumber(KEYS.merchantCertificateSerial())
                .merchantCertificate(KEYS.merchantCertificatePem()).apiV3Key(KEYS.apiV3Key())
                .wechatPayPublicKey(KEYS.wechatPublicKeyPem(), KEYS.publicKeyId());
    }

    /** SM2 with SM3 as the test's own code makes it: BouncyCastle's lightweight signer, DER out. */
    private static byte[] independentSign(byte[] message, PrivateKey key) throws IOException, CryptoException {
        SM2Signer s = new SM2Signer();
        s.init(true, new ParametersWithID(PrivateKeyFactory.createKey(key.getEncoded()), ID));
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    private static boolean independentVerify(byte[] message, byte[] signature, PublicKey key) throws IOException {
        SM2Signer s = new SM2Signer();
        s.init(false, new ParametersWithID(PublicKeyFactory.createKey(key.getEncoded()), ID));
        s.update(message, 0, message.length);
        return s.verifySignature(signature);
    }

    private static byte[] flipOne(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x01;
        return c;
    }

    @Test
    void sm3OfAbcIsTheStandardsVector() {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                HEX.formatHex(Sm4Gcm.sm3("abc".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void sm4GcmDecryptsRfc8998A1AndRefusesEveryChangedByte() {
        Sm4Gcm c = Sm4Gcm.withKey(HEX.parseHex("0123456789abcdeffedcba9876543210"));
        byte[] iv = HEX.parseHex("00001234567800000000abcd");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plain = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        byte[] sealed = HEX.parseHex("17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d" // ciphertext
                + "83de3541e4c2b58177e065a9bf7b62ec"); // tag
        assertArrayEquals(plain, c.decrypt(iv, aad, sealed));
        for (int at : new int[] {0, 40, sealed.length - 16, sealed.length - 1}) {
            TenderKitException e = assertThrows(TenderKitException.class, () -> c.decrypt(iv, aad, flipOne(sealed, at)));
            assertEquals(ErrorCode.DECRYPTION_FAILED, e.code(), "byte " + at);
        }
        assertEquals(ErrorCode.DECRYPTION_FAILED, assertThrows(TenderKitException.class,
                () -> c.decrypt(flipOne(iv, 11), aad, sealed)).code());
        assertEquals(ErrorCode.DECRYPTION_FAILED, assertThrows(TenderKitException.class,
                () -> c.decrypt(iv, flipOne(aad, 0), sealed)).code());
    }

    @Test
    void theOfficialSdksSm4VectorDecryptsWithTheKeyDerivedFromTheApiV3Key() {
        // wechatpay-java shangmi-testing BaseAeadSM4Test / TestConfig: key = first 128 bits of SM3(APIv3 key)
        ResourceCipher c = SchemeKeys.resourceCipher(SigningScheme.SM2,
                "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb".getBytes(StandardCharsets.US_ASCII));
        assertEquals("AEAD_SM4_GCM", c.algorithm());
        assertEquals("plaintext", c.decryptToString("uluk4a9R25RW", "associatedData", "+lcLNfkZQQx+iQm20Apa3x9Mb/5L7PgZ7w=="));
        // the same repository's tampered form: the last byte of the tag changed
        assertEquals(ErrorCode.DECRYPTION_FAILED, assertThrows(TenderKitException.class, () -> c.decryptToString(
                "uluk4a9R25RW", "associatedData", "+lcLNfkZQQx+iQm20Apa3x9Mb/5L7PgZ8w==")).code());
        assertEquals(ErrorCode.DECRYPTION_FAILED, assertThrows(TenderKitException.class, () -> c.decryptToString(
                "uluk4a9R25RW", "associatedDatA", "+lcLNfkZQQx+iQm20Apa3x9Mb/5L7PgZ7w==")).code());
    }

    @Test
    void theOfficialSdksSm2SignatureVerifiesWithItsCertificateAndOnlyOverItsMessage() throws Exception {
        String pem;
        try (InputStream in = Sm2SchemeTest.class.getResourceAsStream("/sm2/official-sdk-merchant-certificate.pem")) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        X509Certificate cert = SchemeKeys.certificate(SigningScheme.SM2, "c", pem, "the SDK's test certificate");
        assertEquals("54E7F59ED8DF4570CFB14780EA8152D45A675EE6", dev.tenderkit.core.crypto.Certificates.serialHex(cert));
        BoundVerifier v = BoundVerifier.of(cert.getPublicKey(), SchemeKeys.signatures(SigningScheme.SM2, Optional.empty()));
        byte[] sig = Base64.getDecoder().decode("MEYCIQD35Rp3CKt7pLme/a0GaCVmwSeOl7X/12+ppRivcJuf6QIhAO5Vpy4tSk9SJUrgH5I5Qy0aYhFG9lN0aof1f5wJOI05");
        assertTrue(v.verify("message".getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(v.verify("false-message".getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(v.verify("message".getBytes(StandardCharsets.UTF_8), flipOne(sig, 20)));
        assertTrue(independentVerify("message".getBytes(StandardCharsets.UTF_8), sig, cert.getPublicKey()),
                "the test's own verifier agrees");
    }

    @Test
    void requestsAreSignedWithSm2OverTheFiveLinesAndVerifyIndependently() throws Exception {
        WeChatPayCredentials c = sm2().build();
        assertEquals(SigningScheme.SM2, c.signingScheme());
        String body = "{\"mchid\":\"1900000109\",\"out_trade_no\":\"T1\"}";
        String auth = new RequestSigner(c).authorization("POST", "/v3/pay/transactions/codepay", body, 1636620536L,
                "fixednonce");
        assertTrue(auth.startsWith("WECHATPAY2-SM2-WITH-SM3 mchid=\"1900000109\",nonce_str=\"fixednonce\","
                + "timestamp=\"1636620536\",serial_no=\"" + KEYS.merchantCertificateSerial() + "\",signature=\""), auth);
        byte[] sig = Base64.getDecoder().decode(auth.substring(auth.indexOf("signature=\"") + 11, auth.length() - 1));
        assertEquals(0x30, sig[0] & 0xff, "RS_ASN1: a DER SEQUENCE of r and s");
        byte[] message = ("POST\n/v3/pay/transactions/codepay\n1636620536\nfixednonce\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8);
        PublicKey merchant = KEYS.merchantKeyPair().getPublic();
        assertTrue(independentVerify(message, sig, merchant));
        assertFalse(independentVerify(flipOne(message, message.length - 3), sig, merchant));
        assertFalse(independentVerify(message, sig, KEYS.wechatKeyPair().getPublic()));
    }

    @Test
    void answersSignedIndependentlyVerifyAndOneChangedByteOrTheWrongSchemeIsRefused() throws Exception {
        AnswerVerifier verifier = new AnswerVerifier(new AnswerKeys(sm2().build()), Clock.fixed(NOW, ZoneOffset.UTC));
        String ts = Long.toString(NOW.getEpochSecond());
        String body = "{\"trade_state\":\"SUCCESS\"}";
        String sig = Base64.getEncoder().encodeToString(independentSign((ts + "\nN0NCE\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8), KEYS.wechatKeyPair().getPrivate()));
        Map<String, String> h = Map.of(AnswerVerifier.TIMESTAMP, ts, AnswerVerifier.NONCE, "N0NCE",
                AnswerVerifier.SIGNATURE, sig, AnswerVerifier.SERIAL, KEYS.publicKeyId(),
                AnswerVerifier.SIGNATURE_TYPE, "WECHATPAY2-SM2-WITH-SM3");
        assertInstanceOf(AnswerVerification.Verified.class, verifier.verify(n -> Optional.ofNullable(h.get(n)), body));
        AnswerVerification changed = verifier.verify(n -> Optional.ofNullable(h.get(n)), body.replace('S', 'T'));
        assertEquals(AnswerVerification.Failure.BAD_SIGNATURE, ((AnswerVerification.Unverified) changed).failure());
        Map<String, String> rsa = new java.util.HashMap<>(h);
        rsa.put(AnswerVerifier.SIGNATURE_TYPE, "WECHATPAY2-SHA256-RSA2048");
        AnswerVerification wrongType = verifier.verify(n -> Optional.ofNullable(rsa.get(n)), body);
        assertEquals(AnswerVerification.Failure.WRONG_SIGNATURE_TYPE,
                ((AnswerVerification.Unverified) wrongType).failure());
        // signed by the merchant's own SM2 key: not WeChat Pay's
        String forged = Base64.getEncoder().encodeToString(independentSign((ts + "\nN0NCE\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8), KEYS.merchantKeyPair().getPrivate()));
        Map<String, String> f = new java.util.HashMap<>(h);
        f.put(AnswerVerifier.SIGNATURE, forged);
        assertInstanceOf(AnswerVerification.Unverified.class, verifier.verify(n -> Optional.ofNullable(f.get(n)), body));
    }

    @Test
    void aCallbackInTheOtherSchemesAlgorithmIsRefusedBeforeDecryption() throws Exception {
        WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(sm2().build())
                .transport(GatewayTransport.builder().build()).deviceId("P").storeId("S")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        WeChatPayCallbackHandler handler = WeChatPayCallbackHandler.builder().gateway(gateway)
                .orders(no -> Optional.empty()).build();
        String ts = Long.toString(NOW.getEpochSecond());
        for (String algorithm : new String[] {"AEAD_AES_256_GCM", "AEAD_CHACHA20"}) {
            String body = "{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{\"algorithm\":\""
                    + algorithm + "\",\"ciphertext\":\"AAAA\",\"nonce\":\"abcdefghijkl\",\"associated_data\":\"transaction\"}}";
            String sig = Base64.getEncoder().encodeToString(independentSign((ts + "\nN\n" + body + "\n")
                    .getBytes(StandardCharsets.UTF_8), KEYS.wechatKeyPair().getPrivate()));
            CallbackAnswer.Rejected r = assertInstanceOf(CallbackAnswer.Rejected.class,
                    handler.handle(body, ts, "N", sig, KEYS.publicKeyId()));
            assertEquals(CallbackAnswer.Reason.MALFORMED, r.reason());
            assertTrue(r.detail().contains(algorithm.equals("AEAD_AES_256_GCM") ? "credentials are SM2" : "AEAD_SM4_GCM"),
                    r.detail());
        }
    }

    @Test
    void theConfigurationNamesAKeyOfTheWrongSchemeOrTheMerchantsOwnKey() {
        ConfigurationException rsaKey = assertThrows(ConfigurationException.class,
                () -> sm2().merchantPrivateKey(Fixtures.text("merchant-key.pem")).build());
        assertEquals("merchantPrivateKey", rsaKey.setting());
        assertTrue(rsaKey.getMessage().contains("not an EC (SM2)"), rsaKey.getMessage());
        ConfigurationException sm2KeyInRsa = assertThrows(ConfigurationException.class,
                () -> Fixtures.base().merchantPrivateKey(KEYS.merchantPrivateKeyPem()).build());
        assertEquals("merchantPrivateKey", sm2KeyInRsa.setting());
        assertTrue(sm2KeyInRsa.getMessage().contains("SigningScheme.SM2"), sm2KeyInRsa.getMessage());
        SimulatedWeChatPayKeys other = SimulatedWeChatPayKeys.generateSm2();
        assertEquals("merchantPrivateKey", assertThrows(ConfigurationException.class,
                () -> sm2().merchantCertificate(other.merchantCertificatePem()).build()).setting());
        assertEquals("wechatPayPublicKey", assertThrows(ConfigurationException.class,
                () -> sm2().wechatPayPublicKey(KEYS.merchantPublicKeyPem(), KEYS.publicKeyId()).build()).setting());
        assertEquals("wechatPayPublicKey", assertThrows(ConfigurationException.class,
                () -> sm2().wechatPayPublicKey(Fixtures.text("wechat-pub.pem"), KEYS.publicKeyId()).build()).setting());
        ConfigurationException absent = assertThrows(ConfigurationException.class,
                () -> SigningScheme.SM2.requireUsable("org.example.NoBouncyCastleHere"));
        assertEquals("signingScheme", absent.setting());
        assertTrue(absent.getMessage().contains("org.bouncycastle:bcprov-jdk18on"), absent.getMessage());
        SigningScheme.RSA.requireUsable("org.example.NoBouncyCastleHere");
        assertFalse(sm2().build().toString().contains("MI"), "no key in toString");
    }
}
