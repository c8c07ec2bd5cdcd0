package dev.tenderkit.benchmarks.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.response.AlipayTradePayResponse;
import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.benchmarks.CryptoProvider;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * What {@link AlipayPayCallBenchmark} measures, runnable on its own (and tested): a loopback HTTP
 * server that answers every request with one pre-signed {@code alipay.trade.pay} success (code
 * 10000, signed with the "Alipay" key of freshly generated key pairs), the official SDK's
 * {@code DefaultAlipayClient} (RSA2, public-key mode, so it verifies the answer's signature) and
 * TenderKit's {@code AlipayGateway} with the JDK's provider and with Conscrypt, all pointed at it.
 *
 * <p>The server does no work per request beyond HTTP: it reads the request and writes the same
 * bytes back. It runs on the same two cores as the client, so its CPU is in every figure, for
 * both SDKs alike. Each pay method fails unless the answer was verified and is a success, so an
 * error path can never be measured by mistake.
 */
public final class LoopbackPayCall implements AutoCloseable {
    static final String APP_ID = "2021000000000001";
    static final String SUBJECT = "咖啡 coffee";
    static final String AMOUNT = "88.00";

    private final HttpServer server;
    private final URI gatewayUrl;
    private final DefaultAlipayClient official;
    private final AlipayGateway tenderkitJdk;
    private final AlipayGateway tenderkitConscrypt;
    private final PayRequest payRequest;

    private LoopbackPayCall(SimulatedAlipayKeys keys, boolean tamper) throws IOException, GeneralSecurityException {
        byte[] answer = signedAnswer(keys, tamper);
        server = serve(answer);
        gatewayUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do");

        // The official SDK logs a summary line of every call at INFO by default (to the console through
        // commons-logging and java.util.logging); TenderKit logs nothing above DEBUG. Its own switch turns
        // that off, so it is measured at its cheapest and the console is not in the loop.
        AlipayLogger.setNeedEnableLogger(false);
        official = new DefaultAlipayClient(gatewayUrl.toString(), APP_ID, keys.appPrivateKeyBase64(), "json", "utf-8",
                keys.alipayPublicKeyBase64(), "RSA2");
        GatewayTransport transport = GatewayTransport.builder().build();
        tenderkitJdk = gateway(keys, transport, CryptoProvider.JDK);
        tenderkitConscrypt = gateway(keys, transport.newBuilder().build(), CryptoProvider.CONSCRYPT);
        payRequest = new PayRequest(new TradeRef(PaySuccess.OUT_TRADE_NO, "alipay-direct"), Money.parse(AMOUNT),
                PaymentCodeClassifier.standard().classify(PaySuccess.AUTH_CODE), SUBJECT, PaymentMethods.ALIPAY,
                Optional.empty(), true);
    }

    /** @return the server and the three clients, on new key pairs */
    public static LoopbackPayCall start() {
        return start(SimulatedAlipayKeys.generate(), false);
    }

    /**
     * @param keys the app's and "Alipay"'s key pairs
     * @param tamper whether the server changes one character of the signed answer after signing
     *     (both clients must then refuse it: proof that they verify)
     * @return the server and the three clients
     */
    public static LoopbackPayCall start(SimulatedAlipayKeys keys, boolean tamper) {
        try {
            return new LoopbackPayCall(keys, tamper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private AlipayGateway gateway(SimulatedAlipayKeys keys, GatewayTransport transport, CryptoProvider provider) {
        AlipayCredentials.Builder b = AlipayCredentials.builder().appId(APP_ID).appPrivateKey(keys.appPrivateKeyPem())
                .alipayPublicKey(keys.alipayPublicKeyPem());
        provider.provider().ifPresent(b::provider);
        return AlipayGateway.builder().credentials(b.build()).transport(transport).gatewayUrl(gatewayUrl).build();
    }


    /** A loopback server answering every request to {@code /gateway.do} with {@code answer}; started. */
    static HttpServer serve(byte[] answer) throws IOException {
        // The JDK's server writes the headers and the body of an answer separately; without TCP_NODELAY
        // the body waits for the client's delayed ACK of the headers, about 40 ms on Linux, for every
        // call of either SDK. Read once, when the server's configuration class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/gateway.do", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(null); // answered on the server's dispatcher thread: one thread, no hand-off
        server.start();
        return server;
    }

    static byte[] signedAnswer(SimulatedAlipayKeys keys, boolean tamper) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keys.alipayKeyPair().getPrivate());
        s.update(PaySuccess.NODE.getBytes(StandardCharsets.UTF_8));
        String sign = Base64.getEncoder().encodeToString(s.sign());
        String node = tamper ? PaySuccess.NODE.replace("\"88.00\"", "\"98.00\"") : PaySuccess.NODE;
        return ("{\"alipay_trade_pay_response\":" + node + ",\"sign\":\"" + sign + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** @return where the server listens */
    public URI gatewayUrl() {
        return gatewayUrl;
    }

    /**
     * One pay call with the official SDK: {@code DefaultAlipayClient.execute(AlipayTradePayRequest)}.
     *
     * @return the response, verified by the official client (it throws on a bad signature)
     * @throws AlipayApiException as the official client does, e.g. "sign check fail"
     */
    public AlipayTradePayResponse payWithOfficialSdk() throws AlipayApiException {
        AlipayTradePayModel model = new AlipayTradePayModel();
        model.setOutTradeNo(PaySuccess.OUT_TRADE_NO);
        model.setScene("bar_code");
        model.setAuthCode(PaySuccess.AUTH_CODE);
        model.setSubject(SUBJECT);
        model.setTotalAmount(AMOUNT);
        AlipayTradePayRequest request = new AlipayTradePayRequest();
        request.setBizModel(model);
        AlipayTradePayResponse response = official.execute(request);
        if (!response.isSuccess() || !"10000".equals(response.getCode())
                || !PaySuccess.TRADE_NO.equals(response.getTradeNo())) {
            throw new IllegalStateException("the official client did not get the success: " + response.getBody());
        }
        return response;
    }

    /** @return one {@code AlipayGateway.pay} with the JDK's provider; fails unless paid */
    public PayResult.Paid payWithTenderKitJdk() {
        return paid(tenderkitJdk.pay(payRequest));
    }

    /** @return one {@code AlipayGateway.pay} with Conscrypt; fails unless paid */
    public PayResult.Paid payWithTenderKitConscrypt() {
        return paid(tenderkitConscrypt.pay(payRequest));
    }

    /** @return the raw result of one TenderKit pay call with the JDK's provider (for tests of failure) */
    public PayResult payWithTenderKitJdkUnchecked() {
        return tenderkitJdk.pay(payRequest);
    }

    private static PayResult.Paid paid(PayResult r) {
        if (!(r instanceof PayResult.Paid p) || !PaySuccess.TRADE_NO.equals(p.payment().gatewayTradeNo())) {
            throw new IllegalStateException("TenderKit did not get the verified success: " + r);
        }
        return p;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
