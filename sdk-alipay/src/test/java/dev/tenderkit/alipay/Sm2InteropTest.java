package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.internal.util.AntCertificationUtil;
import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * SM2 (SM3withSM2 on BouncyCastle) against the official SDK's own SM2 code, which is the oracle:
 * request signatures we make verify with its checker, responses and notifications it signs verify
 * with ours and fail after any one-character change, certificate-mode serial numbers (SM2 root
 * filter) equal its own, and a whole pay call goes through {@link AlipayGateway} on a loopback
 * server whose answer the official SDK signed. SM2 signatures are randomised, so there is no
 * byte-equality check as for RSA2.
 */
class Sm2InteropTest {
    private static final String CHARSET = "utf-8";
    private static final String APP_ID = "2021000000000001";

    private final String appPrivB64 = Fixtures.base64("app-sm2-private.pem");
    private final String appPubB64 = Fixtures.base64("app-sm2-public.pem");
    private final String alipayPrivB64 = Fixtures.base64("alipay-sm2-private.pem");
    private final String alipayPubB64 = Fixtures.base64("alipay-sm2-public.pem");

    private AlipayCredentials publicKeyMode() {
        return AlipayCredentials.builder().appId(APP_ID).signType(SignType.SM2)
                .appPrivateKey(Fixtures.text("app-sm2-private.pem")).alipayPublicKey(Fixtures.text("alipay-sm2-public.pem"))
                .build();
    }

    @Test
    void ourSm2RequestSignaturesVerifyWithTheOfficialChecker() throws Exception {
        Random r = new Random(2026_11_25L);
        AlipaySigner signer = publicKeyMode().signer();
        assertEquals(SignType.SM2, signer.signType());
        for (int set = 0; set < OfficialSdkInteropTest.SETS; set++) {
            Map<String, String> params = OfficialSdkInteropTest.randomParams(r, "SM2");
            String sign = signer.signRequest(params);
            String content = AlipaySignature.getSignContent(new HashMap<>(params));
            assertEquals(content, AlipaySigner.requestSignContent(params), "content of set " + set);
            assertTrue(AlipaySignature.verify(content, sign, appPubB64, CHARSET, "SM2"), "set " + set);
            assertFalse(AlipaySignature.verify(content + "x", sign, appPubB64, CHARSET, "SM2"), "set " + set);
        }
    }

    @Test
    void sm2ResponsesAndNotificationsSignedByTheOfficialSdkVerifyWithOursAndAnyChangeFails() throws Exception {
        Random r = new Random(11L);
        AlipayVerifier verifier = publicKeyMode().verifier();
        for (int set = 0; set < OfficialSdkInteropTest.SETS; set++) {
            String content = OfficialSdkInteropTest.randomObject(r, 0);
            String sign = AlipaySignature.sign(content, alipayPrivB64, CHARSET, "SM2");
            String body = "{\"alipay_trade_query_response\":" + content + ",\"sign\":\"" + sign + "\"}";
            ResponseVerification.Verified ok = assertInstanceOf(ResponseVerification.Verified.class,
                    verifier.verifyResponse(body, "alipay.trade.query"), "set " + set);
            assertEquals(content, ok.content());
            int pos = body.indexOf(content) + r.nextInt(content.length());
            String changed = body.substring(0, pos) + (body.charAt(pos) == 'q' ? 'Q' : 'q') + body.substring(pos + 1);
            assertFalse(verifier.verifyResponse(changed, "alipay.trade.query") instanceof ResponseVerification.Verified,
                    "set " + set);
        }
        for (int set = 0; set < 200; set++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("app_id", APP_ID);
            params.put("out_trade_no", "S" + set);
            params.put("total_amount", (1 + r.nextInt(9999)) + ".00");
            params.put("trade_status", "TRADE_SUCCESS");
            params.put("subject", OfficialSdkInteropTest.randomText(r, 6));
            params.put("notify_id", Long.toHexString(r.nextLong()));
            params.put("sign", AlipaySignature.sign(AlipaySignature.getSignCheckContentV1(new HashMap<>(params)),
                    alipayPrivB64, CHARSET, "SM2"));
            params.put("sign_type", "SM2");
            assertTrue(AlipaySignature.rsaCheckV1(new HashMap<>(params), alipayPubB64, CHARSET, "SM2"));
            assertInstanceOf(NotificationVerification.Verified.class, verifier.verifyNotification(params), "set " + set);
            Map<String, String> changed = new HashMap<>(params);
            changed.put("total_amount", "0" + params.get("total_amount"));
            assertInstanceOf(NotificationVerification.Unverified.class, verifier.verifyNotification(changed), "set " + set);
        }
    }

