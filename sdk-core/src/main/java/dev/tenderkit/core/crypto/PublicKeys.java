package dev.tenderkit.core.crypto;

import dev.tenderkit.core.ConfigurationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * Parses RSA public keys in X.509 SubjectPublicKeyInfo form ({@code BEGIN PUBLIC KEY} or its bare
 * base64: what wallets show as their public key). A private key, a certificate, a PKCS#1 public key
 * or an EC key is refused with a {@link ConfigurationException} that names the setting, says what
 * was pasted and what belongs there ({@code what}, in the adapter's words). The size is not checked
 * here: see {@link RsaKeySize}. Stateless and thread-safe.
 */
public final class PublicKeys {
    private PublicKeys() {
    }

    /**
     * As {@link #rsa(String, PemBlock, String)} for text.
     *
     * @param setting the builder setting, for messages
     * @param text PEM or bare base64
     * @param what what the setting should hold, for messages
     * @return the key
     */
    public static PublicKey rsa(String setting, String text, String what) {
        return rsa(setting, PemText.decode(setting, text, what), what);
    }

    /**
     * Parses an RSA public key from a decoded block.
     *
     * @param setting the builder setting, for messages
     * @param block the decoded text
     * @param what what the setting should hold, for messages
     * @return the key
     * @throws ConfigurationException if the block is not an X.509 RSA public key
     */
    public static PublicKey rsa(String setting, PemBlock block, String what) {
        KeyForm form = KeyForm.of(block);
        if (form == KeyForm.PKCS1_RSA_PUBLIC_KEY) {
            throw new ConfigurationException(setting, "is a PKCS#1 RSA public key; paste " + what + " as X.509"
                    + " (BEGIN PUBLIC KEY or its base64): convert it with `openssl rsa -RSAPublicKey_in -pubout -in key.pem`");
        }
        if (form != KeyForm.PUBLIC_KEY) {
            throw new ConfigurationException(setting, "this is " + form.description() + ", not a public key; paste "
                    + what + (form.isPrivate() ? ", never a private key" : ""));
        }
        String algorithm = KeyForm.keyAlgorithm(block).orElse("unknown");
        if (!algorithm.equals("RSA")) {
            throw new ConfigurationException(setting, "is an " + algorithm + " public key, not RSA; paste " + what);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(block.derView()));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(setting, "is not a valid RSA public key (" + e.getMessage() + "); paste "
                    + what + " as X.509 (BEGIN PUBLIC KEY or its base64)");
        }
    }
}
