package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.crypto.Pkcs1;
import java.security.PrivateKey;
import java.security.Security;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeysAndCredentialsTest {

    private static ConfigurationException fails(AlipayCredentials.Builder b) {
        return assertThrows(ConfigurationException.class, b::build);
    }

    private static AlipayCredentials.Builder base() {
        return AlipayCredentials.builder().appId("2021000000000001").appPrivateKey(Fixtures.text("app-private-pkcs1.pem"))
                .alipayPublicKey(Fixtures.text("alipay-public.pem"));
    }

    @Test
    void pkcs1IsWrappedIntoExactlyThePkcs8ThatOpensslWrites() {
        byte[] pkcs1 = Base64.getDecoder().decode(Fixtures.base64("app-private-pkcs1.pem"));
        byte[] pkcs8 = Base64.getDecoder().decode(Fixtures.base64("app-private-pkcs8.pem"));
        assertArrayEquals(pkcs8, Pkcs1.wrapPrivateKey(pkcs1));
    }

    @Test
    void privateKeysParseFromPemAndBareBase64InBothFormats() {
        PrivateKey a = AlipayKeys.parseRsaPrivateKey("k", Fixtures.text("app-private-pkcs1.pem"));
        assertEquals(a, AlipayKeys.parseRsaPrivateKey("k", Fixtures.text("app-private-pkcs8.pem")));
        assertEquals(a, AlipayKeys.parseRsaPrivateKey("k", Fixtures.base64("app-private-pkcs1.pem")));
        assertEquals(a, AlipayKeys.parseRsaPrivateKey("k", Fixtures.base64("app-private-pkcs8.pem")));
        assertEquals(AlipayKeys.parseRsaPublicKey("k", Fixtures.text("app-public.pem")),
                AlipayKeys.parseRsaPublicKey("k", Fixtures.base64("app-public.pem")));
    }

    @Test
    void keysInTheWrongPlaceAreNamed() {
        assertTrue(assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseRsaPrivateKey("appPrivateKey", Fixtures.base64("app-public.pem")))
                .getMessage().contains("public key"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseRsaPrivateKey("appPrivateKey", Fixtures.text("app-public.pem")))
                .getMessage().contains("not a private key"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseRsaPublicKey("alipayPublicKey", Fixtures.text("app-private-pkcs8.pem")))
                .getMessage().contains("private key"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseRsaPublicKey("alipayPublicKey", Fixtures.base64("app-private-pkcs1.pem")))
                .getMessage().contains("private key"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseRsaPublicKey("alipayPublicKey", Fixtures.text("alipay-cert.crt")))
                .getMessage().contains("certificate mode"));
        assertEquals("appPrivateKey", assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseRsaPrivateKey("appPrivateKey", "not base64 !")).setting());
        assertThrows(ConfigurationException.class, () -> AlipayKeys.parseRsaPrivateKey("appPrivateKey", " "));
        assertThrows(ConfigurationException.class, () -> AlipayKeys.parseCertificates("root", Fixtures.text("app-public.pem")));
    }

    @Test
    void theAppsOwnPublicKeyConfiguredAsAlipaysIsCaught() {
        ConfigurationException e = fails(base().alipayPublicKey(Fixtures.text("app-public.pem")));
        assertEquals("alipayPublicKey", e.setting());
        assertTrue(e.getMessage().contains("app public key"), e.getMessage());
    }

    @Test
    void certificateModeCatchesAMismatchedKeyAndSwappedCertificates() {
        ConfigurationException mismatch = fails(AlipayCredentials.builder().appId("2021000000000001")
                .appPrivateKey(Fixtures.text("alipay-private-pkcs8.pem"))
                .certificates(Fixtures.text("app-cert.crt"), Fixtures.text("alipay-cert.crt"), Fixtures.text("root-bundle.crt")));
        assertEquals("appCertificate", mismatch.setting());
        assertTrue(mismatch.getMessage().contains("does not match appPrivateKey"));
        ConfigurationException swapped = fails(AlipayCredentials.builder().appId("2021000000000001")
                .appPrivateKey(Fixtures.text("app-private-pkcs8.pem"))
                .certificates(Fixtures.text("app-cert.crt"), Fixtures.text("app-cert.crt"), Fixtures.text("root-bundle.crt")));
        assertEquals("alipayCertificate", swapped.setting());
        ConfigurationException noRsaRoot = fails(AlipayCredentials.builder().appId("2021000000000001")
                .appPrivateKey(Fixtures.text("app-private-pkcs8.pem"))
                .certificates(Fixtures.text("app-cert.crt"), Fixtures.text("alipay-cert.crt"), Fixtures.text("root-ec.crt")));
        assertEquals("alipayRootCertificate", noRsaRoot.setting());
        ConfigurationException both = fails(base().certificates(Fixtures.text("app-cert.crt"), Fixtures.text("alipay-cert.crt"),
                Fixtures.text("root-bundle.crt")));
        assertEquals("alipayPublicKey", both.setting());
        ConfigurationException partial = fails(AlipayCredentials.builder().appId("2021000000000001")
                .appPrivateKey(Fixtures.text("app-private-pkcs8.pem")).certificates(Fixtures.text("app-cert.crt"), null, null));
        assertEquals("certificates", partial.setting());
    }

    @Test
    void missingSettingsAndAWrongCharsetAreNamed() {
        assertEquals("appId", fails(base().appId(" ")).setting());
        assertEquals("appPrivateKey", fails(base().appPrivateKey(null)).setting());
        assertEquals("alipayPublicKey", fails(base().alipayPublicKey(null)).setting());
        ConfigurationException gbk = fails(base().charset("GBK"));
        assertEquals("charset", gbk.setting());
        assertTrue(gbk.getMessage().contains("utf-8"));
        base().charset("UTF-8").build();
    }

    @Test
    void sm2SaysWhatToAddWithoutBouncyCastle() {
        ConfigurationException absent = assertThrows(ConfigurationException.class,
                () -> SignType.SM2.requireUsable("org.example.NoSuchProvider"));
        assertTrue(absent.getMessage().contains("bcprov-jdk18on"), absent.getMessage());
        assertEquals("signType", absent.setting());
        SignType.SM2.requireUsable(); // BouncyCastle is on this module's test class path
        SignType.RSA2.requireUsable("org.example.NoSuchProvider");
        // An RSA key pair with signType SM2 is named as the wrong kind of key.
        assertEquals("appPrivateKey", fails(base().signType(SignType.SM2)).setting());
    }

    @Test
    void credentialsNeverPrintKeysAndSignWithAChosenProvider() {
        AlipayCredentials c = AlipayCredentials.builder().appId("2021000000000001")
                .appPrivateKey(Fixtures.text("app-private-pkcs8.pem")).alipayPublicKey(Fixtures.text("alipay-public.pem"))
                .provider(Security.getProvider("SunRsaSign")).build();
        assertFalse(c.toString().contains("MII"));
        assertFalse(c.isCertificateMode());
        AlipayVerifier appKeyVerifier = new AlipayVerifier(AlipayKeys.parseRsaPublicKey("k", Fixtures.text("app-public.pem")),
                SignType.RSA2);
        assertTrue(appKeyVerifier.verifies("x", c.signer().sign("x")));
        assertFalse(appKeyVerifier.verifies("y", c.signer().sign("x")));
        assertTrue(Fixtures.certificateMode().toString().contains("certificate mode"));
    }
}
