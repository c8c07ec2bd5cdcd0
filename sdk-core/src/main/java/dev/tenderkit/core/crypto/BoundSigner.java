package dev.tenderkit.core.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs with one private key on the JCA provider the user chose (the JDK's by default): the key is
 * put into the provider's own form once, at construction, and each thread reuses its own
 * {@link Signature}, so a call costs one private-key operation and nothing more.
 *
 * <p>Thread-safe. Construction fails with a {@link dev.tenderkit.core.ConfigurationException}
 * (setting {@code "provider"}) if the provider lacks the algorithm. {@code toString} never shows the key.
 */
public final class BoundSigner {
    private final PerThreadSignature<PrivateKey> bound;

    private BoundSigner(PrivateKey key, SignatureSource source) {
        this.bound = new PerThreadSignature<>(key, source);
    }

    /**
     * @param key the private key
     * @param source makes the signature objects, e.g. {@code SignatureSource.of("SHA256withRSA", provider)}
     * @return the signer
     */
    public static BoundSigner of(PrivateKey key, SignatureSource source) {
        return new BoundSigner(key, source);
    }

    /**
     * @param data the bytes to sign
     * @return the signature
     * @throws GeneralSecurityException if the provider refuses the key or fails
     */
    public byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature s = bound.get();
        s.initSign(bound.key);
        s.update(data);
        return s.sign();
    }

    @Override
    public String toString() {
        return "BoundSigner[" + bound.key.getAlgorithm() + "]";
    }
}
