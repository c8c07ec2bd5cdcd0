package dev.tenderkit.benchmarks;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;
import org.conscrypt.Conscrypt;

/**
 * The JCA providers the Alipay and WeChat Pay benchmarks compare: the JDK's default
 * ({@code SunRsaSign} for SHA256withRSA) and Conscrypt (BoringSSL through JNI), which a user adds as
 * an optional dependency and passes to {@code AlipayCredentials.Builder.provider} or
 * {@code WeChatPayCredentials.Builder.provider}.
 */
public enum CryptoProvider {
    /** The JDK's default providers: nothing is passed to the credentials builder. */
    JDK,
    /** {@code Conscrypt.newProvider()}, passed to the credentials builder. */
    CONSCRYPT,
    /**
     * {@link NoCryptoProvider}: no RSA at all, to measure what a call costs besides the cryptography.
     * Not a provider anyone would use; the JDK's still parses and converts the keys.
     */
    NO_CRYPTO;

    /** @return the provider to give the SDK; empty for the JDK default */
    public Optional<Provider> provider() {
        if (this == JDK) {
            return Optional.empty();
        }
        if (this == NO_CRYPTO) {
            return Optional.of(new NoCryptoProvider());
        }
        try {
            Conscrypt.checkAvailability();
        } catch (Throwable e) {
            throw new IllegalStateException("Conscrypt's native library did not load on this machine", e);
        }
        return Optional.of(Conscrypt.newProvider());
    }

    /** @return a SHA256withRSA signature object on this provider (what the bare baselines use) */
    public Signature sha256WithRsa(Optional<Provider> provider) throws GeneralSecurityException {
        return provider.isPresent() ? Signature.getInstance("SHA256withRSA", provider.get())
                : Signature.getInstance("SHA256withRSA");
    }

    /**
     * @return the key in the provider's own form, as the SDK holds it, so that the baselines do not
     *     pay for a per-call key conversion the SDK does not do
     */
    @SuppressWarnings("unchecked")
    public <K extends Key> K ownForm(K key, Optional<Provider> provider) throws GeneralSecurityException {
        if (provider.isEmpty() || this == NO_CRYPTO) {
            return key;
        }
        return (K) KeyFactory.getInstance("RSA", provider.get()).translateKey(key);
    }
}
