package dev.tenderkit.benchmarks.wechat;

import dev.tenderkit.benchmarks.CryptoProvider;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.wechat.WeChatPayCredentials;
import dev.tenderkit.wechat.WeChatPayGateway;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Client-side CPU of one WeChat Pay codepay call, the socket excluded: {@code WeChatPayGateway.pay}
 * whole (the JSON body, the {@code Authorization} signature, {@code GatewayTransport} and OkHttp's
 * call, the answer's verification, parsing, binding and reading), answered in memory by
 * {@link InMemoryWeChatPay} with a paid codepay signed for the gateway's fixed clock
 * ({@link #payCallCpu}); against the bare SHA256withRSA sign of the very text the SDK signed and
 * verify of the answer's signed text, with two reused {@link Signature} objects of the same provider
 * and the keys in its own form ({@link #bareSignAndVerify}). Bar (issue 12): the call ≤ 1.05 × the
 * bare crypto, measured interleaved by {@link WeChatClientCpuInterleavedBenchmark}.
 *
 * <p>Unlike the Alipay benchmark, which calls sdk-alipay's request factory and verifier through a
 * test-jar hook and leaves HTTP out, this one goes through the public gateway and the real transport,
 * so OkHttp's call machinery (everything but the socket) is counted against the SDK.
 * {@code NO_CRYPTO} ({@link dev.tenderkit.benchmarks.NoCryptoProvider}) measures that share alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class WeChatClientCpuBenchmark {
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    /** The JCA provider of both the SDK and the floor. */
    @Param({"JDK", "CONSCRYPT", "NO_CRYPTO"})
    public CryptoProvider provider;

    private WeChatPayGateway gateway;
    private PayRequest payRequest;
    private byte[] requestSignedText;
    private byte[] answerSignedText;
    private byte[] answerSignature;
    private PrivateKey merchantPrivate;
    private PublicKey wechatPublic;
    private Signature reusedSign;
    private Signature reusedVerify;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        SimulatedWeChatPayKeys keys = SimulatedWeChatPayKeys.generate();
        Optional<Provider> jca = provider.provider();
        // NO_CRYPTO's stand-in "signature" must be its own, so the answer is signed with the provider too
        SignedAnswer answer = SignedAnswer.sign(provider.sha256WithRsa(jca), keys.wechatKeyPair().getPrivate(),
                keys.publicKeyId(), WeChatTrade.CODEPAY_ANSWER, NOW, false);
        InMemoryWeChatPay wechat = new InMemoryWeChatPay(answer);
        WeChatPayCredentials.Builder c = WeChatPayCredentials.builder().mchid(WeChatTrade.MCHID)
                .appid(WeChatTrade.APPID).merchantPrivateKey(keys.merchantPrivateKeyPem())
                .merchantSerialNumber(keys.merchantCertificateSerial()).apiV3Key(keys.apiV3Key())
                .wechatPayPublicKey(keys.wechatPublicKeyPem(), keys.publicKeyId());
        jca.ifPresent(c::provider);
        gateway = WeChatPayGateway.builder().credentials(c.build())
                .transport(GatewayTransport.builder().baseClient(new OkHttpClient.Builder().addInterceptor(wechat)
                        .build()).build())
                .baseUrl(URI.create("http://127.0.0.1:9")).deviceId(WeChatTrade.DEVICE_ID).storeId(WeChatTrade.STORE_ID)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        payRequest = new PayRequest(new TradeRef(WeChatTrade.OUT_TRADE_NO, TenderKitWeChatClient.CHANNEL),
                Money.ofFen(WeChatTrade.TOTAL_FEN), PaymentCodeClassifier.standard().classify(WeChatTrade.AUTH_CODE),
                WeChatTrade.DESCRIPTION, PaymentMethods.WECHAT_PAY, Optional.empty(), true);
        payCallCpu(); // must reach the verified, bound payment, or set-up fails
        requestSignedText = wechat.firstRequest().orElseThrow().signedText().getBytes(StandardCharsets.UTF_8);
        answerSignedText = answer.signedText();
        answerSignature = answer.signature();
        merchantPrivate = provider.ownForm(keys.merchantKeyPair().getPrivate(), jca);
        wechatPublic = provider.ownForm(keys.wechatKeyPair().getPublic(), jca);
        reusedSign = provider.sha256WithRsa(jca);
        reusedVerify = provider.sha256WithRsa(jca);
        if (!bareSignAndVerify()) {
            throw new IllegalStateException("the floor must verify the answer");
        }
        if (!verifiesAsSent(keys, jca)) {
            throw new IllegalStateException("the floor must sign the text the SDK signed");
        }
    }

    /** The rebuilt text verifies with the signature the SDK sent: the floor signs the same bytes. */
    private boolean verifiesAsSent(SimulatedWeChatPayKeys keys, Optional<Provider> jca) throws GeneralSecurityException {
        Signature v = provider.sha256WithRsa(jca);
        v.initVerify(provider.ownForm(keys.merchantKeyPair().getPublic(), jca));
        v.update(requestSignedText);
        reusedSign.initSign(merchantPrivate);
        reusedSign.update(requestSignedText);
        return v.verify(reusedSign.sign());
    }

    /** One {@code WeChatPayGateway.pay} of a barcode, answered in memory; fails unless paid. */
    @Benchmark
    public PayResult.Paid payCallCpu() {
        PayResult r = gateway.pay(payRequest);
        if (!(r instanceof PayResult.Paid p)) {
            throw new IllegalStateException("not the verified payment: " + r);
        }
        return p;
    }

    /** One sign of the request's signed text and one verify of the answer's, nothing else. */
    @Benchmark
    public boolean bareSignAndVerify() throws GeneralSecurityException {
        reusedSign.initSign(merchantPrivate);
        reusedSign.update(requestSignedText);
        byte[] signature = reusedSign.sign();
        reusedVerify.initVerify(wechatPublic);
        reusedVerify.update(answerSignedText);
        return reusedVerify.verify(answerSignature) && signature.length > 0;
    }
}
