package dev.tenderkit.core.crypto;

import dev.tenderkit.core.ConfigurationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Objects;

/**
 * Parses RSA private keys from PEM or bare base64: PKCS#8 always, PKCS#1 only when the caller
 * accepts it ({@link Accepted}). Anything else — a public key, a certificate, an EC key, an encrypted
 * key — is refused with a {@link ConfigurationException} that names the setting, says what was
 * pasted and what belongs there ({@code what}, in the adapter's words). The size is not checked
 * here: see {@link RsaKeySize}. Stateless and thread-safe.
 */
public final class PrivateKeys {

    /** Which encodings of an RSA private key a setting accepts. */
    public enum Accepted {
        /** PKCS#8 only ({@code BEGIN PRIVATE KEY}); a PKCS#1 key is refused with the command that converts it. */
        PKCS8_ONLY,
        /** PKCS#8, or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) wrapped into PKCS#8 by {@link Pkcs1}. */
        PKCS8_OR_PKCS1
    }

    private PrivateKeys() {
    }

    /**
     * As {@link #rsa(String, PemBlock, String, Accepted)} for text.
     *
     * @param setting the builder setting, for messages
     * @param text PEM or bare base64
     * @param what what the setting should hold, for messages
     * @param accepted the encodings accepted
     * @return the key
     */
    public static PrivateKey rsa(String setting, String text, String what, Accepted accepted) {
        return rsa(setting, PemText.decode(setting, text, what), what, accepted);
    }

    /**
     * Parses an RSA private key from a decoded block.
     *
     * @param setting the builder setting, for messages
     * @param block the decoded text
     * @param what what the setting should hold, for messages
     * @param accepted the encodings accepted
     * @return the key
     * @throws ConfigurationException if the block is not an RSA private key in an accepted encoding
     */
    public static PrivateKey rsa(String setting, PemBlock block, String what, Accepted accepted) {
        Objects.requireNonNull(accepted, "accepted");
        KeyForm form = KeyForm.of(block);
        byte[] pkcs8 = switch (form) {
            case PKCS8_PRIVATE_KEY -> block.derView();
            case PKCS1_RSA_PRIVATE_KEY -> {
                if (accepted == Accepted.PKCS8_ONLY) {
                    throw new ConfigurationException(setting, "is a PKCS#1 RSA private key (BEGIN RSA PRIVATE KEY), but"
                            + " PKCS#8 is required: convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem` and paste "
                            + what);
                }
                yield Pkcs1.wrapPrivateKey(block.derView());
            }
            case ENCRYPTED_PRIVATE_KEY -> throw new ConfigurationException(setting, "is an encrypted PKCS#8 private key"
                    + " (BEGIN ENCRYPTED PRIVATE KEY); decrypt it with `openssl pkcs8 -in key.pem -out plain.pem`"
                    + " and paste " + what + " without a passphrase");
            case SEC1_EC_PRIVATE_KEY -> throw new ConfigurationException(setting, "is an SEC1 EC private key, not RSA;"
                    + " paste " + what);
            default -> throw new ConfigurationException(setting, "this is " + form.description()
                    + ", not a private key; paste " + what);
        };
        String algorithm = KeyForm.keyAlgorithm(new PemBlock("PRIVATE KEY", pkcs8)).orElse("unknown");
        if (!algorithm.equals("RSA")) {
            throw new ConfigurationException(setting, "is an " + algorithm + " private key, not RSA; paste " + what);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(setting, "is not a valid RSA private key (" + e.getMessage() + "); paste "
                    + what);
        }
    }
}
