package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import java.security.Key;
import java.security.interfaces.RSAKey;

/**
 * The RSA key size Alipay requires: RSA2 is SHA256withRSA with keys of at least
 * {@value #MINIMUM_BITS} bits. A smaller key is refused when it is configured, naming the setting
 * and the size found, never used to sign or verify.
 */
final class RsaKeySize {

    /** The smallest RSA modulus, in bits, that RSA2 accepts. */
    static final int MINIMUM_BITS = 2048;

    private RsaKeySize() {
    }

    /**
     * @param setting the builder setting, for the message
     * @param key a parsed RSA key; a key that does not expose its modulus is let through
     * @param remedy what to configure instead, for the message
     * @return {@code key}
     * @throws ConfigurationException if the modulus is shorter than {@value #MINIMUM_BITS} bits
     */
    static <K extends Key> K require(String setting, K key, String remedy) {
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MINIMUM_BITS) {
                throw new ConfigurationException(setting, "holds a " + bits + "-bit RSA key; Alipay's RSA2 (SHA256withRSA)"
                        + " requires at least " + MINIMUM_BITS + " bits: " + remedy);
            }
        }
        return key;
    }
}