    @Test
    void sm2CertificateModeSerialNumbersEqualTheOfficialSdks() throws Exception {
        AlipayCredentials c = AlipayCredentials.builder().appId(APP_ID).signType(SignType.SM2)
                .appPrivateKey(Fixtures.text("app-sm2-private.pem"))
                .certificates(Fixtures.text("app-sm2-cert.crt"), Fixtures.text("alipay-sm2-cert.crt"),
                        Fixtures.text("root-sm2-bundle.crt"))
                .build();
        assertTrue(c.isCertificateMode());
        assertEquals(AntCertificationUtil.getCertSN(AntCertificationUtil.getCertFromContent(Fixtures.text("app-sm2-cert.crt"))),
                c.appCertSn().orElseThrow());
        assertEquals(AntCertificationUtil.getCertSN(AntCertificationUtil.getCertFromContent(Fixtures.text("alipay-sm2-cert.crt"))),
                c.alipayCertSn().orElseThrow());
        String bundle = Fixtures.text("root-sm2-bundle.crt");
        String officialRoot = AntCertificationUtil.getRootCertSN(bundle, "SM2");
        assertEquals(officialRoot, c.alipayRootCertSn().orElseThrow());
        assertEquals(1, officialRoot.split("_").length, "only the SM2-signed root counts: " + officialRoot);
        // Under RSA2 the same bundle keeps only the RSA root — and the JDK alone cannot parse the SM2 one,
        // as with Alipay's real alipayRootCert.crt: the root SN skips it instead of failing the file.
        AlipayCredentials rsaCertMode = AlipayCredentials.builder().appId(APP_ID)
                .appPrivateKey(Fixtures.text("app-private-pkcs8.pem"))
                .certificates(Fixtures.text("app-cert.crt"), Fixtures.text("alipay-cert.crt"), bundle).build();
        assertEquals(AntCertificationUtil.getRootCertSN(bundle), rsaCertMode.alipayRootCertSn().orElseThrow());
        ConfigurationException strict = assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parseCertificates("root", bundle));
        assertTrue(strict.getMessage().contains("certificate 1 of 2") && strict.getMessage().contains("SM2"),
                strict.getMessage());
        // The certificate's key is the one the official SDK extracts, and signatures made with the
        // Alipay private key verify against it.
        String sign = AlipaySignature.sign("probe", alipayPrivB64, CHARSET, "SM2");
        assertTrue(c.verifier().verifies("probe", sign));
    }

    @Test
    void sm2MistakesAreNamed() {
        ConfigurationException rsaKeyForSm2 = assertThrows(ConfigurationException.class,
                () -> AlipayCredentials.builder().appId(APP_ID).signType(SignType.SM2)
                        .appPrivateKey(Fixtures.text("app-private-pkcs8.pem"))
                        .alipayPublicKey(Fixtures.text("alipay-sm2-public.pem")).build());
        assertEquals("appPrivateKey", rsaKeyForSm2.setting());
        assertTrue(rsaKeyForSm2.getMessage().contains("RSA2"), rsaKeyForSm2.getMessage());

        ConfigurationException sm2KeyForRsa = assertThrows(ConfigurationException.class,
                () -> AlipayCredentials.builder().appId(APP_ID)
                        .appPrivateKey(Fixtures.text("app-sm2-private.pem"))
                        .alipayPublicKey(Fixtures.text("alipay-public.pem")).build());
        assertEquals("appPrivateKey", sm2KeyForRsa.setting());
        assertTrue(sm2KeyForRsa.getMessage().contains("SM2"), sm2KeyForRsa.getMessage());

        ConfigurationException rsaPublicForSm2 = assertThrows(ConfigurationException.class,
                () -> AlipayCredentials.builder().appId(APP_ID).signType(SignType.SM2)
                        .appPrivateKey(Fixtures.text("app-sm2-private.pem"))
                        .alipayPublicKey(Fixtures.text("alipay-public.pem")).build());
        assertEquals("alipayPublicKey", rsaPublicForSm2.setting());

        ConfigurationException ownKey = assertThrows(ConfigurationException.class,
                () -> AlipayCredentials.builder().appId(APP_ID).signType(SignType.SM2)
                        .appPrivateKey(Fixtures.text("app-sm2-private.pem"))
                        .alipayPublicKey(Fixtures.text("app-sm2-public.pem")).build());
        assertEquals("alipayPublicKey", ownKey.setting());
        assertTrue(ownKey.getMessage().contains("应用公钥"), ownKey.getMessage());

        ConfigurationException rsaCertsForSm2 = assertThrows(ConfigurationException.class,
                () -> AlipayCredentials.builder().appId(APP_ID).signType(SignType.SM2)
                        .appPrivateKey(Fixtures.text("app-sm2-private.pem"))
                        .certificates(Fixtures.text("app-cert.crt"), Fixtures.text("alipay-sm2-cert.crt"),
                                Fixtures.text("root-sm2-bundle.crt")).build());
        assertEquals("appCertificate", rsaCertsForSm2.setting());

        String p256 = java.util.Base64.getEncoder().encodeToString(assertDoesNotThrow(
                () -> java.security.KeyPairGenerator.getInstance("EC")).generateKeyPair().getPublic().getEncoded());
        ConfigurationException otherCurve = assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parsePublicKey("alipayPublicKey", p256, SignType.SM2));
        assertTrue(otherCurve.getMessage().contains("another curve"), otherCurve.getMessage());

        String sec1 = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----\n";
        ConfigurationException sec1Key = assertThrows(ConfigurationException.class,
                () -> AlipayKeys.parsePrivateKey("appPrivateKey", sec1, SignType.SM2));
        assertTrue(sec1Key.getMessage().contains("pkcs8"), sec1Key.getMessage());
    }

    @Test
    void anSm2PayCallGoesThroughTheGatewayAgainstAnAnswerTheOfficialSdkSigned() throws Exception {
        String content = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026112522001400000000000001\","
                + "\"out_trade_no\":\"SM2_1\",\"buyer_logon_id\":\"159****5620\",\"total_amount\":\"88.00\","
                + "\"receipt_amount\":\"88.00\",\"gmt_payment\":\"2026-11-25 22:00:00\","
                + "\"fund_bill_list\":[{\"fund_channel\":\"ALIPAYACCOUNT\",\"amount\":\"88.00\"}]}";
        String answer = "{\"alipay_trade_pay_response\":" + content + ",\"sign\":\""
                + AlipaySignature.sign(content, alipayPrivB64, CHARSET, "SM2") + "\"}";
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/gateway.do", exchange -> {
            Map<String, String> params = new HashMap<>(form(exchange.getRequestURI().getRawQuery()));
            params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            seen.set(params);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            AlipayGateway gateway = AlipayGateway.builder().credentials(publicKeyMode())
                    .gatewayUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do"))
                    .transport(GatewayTransport.builder().callTimeout(Duration.ofSeconds(5)).build()).build();
            PayResult result = gateway.pay(new PayRequest(new TradeRef("SM2_1", "alipay-direct"), Money.parse("88.00"),
                    PaymentCodeClassifier.standard().classify("281234567890123456"), "咖啡", PaymentMethods.ALIPAY,
                    Optional.empty(), true));
            PayResult.Paid paid = assertInstanceOf(PayResult.Paid.class, result);
            assertEquals("2026112522001400000000000001", paid.payment().gatewayTradeNo());
            Map<String, String> request = seen.get();
            assertEquals("SM2", request.get("sign_type"));
            String sign = request.remove("sign");
            assertTrue(AlipaySignature.verify(AlipaySignature.getSignContent(request), sign, appPubB64, CHARSET, "SM2"),
                    "the official SDK accepts the request's SM2 signature");
        } finally {
            server.stop(0);
        }
    }

    private static Map<String, String> form(String raw) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
