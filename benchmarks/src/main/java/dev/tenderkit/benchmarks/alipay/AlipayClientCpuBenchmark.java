package dev.tenderkit.benchmarks.alipay;

import dev.tenderkit.alipay.AlipayBizRequest;
import dev.tenderkit.alipay.AlipayCodes;
import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayOutcome;
import dev.tenderkit.alipay.AlipayRequest;
import dev.tenderkit.alipay.AlipayRequestFactory;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Client-side CPU of one Alipay pay call, network excluded: build the trade.pay request and sign
 * it, then verify a pre-signed success answer on its raw text, parse and classify it
 * ({@link #payCallCpu}); against the bare cryptography of the same bytes with the same provider —
 * one SHA256withRSA sign of the request's signing string and one verify of the answer's signed
 * text ({@link #bareSignAndVerify}). Bar (issue 6): the call ≤ 1.05 × the bare crypto. JDK provider.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class AlipayClientCpuBenchmark {
    private static final String METHOD = "alipay.trade.pay";

    private AlipayRequestFactory requests;
    private AlipayCredentials credentials;
    private String responseBody;
    private byte[] requestSignContent;
    private byte[] responseSignedText;
    private byte[] responseSignature;
    private KeyPair app;
    private KeyPair alipay;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        app = g.generateKeyPair();
        alipay = g.generateKeyPair();
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.of(app, alipay);
        credentials = AlipayCredentials.builder().appId("2021000000000001").appPrivateKey(keys.appPrivateKeyPem())
                .alipayPublicKey(keys.alipayPublicKeyPem()).build();
        requests = new AlipayRequestFactory(credentials,
                Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC));
        String node = "{\"code\":\"10000\",\"msg\":\"Success\",\"buyer_logon_id\":\"159****5620\","
                + "\"fund_bill_list\":[{\"amount\":\"88.00\",\"fund_channel\":\"PCREDIT\"}],"
                + "\"gmt_payment\":\"2026-11-25 10:00:00\",\"out_trade_no\":\"T0001MWWLRYWL00001\","
                + "\"receipt_amount\":\"88.00\",\"total_amount\":\"88.00\",\"trade_no\":\"2026112522001400000001\"}";
        responseSignedText = node.getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(alipay.getPrivate());
        s.update(responseSignedText);
        responseSignature = s.sign();
        responseBody = "{\"alipay_trade_pay_response\":" + node + ",\"sign\":\""
                + Base64.getEncoder().encodeToString(responseSignature) + "\"}";
        AlipayRequest sample = build();
        java.util.Map<String, String> signed = new java.util.TreeMap<>(sample.queryParams());
        signed.remove("sign");
        signed.put("biz_content", sample.bizContent());
        requestSignContent = credentials.signer().requestSignContent(signed).getBytes(StandardCharsets.UTF_8);
        AlipayOutcome o = AlipayCodes.classify(credentials.verifier().verifyResponse(responseBody, METHOD));
        if (!(o instanceof AlipayOutcome.Success)) {
            throw new IllegalStateException("the pre-signed answer must verify and classify as success: " + o);
        }
    }

    private AlipayRequest build() {
        return requests.build(AlipayBizRequest.TradePay.barCode("T0001MWWLRYWL00001", "281234567890123456",
                "咖啡 coffee", Money.parse("88.00")), Optional.empty());
    }

    @Benchmark
    public Object payCallCpu() {
        AlipayRequest request = build();
        AlipayOutcome outcome = AlipayCodes.classify(credentials.verifier().verifyResponse(responseBody, METHOD));
        if (!(outcome instanceof AlipayOutcome.Success success)) {
            throw new IllegalStateException(String.valueOf(outcome));
        }
        return new Object[] {request, success.reply().fundingSource()};
    }

    @Benchmark
    public boolean bareSignAndVerify() throws GeneralSecurityException {
        Signature sign = Signature.getInstance("SHA256withRSA");
        sign.initSign(app.getPrivate());
        sign.update(requestSignContent);
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(alipay.getPublic());
        verify.update(responseSignedText);
        return verify.verify(responseSignature) && signature.length > 0;
    }
}
