package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.testkit.alipay.SimulatedAlipayCertificates;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RSA2 needs keys of 2048 bits or more: shorter ones are refused at configuration, naming the setting and the size. */
class RsaKeySizeTest {

    private static final String APP_ID = "2021000000000001";
    private static final KeyPair RSA_512 = rsa(512);
    private static final KeyPair RSA_1024 = rsa(1024);

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String privatePem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String publicBase64(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    private static ConfigurationException refused(AlipayCredentials.Builder builder) {
        return assertThrows(ConfigurationException.class, builder::build);
    }

    private static void assertNamesSizeAndRequirement(ConfigurationException e, String setting, int bits) {
        assertEquals(setting, e.setting());
        assertTrue(e.getMessage().startsWith(setting + ": holds a " + bits + "-bit RSA key; Alipay's RSA2"
                + " (SHA256withRSA) requires at least 2048 bits: "), e.getMessage());
    }

    @Test
    void a512And1024BitAppPrivateKeyIsRefused() {
        for (KeyPair small : new KeyPair[] {RSA_512, RSA_1024}) {
            int bits = small == RSA_512 ? 512 : 1024;
            ConfigurationException e = refused(AlipayCredentials.builder().appId(APP_ID)
                    .appPrivateKey(privatePem(small)).alipayPublicKey(Fixtures.text("alipay-public.pem")));
            assertNamesSizeAndRequirement(e, "appPrivateKey", bits);
            assertTrue(e.getMessage().contains("generate a 2048-bit key pair"), e.getMessage());
        }
    }

    @Test
    void a512And1024BitAlipayPublicKeyIsRefused() {
        for (KeyPair small : new KeyPair[] {RSA_512, RSA_1024}) {
            int bits = small == RSA_512 ? 512 : 1024;
            ConfigurationException e = refused(AlipayCredentials.builder().appId(APP_ID)
                    .appPrivateKey(Fixtures.text("app-private-pkcs8.pem")).alipayPublicKey(publicBase64(small)));
            assertNamesSizeAndRequirement(e, "alipayPublicKey", bits);
        }
    }

    @Test
    void anAlipayCertificateForA1024BitKeyIsRefused() {
        KeyPair app = rsa(2048);
        SimulatedAlipayCertificates certs = SimulatedAlipayCertificates.issue(SimulatedAlipayKeys.of(app, RSA_1024), APP_ID);
        ConfigurationException e = refused(AlipayCredentials.builder().appId(APP_ID).appPrivateKey(privatePem(app))
                .certificates(certs.appCertPem(), certs.alipayCertPem(), certs.rootCertPem()));
        assertNamesSizeAndRequirement(e, "alipayCertificate", 1024);
    }

    @Test
    void theParsersRefuseShortKeysToo() {
        assertNamesSizeAndRequirement(assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseRsaPrivateKey("k", privatePem(RSA_512))), "k", 512);
        assertNamesSizeAndRequirement(assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseRsaPublicKey("k", publicBase64(RSA_1024))), "k", 1024);
    }

    @Test
    void keysOf2048And4096BitsWork() {
        KeyPair big = rsa(4096);
        AlipayCredentials bigApp = AlipayCredentials.builder().appId(APP_ID).appPrivateKey(privatePem(big))
                .alipayPublicKey(Fixtures.text("alipay-public.pem")).build();
        assertTrue(new AlipayVerifier(big.getPublic(), SignType.RSA2).verifies("a=1", bigApp.signer().sign("a=1")));
        AlipayCredentials bigAlipay = AlipayCredentials.builder().appId(APP_ID)
                .appPrivateKey(Fixtures.text("app-private-pkcs8.pem")).alipayPublicKey(publicBase64(big)).build();
        assertEquals(SignType.RSA2, bigAlipay.signType());
        assertEquals(APP_ID, Fixtures.publicKeyMode().appId()); // the 2048-bit fixtures
        assertTrue(Fixtures.certificateMode().isCertificateMode());
    }
}
