package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing and verification through a JCA provider the user passes to
 * {@link AlipayCredentials.Builder#provider}: Conscrypt (BoringSSL) interoperates with the JDK's
 * provider in both directions, and every signature and verification of a configured client goes
 * through the given provider, with the keys translated into its own form once.
 */
class CryptoProviderTest {
    private static final String METHOD = "alipay.trade.pay";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
    private static final PrivateKey ALIPAY_PRIVATE = AlipayKeys.parseRsaPrivateKey("k", Fixtures.text("alipay-private-pkcs8.pem"));
    private static final PublicKey APP_PUBLIC = AlipayKeys.parseRsaPublicKey("k", Fixtures.text("app-public.pem"));

    @BeforeAll
    static void conscryptLoadsItsNativeLibrary() {
        // conscrypt-openjdk-uber carries BoringSSL for Linux x86_64, macOS x86_64 and Windows; on those
        // this must hold, so the tests below cannot pass by skipping.
        Conscrypt.checkAvailability();
    }

    private static AlipayCredentials.Builder credentials() {
        return AlipayCredentials.builder().appId("2021000000000001")
                .appPrivateKey(Fixtures.text("app-private-pkcs8.pem")).alipayPublicKey(Fixtures.text("alipay-public.pem"));
    }

    private static String signedBody(AlipaySigner alipay, String node) {
        return "{\"alipay_trade_pay_response\":" + node + ",\"sign\":\"" + alipay.sign(node) + "\"}";
    }

    private static boolean jdkVerifies(PublicKey key, String content, String sign) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        s.initVerify(key);
        s.update(content.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(sign));
    }

    @Test
    void conscryptSignaturesVerifyWithTheJdkAndTheJdksWithConscrypt() throws Exception {
        Provider conscrypt = Conscrypt.newProvider();
        AlipayCredentials viaConscrypt = credentials().provider(conscrypt).build();
        AlipayCredentials viaJdk = credentials().build();
        String content = "app_id=2021000000000001&biz_content={\"subject\":\"咖啡 coffee\"}&charset=utf-8";

        String conscryptSign = viaConscrypt.signer().sign(content);
        assertEquals(viaJdk.signer().sign(content), conscryptSign, "PKCS#1 v1.5 signatures are deterministic");
        assertTrue(jdkVerifies(APP_PUBLIC, content, conscryptSign));

        String node = "{\"code\":\"10000\",\"msg\":\"Success\",\"subject\":\"\\u82b1\\u5457 \\/ 花呗\"}";
        String jdkSigned = signedBody(new AlipaySigner(ALIPAY_PRIVATE, SignType.RSA2), node);
        String conscryptSigned = signedBody(new AlipaySigner(ALIPAY_PRIVATE, SignType.RSA2, conscrypt), node);
        for (AlipayCredentials c : List.of(viaConscrypt, viaJdk)) {
            for (String body : List.of(jdkSigned, conscryptSigned)) {
                assertInstanceOf(ResponseVerification.Verified.class, c.verifier().verifyResponse(body, METHOD));
                assertInstanceOf(ResponseVerification.Unverified.class,
                        c.verifier().verifyResponse(body.replace("10000", "10003"), METHOD));
            }
        }
    }

    @Test
    void everySignatureOfAConfiguredClientGoesThroughTheGivenProvider() {
        CountingProvider counting = new CountingProvider(Conscrypt.newProvider());
        AlipayCredentials c = credentials().provider(counting).build();
        // build() compares the RSA keys by modulus: no private-key operation before the first request
        assertEquals(0, counting.signs.get());
        assertEquals(0, counting.verifies.get());
        assertEquals(2, counting.translatedKeys.get(), "the app private key and the Alipay public key, once each");

        AlipayRequest request = new AlipayRequestFactory(c, CLOCK).build(AlipayBizRequest.TradePay.barCode("T1",
                "281234567890123456", "咖啡", Money.parse("88.00")), Optional.empty());
        assertEquals(1, counting.signs.get());

        String node = "{\"code\":\"10000\",\"msg\":\"Success\"}";
        assertInstanceOf(ResponseVerification.Verified.class,
                c.verifier().verifyResponse(signedBody(ResponseVerificationTest.ALIPAY, node), METHOD));
        Map<String, String> notification = new TreeMap<>(Map.of("app_id", "2021000000000001", "out_trade_no", "T1",
                "total_amount", "88.00", "trade_status", "TRADE_SUCCESS", "notify_id", "n1", "sign_type", "RSA2"));
        notification.put("sign", ResponseVerificationTest.ALIPAY.sign(AlipayVerifier.notificationSignContent(notification)));
        assertInstanceOf(NotificationVerification.Verified.class, c.verifier().verifyNotification(notification));
        assertEquals(2, counting.verifies.get());

        assertEquals(2, counting.translatedKeys.get(), "keys are translated at configuration, never per call");
        assertTrue(counting.keyClasses.stream().allMatch(k -> k.getName().startsWith("org.conscrypt.")),
                "every init got the key in Conscrypt's own form: " + counting.keyClasses);
        assertFalse(request.sign().isEmpty());
    }

    @Test
    void manyThreadsSignAndVerifyAtOnceWithTheirOwnSignatureObjects() throws Exception {
        AlipayCredentials c = credentials().provider(Conscrypt.newProvider()).build();
        AlipayVerifier alipayKeyVerifier = c.verifier();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String content = "thread " + thread + " call " + i;
                        String sign = c.signer().sign(content);
                        assertTrue(jdkVerifies(APP_PUBLIC, content, sign), content);
                        String node = "{\"code\":\"10000\",\"n\":\"" + content + "\"}";
                        String body = signedBody(ResponseVerificationTest.ALIPAY, node);
                        assertInstanceOf(ResponseVerification.Verified.class, alipayKeyVerifier.verifyResponse(body, METHOD));
                        // a failed verification in between leaves nothing behind for the next call
                        assertFalse(alipayKeyVerifier.verifies(node, "AAAA"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A provider offering SHA256withRSA and the RSA key factory by delegating to another provider,
     * counting what it is asked to do and which key classes reach it.
     */
    private static final class CountingProvider extends Provider {
        private static final long serialVersionUID = 1L;
        final transient Provider inner;
        final AtomicInteger signs = new AtomicInteger();
        final AtomicInteger verifies = new AtomicInteger();
        final AtomicInteger translatedKeys = new AtomicInteger();
        final List<Class<?>> keyClasses = java.util.Collections.synchronizedList(new ArrayList<>());

        CountingProvider(Provider inner) {
            super("Counting", "1.0", "counts signatures and delegates them to " + inner.getName());
            this.inner = inner;
            putService(new Service(this, "Signature", "SHA256withRSA", CountingSignature.class.getName(), null, null) {
                @Override
                public Object newInstance(Object ignored) throws NoSuchAlgorithmException {
                    return new CountingSignature(CountingProvider.this);
                }
            });
            putService(new Service(this, "KeyFactory", "RSA", CountingKeyFactory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object ignored) throws NoSuchAlgorithmException {
                    return new CountingKeyFactory(CountingProvider.this);
                }
            });
        }
    }

    private static final class CountingSignature extends SignatureSpi {
        private final CountingProvider p;
        private final Signature inner;

        CountingSignature(CountingProvider p) throws NoSuchAlgorithmException {
            this.p = p;
            this.inner = Signature.getInstance("SHA256withRSA", p.inner);
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            p.keyClasses.add(key.getClass());
            inner.initVerify(key);
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            p.keyClasses.add(key.getClass());
            inner.initSign(key);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            inner.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            inner.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            p.signs.incrementAndGet();
            return inner.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sig) throws SignatureException {
            p.verifies.incrementAndGet();
            return inner.verify(sig);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class CountingKeyFactory extends KeyFactorySpi {
        private final CountingProvider p;
        private final KeyFactory inner;

        CountingKeyFactory(CountingProvider p) throws NoSuchAlgorithmException {
            this.p = p;
            this.inner = KeyFactory.getInstance("RSA", p.inner);
        }

        @Override
        protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
            return inner.generatePublic(spec);
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
            return inner.generatePrivate(spec);
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> spec) throws InvalidKeySpecException {
            return inner.getKeySpec(key, spec);
        }

        @Override
        protected Key engineTranslateKey(Key key) throws InvalidKeyException {
            p.translatedKeys.incrementAndGet();
            return inner.translateKey(key);
        }
    }
}
