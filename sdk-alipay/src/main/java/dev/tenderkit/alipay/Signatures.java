package dev.tenderkit.alipay;

import dev.tenderkit.core.crypto.SignatureSource;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;

/**
 * Where a sign type's JCA {@link Signature} objects come from, for core's bound signers and
 * verifiers: RSA2 on the JDK's providers unless the user chose one; SM2 on BouncyCastle (or the
 * user's provider) with Alipay's signer id already set. Keys are translated into the provider's form
 * only when the user chose a provider.
 */
final class Signatures {
    private Signatures() {
    }

    static SignatureSource source(SignType type, Optional<Provider> provider) {
        if (type != SignType.SM2) {
            return SignatureSource.of(type.jcaAlgorithm(), provider);
        }
        return new SignatureSource() {
            @Override
            public Signature newSignature() {
                return Sm2Support.newSignature(provider.orElse(null));
            }

            @Override
            public Optional<Provider> provider() {
                return provider;
            }
        };
    }
}
