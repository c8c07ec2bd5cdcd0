package dev.tenderkit.core.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link BoundSigner} and {@link BoundVerifier} share: the key in the provider's own form,
 * translated once, and one {@link Signature} per thread, made on that thread's first use.
 *
 * <p>Why: {@code Signature.getInstance} walks the provider list and builds a new engine on every
 * call; and a provider such as Conscrypt, given a key of the JDK's own classes, converts it to a
 * native key on every {@code initSign}/{@code initVerify}, which costs as much as the signature
 * itself. A provider that cannot translate the key gets it as parsed.
 */
final class PerThreadSignature<K extends Key> {
    final K key;
    private final ThreadLocal<Signature> perThread;

    PerThreadSignature(K key, SignatureSource source) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        this.key = inProviderForm(key, source.provider());
        this.perThread = ThreadLocal.withInitial(source::newSignature);
        perThread.get(); // a provider that lacks the algorithm fails here, at configuration
    }

    /** This thread's signature; {@code initSign}/{@code initVerify} reset it, so a failed use leaves nothing behind. */
    Signature get() {
        return perThread.get();
    }

    @SuppressWarnings("unchecked")
    private static <K extends Key> K inProviderForm(K key, Optional<Provider> provider) {
        if (provider.isEmpty()) {
            return key;
        }
        try {
            return (K) KeyFactory.getInstance(key.getAlgorithm(), provider.get()).translateKey(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return key; // the provider converts it per call, or refuses it at the first use
        }
    }
}
