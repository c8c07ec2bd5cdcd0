package dev.tenderkit.alipay;

import dev.tenderkit.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * <strong>Benchmark hook, not API.</strong> The client-side CPU of one {@code alipay.trade.pay}
 * call without the network, for {@code benchmarks}' {@code AlipayClientCpuBenchmark}: the request
 * built and signed, its query string and form body rendered as {@link AlipayGateway} sends them,
 * and a pre-signed answer verified on its raw text and classified. What it calls
 * ({@code AlipayRequestFactory}, {@code AlipayVerifier}, {@code AlipayCodes}) is package-private,
 * so this one public class lives beside it in the package, in sdk-alipay's <em>test</em> sources:
 * it is shipped only in the {@code sdk-alipay} test jar (classifier {@code tests}, holding this
 * class alone), which only the benchmarks depend on, never in the sdk-alipay jar or its module.
 * May change with the benchmark at any time. Not thread-safe (one per benchmark thread).
 */
public final class AlipayBenchmarkHook {
    /** The API method the hook builds and whose answer it verifies. */
    public static final String METHOD = "alipay.trade.pay";

    private final AlipayCredentials credentials;
    private final AlipayRequestFactory requests;
    private final String outTradeNo;
    private final String authCode;
    private final String subject;
    private final Money amount;

    private AlipayBenchmarkHook(AlipayCredentials credentials, Clock clock, String outTradeNo, String authCode,
            String subject, Money amount) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.requests = new AlipayRequestFactory(credentials, clock);
        this.outTradeNo = outTradeNo;
        this.authCode = authCode;
        this.subject = subject;
        this.amount = amount;
    }

    /**
     * A bar-code pay call, built the same way every time.
     *
     * @param credentials the app's credentials (and the JCA provider chosen in them)
     * @param clock where the request's {@code timestamp} comes from
     * @param outTradeNo the trade number
     * @param authCode the buyer's payment code
     * @param subject the order subject
     * @param amount the amount
     * @return the hook
     */
    public static AlipayBenchmarkHook barCodePay(AlipayCredentials credentials, Clock clock, String outTradeNo,
            String authCode, String subject, Money amount) {
        return new AlipayBenchmarkHook(credentials, clock, outTradeNo, authCode, subject, amount);
    }

    private AlipayRequest build() {
        return requests.build(AlipayBizRequest.TradePay.barCode(outTradeNo, authCode, subject, amount), Optional.empty());
    }

    /**
     * The measured work of one call: build and sign the request, render its query string and its
     * form body's bytes, verify the answer's raw text, parse and classify it.
     *
     * @param responseBody the answer as received
     * @return the query string, the form body's bytes and the answer's funding source, for the
     *     benchmark to return to JMH
     * @throws IllegalStateException if the answer does not verify and classify as a success
     */
    public Object[] payCall(String responseBody) {
        AlipayRequest request = build();
        String query = request.queryString();
        byte[] form = request.formBody().getBytes(StandardCharsets.UTF_8);
        AlipayOutcome outcome = AlipayCodes.classify(credentials.verifier().verifyResponse(responseBody, METHOD));
        if (!(outcome instanceof AlipayOutcome.Success success)) {
            throw new IllegalStateException(String.valueOf(outcome));
        }
        return new Object[] {query, form, success.reply().fundingSource()};
    }

    /**
     * @param responseBody an answer
     * @return whether it verifies and classifies as a success
     */
    public boolean isVerifiedSuccess(String responseBody) {
        return AlipayCodes.classify(credentials.verifier().verifyResponse(responseBody, METHOD))
                instanceof AlipayOutcome.Success;
    }

    /**
     * @return the string the request's {@code sign} signs (every parameter but {@code sign}, and
     *     {@code biz_content}), for the benchmark's bare-crypto baseline over the same bytes
     */
    public String requestSignContent() {
        AlipayRequest sample = build();
        Map<String, String> signed = new TreeMap<>(sample.queryParams());
        signed.remove("sign");
        signed.put("biz_content", sample.bizContent());
        return AlipaySigner.requestSignContent(signed);
    }
}
