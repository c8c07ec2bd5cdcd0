package dev.tenderkit.core.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Verifies signatures with one public key on the JCA provider the user chose (the JDK's by
 * default): the key is put into the provider's own form once, at construction, and each thread
 * reuses its own {@link Signature}.
 *
 * <p>Thread-safe. Construction fails with a {@link dev.tenderkit.core.ConfigurationException}
 * (setting {@code "provider"}) if the provider lacks the algorithm.
 */
public final class BoundVerifier {
    private final PerThreadSignature<PublicKey> bound;

    private BoundVerifier(PublicKey key, SignatureSource source) {
        this.bound = new PerThreadSignature<>(key, source);
    }

    /**
     * @param key the public key
     * @param source makes the signature objects, e.g. {@code SignatureSource.of("SHA256withRSA", provider)}
     * @return the verifier
     */
    public static BoundVerifier of(PublicKey key, SignatureSource source) {
        return new BoundVerifier(key, source);
    }

    /**
     * @param data the signed bytes
     * @param signature the signature to check
     * @return whether it is a valid signature over {@code data}
     * @throws GeneralSecurityException if the signature is malformed or the provider fails
     */
    public boolean verify(byte[] data, byte[] signature) throws GeneralSecurityException {
        Signature s = bound.get();
        s.initVerify(bound.key);
        s.update(data);
        return s.verify(signature);
    }

    @Override
    public String toString() {
        return "BoundVerifier[" + bound.key.getAlgorithm() + "]";
    }
}
