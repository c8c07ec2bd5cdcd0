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
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
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
 * that provider once, one signature object per thread, and verifiable by any other provider.
 */
class BoundSignatureTest {
    private static final String SHA256_RSA = "SHA256withRSA";
    private static final PrivateKey PRIVATE = PrivateKeys.rsa("k", CryptoFixtures.text("rsa-pkcs8.pem"), "k",
            Accepted.PKCS8_ONLY);
    private static final PublicKey PUBLIC = PublicKeys.rsa("k", CryptoFixtures.text("rsa-public.pem"), "k");
    private static final byte[] DATA = "POST\n/v3/pay/transactions/native\n1554208460\n593BEC0C\n{}\n"
            .getBytes(StandardCharsets.UTF_8);

    /** A provider that signs through SunRsaSign and counts what it is asked to do. */
    static final class Counting extends Provider {
        static final AtomicInteger TRANSLATED = new AtomicInteger();
        static final AtomicInteger SIGNATURES = new AtomicInteger();
        static final AtomicInteger OPERATIONS = new AtomicInteger();

        Counting() {
            super("TenderKitCounting", "1", "counts translations and signature objects");
            put("Signature." + SHA256_RSA, CountingSignature.class.getName());
            put("KeyFactory.RSA", CountingKeyFactory.class.getName());
        }
    }

    public static final class CountingSignature extends SignatureSpi {
        private final Signature delegate;

        public CountingSignature() throws GeneralSecurityException {
            delegate = Signature.getInstance(SHA256_RSA, "SunRsaSign");
            Counting.SIGNATURES.incrementAndGet();
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            delegate.initVerify(key);
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            delegate.initSign(key);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            delegate.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            delegate.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            Counting.OPERATIONS.incrementAndGet();
            return delegate.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sig) throws SignatureException {
            Counting.OPERATIONS.incrementAndGet();
            return delegate.verify(sig);
        }

        @Override
        @SuppressWarnings("deprecation")
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("deprecation")
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
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
            Counting.TRANSLATED.incrementAndGet();
            return delegate.translateKey(key);
        }
    }

    @Test
    void signaturesOnTheChosenProviderVerifyOnTheJdksAndTheJdksOnIt() throws Exception {
        Provider counting = new Counting();
        BoundSigner onCounting = BoundSigner.of(PRIVATE, SHA256_RSA, Optional.of(counting));
        BoundVerifier onJdk = BoundVerifier.of(PUBLIC, SHA256_RSA, Optional.empty());
        int before = Counting.OPERATIONS.get();
        byte[] signature = onCounting.sign(DATA);
        assertEquals(before + 1, Counting.OPERATIONS.get(), "the chosen provider made the signature");
        assertTrue(onJdk.verify(DATA, signature));
        assertFalse(onJdk.verify("other".getBytes(StandardCharsets.UTF_8), signature));
        byte[] jdkSignature = BoundSigner.of(PRIVATE, SHA256_RSA, Optional.empty()).sign(DATA);
        assertTrue(BoundVerifier.of(PUBLIC, SHA256_RSA, Optional.of(counting)).verify(DATA, jdkSignature));
    }

    @Test
    void theKeyIsTranslatedOnceAndEachThreadMakesOneSignatureObject() throws Exception {
        int translated = Counting.TRANSLATED.get();
        int signatures = Counting.SIGNATURES.get();
        BoundSigner signer = BoundSigner.of(PRIVATE, SHA256_RSA, Optional.of(new Counting()));
        BoundVerifier verifier = BoundVerifier.of(PUBLIC, SHA256_RSA, Optional.empty());
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
        assertEquals(translated + 1, Counting.TRANSLATED.get(), "translated once, at construction");
        int made = Counting.SIGNATURES.get() - signatures;
        assertTrue(made >= 1 && made <= 4, made + " signature objects: one for the constructing thread, one per pool thread");
    }

    @Test
    void aProviderWithoutTheAlgorithmIsRefusedAtConstruction() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BoundSigner.of(PRIVATE, "SHA512withECDSA", Optional.of(new Counting())));
        assertEquals("provider", e.setting());
        assertTrue(e.getMessage().contains("TenderKitCounting offer no SHA512withECDSA"), e.getMessage());
    }

    @Test
    void neitherPrintsItsKey() {
        assertEquals("BoundSigner[RSA]", BoundSigner.of(PRIVATE, SHA256_RSA, Optional.empty()).toString());
        assertEquals("BoundVerifier[RSA]", BoundVerifier.of(PUBLIC, SHA256_RSA, Optional.empty()).toString());
    }
}
