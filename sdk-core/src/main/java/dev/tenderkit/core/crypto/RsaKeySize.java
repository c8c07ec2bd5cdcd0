package dev.tenderkit.core.crypto;

import dev.tenderkit.core.ConfigurationException;
import java.security.Key;
import java.security.interfaces.RSAKey;
import java.util.Objects;

/**
 * Refuses RSA keys shorter than a wallet requires (both Alipay's RSA2 and WeChat Pay's APIv3 require
 * 2048 bits), when they are configured, naming the setting and the size found — never used to sign or
 * verify. Stateless and thread-safe.
 */
public final class RsaKeySize {
    /** The smallest RSA modulus, in bits, that SHA256withRSA wallets accept. */
    public static final int MINIMUM_BITS = 2048;

    private RsaKeySize() {
    }

    /**
     * @param setting the builder setting, for the message
     * @param key a parsed key; a non-RSA key, or one that does not expose its modulus, is let through
     * @param requiredBy who requires the size, for the message (e.g. {@code "Alipay's RSA2 (SHA256withRSA)"})
     * @param remedy what to configure instead, for the message
     * @param <K> the key's type
     * @return {@code key}
     * @throws ConfigurationException if the modulus is shorter than {@value #MINIMUM_BITS} bits
     */
    public static <K extends Key> K requireMinimum(String setting, K key, String requiredBy, String remedy) {
        Objects.requireNonNull(key, "key");
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MINIMUM_BITS) {
                throw new ConfigurationException(setting, "holds a " + bits + "-bit RSA key; " + requiredBy
                        + " requires at least " + MINIMUM_BITS + " bits: " + remedy);
            }
        }
        return key;
    }
}
