package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import org.junit.jupiter.api.Test;

/** The generated key material is what a WeChat merchant is given, parsed back with the JDK. */
class SimulatedWeChatPayKeysTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayTest.KEYS;

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theMerchantCertificateCertifiesTheMerchantKeyAndItsSerialIsHex() throws Exception {
        X509Certificate c = parse(KEYS.merchantCertificatePem());
        assertEquals(KEYS.merchantKeyPair().getPublic(), c.getPublicKey());
        c.verify(KEYS.caCertificate().getPublicKey());
        assertTrue(KEYS.merchantCertificateSerial().matches("[0-9A-F]{40}"), KEYS.merchantCertificateSerial());
        assertEquals(c.getSerialNumber(), new BigInteger(KEYS.merchantCertificateSerial(), 16));
        assertTrue(KEYS.merchantPrivateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8, not PKCS#1");
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(TestWeChatClient.der(KEYS.merchantPrivateKeyPem())));
    }

    @Test
    void weChatPaysKeyComesAsAPublicKeyWithItsIdAndAsAPlatformCertificate() throws Exception {
        X509Certificate platform = parse(KEYS.platformCertificatePem());
        assertEquals(KEYS.wechatKeyPair().getPublic(), platform.getPublicKey());
        platform.verify(KEYS.caCertificate().getPublicKey());
        assertTrue(KEYS.publicKeyId().matches("PUB_KEY_ID_\\d{34}"), KEYS.publicKeyId());
        assertTrue(KEYS.platformCertificateSerial().matches("[0-9A-F]{40}"));
        assertNotEquals(KEYS.platformCertificateSerial(), KEYS.merchantCertificateSerial());
        assertNotEquals(KEYS.wechatPublicKeyPem(), KEYS.merchantPublicKeyPem());
        assertTrue(KEYS.wechatPublicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
    }

    @Test
    void theApiV3KeyIs32Characters() {
        assertEquals(32, KEYS.apiV3Key().length());
        assertEquals(32, KEYS.apiV3KeyBytes().length);
        assertTrue(KEYS.apiV3Key().matches("[A-Za-z0-9]{32}"));
    }

    @Test
    void toStringShowsNoSecret() {
        String s = KEYS.toString();
        assertFalse(s.contains(KEYS.apiV3Key()));
        assertFalse(s.contains("PRIVATE"));
    }

    @Test
    void theBuilderNamesTheWrongSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedWeChatPay.builder(KEYS).mchid("abc").start());
        assertTrue(e.getMessage().startsWith("mchid"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedWeChatPay.builder(KEYS).merchantKey(KEYS.merchantKeyPair().getPublic(), "XYZ").start());
        assertTrue(e.getMessage().startsWith("merchantKey"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedWeChatPay.builder(KEYS).publicKeyMode(false).platformCertificates(false).start());
        assertTrue(e.getMessage().startsWith("publicKeyMode"), e.getMessage());
    }
}
