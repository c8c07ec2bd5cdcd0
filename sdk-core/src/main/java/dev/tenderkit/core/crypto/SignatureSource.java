package dev.tenderkit.core.crypto;

import dev.tenderkit.core.ConfigurationException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes fresh JCA {@link Signature} objects for {@link BoundSigner} and {@link BoundVerifier}: one per
 * thread, once. {@link #of(String, Optional)} covers a plain algorithm; an adapter that must set
 * parameters (SM2's signer id) supplies its own. Implementations must be thread-safe and throw
 * {@link ConfigurationException} (setting {@code "provider"}) when the algorithm is missing.
 */
@FunctionalInterface
public interface SignatureSource {

    /** @return a new, uninitialised signature object */
    Signature newSignature();

    /** @return the provider this source makes signatures on, if it names one (for key translation) */
    default Optional<Provider> provider() {
        return Optional.empty();
    }

    /**
     * @param algorithm the JCA algorithm, e.g. {@code "SHA256withRSA"}
     * @param provider the provider the user chose; empty for the JDK's default providers
     * @return a source of signatures for it
     */
    static SignatureSource of(String algorithm, Optional<Provider> provider) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(provider, "provider");
        return new SignatureSource() {
            @Override
            public Signature newSignature() {
                try {
                    return provider.isPresent()
                            ? Signature.getInstance(algorithm, provider.get())
                            : Signature.getInstance(algorithm);
                } catch (NoSuchAlgorithmException e) {
                    throw new ConfigurationException("provider", provider.map(Provider::getName)
                            .orElse("the default JCA providers") + " offer no " + algorithm + "; choose a provider that does");
                }
            }

            @Override
            public Optional<Provider> provider() {
                return provider;
            }
        };
    }
}
