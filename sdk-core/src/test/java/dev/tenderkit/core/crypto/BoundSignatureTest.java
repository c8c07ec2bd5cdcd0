package dev.tenderkit.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.crypto.PrivateKeys.Accepted;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Signatures bound to a provider: made on the provider the caller chose, with the key translated by
 * that provider once, one signature object per thread, and verifiable on the default providers.
 */
class BoundSignatureTest {
    private static final String SHA256_RSA = "SHA256withRSA";
    private static final PrivateKey PRIVATE = PrivateKeys.rsa("k", CryptoFixtures.text("rsa-pkcs8.pem"), "k",
            Accepted.PKCS8_ONLY);
    private static final PublicKey PUBLIC = PublicKeys.rsa("k", CryptoFixtures.text("rsa-public.pem"), "k");
    private static final byte[] DATA = "POST\n/v3/pay/transactions/native\n1554208460\n593BEC0C\n{}\n"
            .getBytes(StandardCharsets.UTF_8);

    /** A provider with only an RSA key factory (SunRsaSign's), counting the keys it translates. */
    static final class TranslationCounting extends Provider {
        static final AtomicInteger TRANSLATED = new AtomicInteger();

        TranslationCounting() {
            super("TenderKitCounting", "1", "counts key translations");
            put("KeyFactory.RSA", CountingKeyFactory.class.getName());
        }
    }

    /** Signatures on SunRsaSign, counting the objects made, with keys translated by {@code keys}. */
    private static final class CountingSource implements SignatureSource {
        final AtomicInteger made = new AtomicInteger();
        final Provider keys;

        CountingSource(Provider keys) {
            this.keys = keys;
        }

        @Override
        public Signature newSignature() {
            made.incrementAndGet();
            return SignatureSource.of(SHA256_RSA, Optional.of(Security.getProvider("SunRsaSign"))).newSignature();
        }

        @Override
        public Optional<Provider> provider() {
            return Optional.of(keys);
        }
    }

    public static final class CountingKeyFactory extends KeyFactorySpi {
        private final KeyFactory delegate;

        public CountingKeyFactory() throws GeneralSecurityException {
            delegate = KeyFactory.getInstance("RSA", "SunRsaSign");
        }

        @Override
        protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
            return delegate.generatePublic(spec);
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
            return delegate.generatePrivate(spec);
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> spec) throws InvalidKeySpecException {
            return delegate.getKeySpec(key, spec);
        }

        @Override
        protected Key engineTranslateKey(Key key) throws InvalidKeyException {
            TranslationCounting.TRANSLATED.incrementAndGet();
            return delegate.translateKey(key);
        }
    }

    @Test
    void signaturesOnTheChosenProviderVerifyOnTheDefaultProvidersAndTheirsOnIt() throws Exception {
        Optional<Provider> sunRsaSign = Optional.of(Security.getProvider("SunRsaSign"));
        BoundSigner chosen = BoundSigner.of(PRIVATE, SignatureSource.of(SHA256_RSA, sunRsaSign));
        BoundVerifier byDefault = BoundVerifier.of(PUBLIC, SignatureSource.of(SHA256_RSA, Optional.empty()));
        byte[] signature = chosen.sign(DATA);
        assertTrue(byDefault.verify(DATA, signature));
        assertFalse(byDefault.verify("other".getBytes(StandardCharsets.UTF_8), signature));
        byte[] defaultSignature = BoundSigner.of(PRIVATE, SignatureSource.of(SHA256_RSA, Optional.empty())).sign(DATA);
        assertTrue(BoundVerifier.of(PUBLIC, SignatureSource.of(SHA256_RSA, sunRsaSign)).verify(DATA, defaultSignature));
    }

    @Test
    void theKeyIsTranslatedOnceAndEachThreadMakesOneSignatureObject() throws Exception {
        int translated = TranslationCounting.TRANSLATED.get();
        CountingSource source = new CountingSource(new TranslationCounting());
        BoundSigner signer = BoundSigner.of(PRIVATE, source);
        BoundVerifier verifier = BoundVerifier.of(PUBLIC, SignatureSource.of(SHA256_RSA, Optional.empty()));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                byte[] data = ("call " + i).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> verifier.verify(data, signer.sign(data))));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(translated + 1, TranslationCounting.TRANSLATED.get(), "translated once, at construction");
        int made = source.made.get();
        assertTrue(made >= 1 && made <= 4, made + " signature objects: one for the constructing thread, one per pool thread");
    }

    @Test
    void aProviderWithoutTheAlgorithmIsRefusedAtConstruction() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BoundSigner.of(PRIVATE, SignatureSource.of("SHA512withECDSA", Optional.of(new TranslationCounting()))));
        assertEquals("provider", e.setting());
        assertTrue(e.getMessage().contains("TenderKitCounting offer no SHA512withECDSA"), e.getMessage());
    }

    @Test
    void neitherPrintsItsKey() {
        SignatureSource jdk = SignatureSource.of(SHA256_RSA, Optional.empty());
        assertEquals("BoundSigner[RSA]", BoundSigner.of(PRIVATE, jdk).toString());
        assertEquals("BoundVerifier[RSA]", BoundVerifier.of(PUBLIC, jdk).toString());
    }
}
