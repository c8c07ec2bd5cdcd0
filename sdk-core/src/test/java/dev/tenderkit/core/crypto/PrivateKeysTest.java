package dev.tenderkit.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.crypto.PrivateKeys.Accepted;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {
    private static final String WHAT = "the merchant API private key (apiclient_key.pem)";

    private static ConfigurationException refused(String text, Accepted accepted) {
        return assertThrows(ConfigurationException.class, () -> PrivateKeys.rsa("privateKey", text, WHAT, accepted));
    }

    @Test
    void pkcs1IsWrappedIntoExactlyThePkcs8ThatOpensslWrites() {
        byte[] pkcs1 = Base64.getDecoder().decode(CryptoFixtures.base64("rsa-pkcs1.pem"));
        byte[] pkcs8 = Base64.getDecoder().decode(CryptoFixtures.base64("rsa-pkcs8.pem"));
        assertArrayEquals(pkcs8, Pkcs1.wrapPrivateKey(pkcs1));
    }

    @Test
    void pkcs8ParsesFromPemAndBareBase64() {
        PrivateKey pem = PrivateKeys.rsa("k", CryptoFixtures.text("rsa-pkcs8.pem"), WHAT, Accepted.PKCS8_ONLY);
        assertEquals(pem, PrivateKeys.rsa("k", CryptoFixtures.base64("rsa-pkcs8.pem"), WHAT, Accepted.PKCS8_ONLY));
        assertEquals("RSA", pem.getAlgorithm());
    }

    @Test
    void pkcs1IsAcceptedOnlyWhenWrappingIsAskedFor() {
        PrivateKey pkcs8 = PrivateKeys.rsa("k", CryptoFixtures.text("rsa-pkcs8.pem"), WHAT, Accepted.PKCS8_ONLY);
        assertEquals(pkcs8, PrivateKeys.rsa("k", CryptoFixtures.text("rsa-pkcs1.pem"), WHAT, Accepted.PKCS8_OR_PKCS1));
        assertEquals(pkcs8, PrivateKeys.rsa("k", CryptoFixtures.base64("rsa-pkcs1.pem"), WHAT, Accepted.PKCS8_OR_PKCS1));
        for (String pkcs1 : new String[] {CryptoFixtures.text("rsa-pkcs1.pem"), CryptoFixtures.base64("rsa-pkcs1.pem")}) {
            ConfigurationException e = refused(pkcs1, Accepted.PKCS8_ONLY);
            assertEquals("privateKey", e.setting());
            assertTrue(e.getMessage().contains("PKCS#8 is required") && e.getMessage().contains("openssl pkcs8 -topk8")
                    && e.getMessage().endsWith(WHAT), e.getMessage());
        }
    }

    @Test
    void anEncryptedPkcs8KeyIsRefusedWithHowToDecryptIt() {
        for (String text : new String[] {CryptoFixtures.text("rsa-encrypted.pem"), CryptoFixtures.base64("rsa-encrypted.pem")}) {
            String m = refused(text, Accepted.PKCS8_OR_PKCS1).getMessage();
            assertTrue(m.contains("encrypted PKCS#8") && m.contains("without a passphrase"), m);
        }
    }

    @Test
    void publicKeysCertificatesAndEcKeysAreNamedForWhatTheyAre() {
        assertTrue(refused(CryptoFixtures.text("rsa-public.pem"), Accepted.PKCS8_ONLY).getMessage()
                .startsWith("privateKey: this is a public key (X.509 SubjectPublicKeyInfo), not a private key; paste " + WHAT));
        assertTrue(refused(CryptoFixtures.base64("rsa-public.pem"), Accepted.PKCS8_ONLY).getMessage()
                .contains("a public key"));
        assertTrue(refused(CryptoFixtures.text("leaf.crt"), Accepted.PKCS8_ONLY).getMessage()
                .contains("this is a certificate, not a private key"));
        assertTrue(refused(CryptoFixtures.text("ec-pkcs8.pem"), Accepted.PKCS8_ONLY).getMessage()
                .contains("is an EC private key, not RSA"));
    }

    @Test
    void keysShorterThan2048BitsAreRefusedNamingTheSize() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        PrivateKey small = g.generateKeyPair().getPrivate();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> RsaKeySize.requireMinimum("privateKey", small, "WeChat Pay APIv3", "make a new key"));
        assertEquals("privateKey: holds a 1024-bit RSA key; WeChat Pay APIv3 requires at least 2048 bits: make a new key",
                e.getMessage());
        PrivateKey ok = PrivateKeys.rsa("k", CryptoFixtures.text("rsa-pkcs8.pem"), WHAT, Accepted.PKCS8_ONLY);
        assertEquals(ok, RsaKeySize.requireMinimum("k", ok, "x", "y"));
    }
}
