package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;

/**
 * Creates JCA {@link Signature} objects for a sign type on an optional provider: RSA2 on the JDK's
 * providers unless the user chose one; SM2 on BouncyCastle (or the user's provider) with Alipay's
 * signer id already set.
 */
final class Signatures {
    private Signatures() {
    }

    static Signature newInstance(SignType type, Provider provider) {
        try {
            if (type == SignType.SM2) {
                return Sm2Support.newSignature(provider);
            }
            return provider == null
                    ? Signature.getInstance(type.jcaAlgorithm())
                    : Signature.getInstance(type.jcaAlgorithm(), provider);
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigurationException("provider", (provider == null ? "the default JCA providers" : provider.getName())
                    + " offer no " + type.jcaAlgorithm() + "; choose a provider that does");
        }
    }
}
