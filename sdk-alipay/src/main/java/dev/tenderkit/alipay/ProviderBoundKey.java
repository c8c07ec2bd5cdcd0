package dev.tenderkit.alipay;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * One key, held in the chosen JCA provider's own form, and the {@link Signature} objects that use
 * it: one per thread, created on that thread's first call and reused by every later call.
 *
 * <p>Why: a pay call makes one signature and one verification, and everything around them should
 * cost next to nothing (issue 6). {@code Signature.getInstance} walks the provider list and builds
 * a new engine on every call; and a provider such as Conscrypt, given a key of the JDK's own
 * classes, converts it to a native key on every {@code initSign}/{@code initVerify}, which costs as
 * much as the signature itself. So the key is translated once, here, by the provider's
 * {@link KeyFactory}; a provider that cannot translate it gets the key as parsed.
 *
 * <p>Thread-safe: a {@link Signature} is never shared between threads, and {@code initSign} /
 * {@code initVerify} reset it at the start of each use, so a use that failed half-way leaves nothing
 * behind for the next.
 */
final class ProviderBoundKey {
    private final Key key;
    private final ThreadLocal<Signature> perThread;

    private ProviderBoundKey(SignType type, Provider provider, Key key) {
        this.key = key;
        this.perThread = ThreadLocal.withInitial(() -> Signatures.newInstance(type, provider));
        perThread.get(); // a provider that lacks the algorithm fails here, at configuration
    }

    /** A private key for signing, on {@code provider} (null: the JDK's default providers). */
    static ProviderBoundKey forSigning(SignType type, Provider provider, PrivateKey key) {
        return new ProviderBoundKey(type, provider, inProviderForm(key, provider));
    }

    /** A public key for verifying, on {@code provider} (null: the JDK's default providers). */
    static ProviderBoundKey forVerifying(SignType type, Provider provider, PublicKey key) {
        return new ProviderBoundKey(type, provider, inProviderForm(key, provider));
    }

    private static Key inProviderForm(Key key, Provider provider) {
        if (provider == null) {
            return key;
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return key; // the provider converts it per call, or refuses it at the first use
        }
    }

    /** @return the signature over {@code data} */
    byte[] sign(byte[] data) throws InvalidKeyException, SignatureException {
        Signature s = perThread.get();
        s.initSign((PrivateKey) key);
        s.update(data);
        return s.sign();
    }

    /** @return whether {@code signature} is a valid signature over {@code data} */
    boolean verify(byte[] data, byte[] signature) throws InvalidKeyException, SignatureException {
        Signature s = perThread.get();
        s.initVerify((PublicKey) key);
        s.update(data);
        return s.verify(signature);
    }
}
