package dev.tenderkit.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.crypto.PrivateKeys.Accepted;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class PublicKeysTest {
    private static final String WHAT = "the platform public key";

    private static String refused(String text) {
        return assertThrows(ConfigurationException.class, () -> PublicKeys.rsa("publicKey", text, WHAT)).getMessage();
    }

    @Test
    void x509PublicKeysParseFromPemAndBareBase64AndMatchTheirPrivateHalf() {
        PublicKey key = PublicKeys.rsa("k", CryptoFixtures.text("rsa-public.pem"), WHAT);
        assertEquals(key, PublicKeys.rsa("k", CryptoFixtures.base64("rsa-public.pem"), WHAT));
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) PrivateKeys.rsa("k", CryptoFixtures.text("rsa-pkcs8.pem"), WHAT,
                Accepted.PKCS8_ONLY);
        assertEquals(priv.getModulus(), ((RSAPublicKey) key).getModulus());
    }

    @Test
    void privateKeysAndCertificatesInThePublicKeySettingAreNamed() {
        assertTrue(refused(CryptoFixtures.text("rsa-pkcs8.pem")).contains("never a private key"));
        assertTrue(refused(CryptoFixtures.base64("rsa-pkcs1.pem")).contains("a PKCS#1 RSA private key, not a public key"));
        assertTrue(refused(CryptoFixtures.base64("leaf.crt")).contains("this is a certificate, not a public key"));
        assertTrue(refused("-----BEGIN RSA PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----").contains("-RSAPublicKey_in"));
    }
}
