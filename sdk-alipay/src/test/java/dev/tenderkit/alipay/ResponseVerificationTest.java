package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.alipay.ResponseVerification.Failure;
import dev.tenderkit.alipay.ResponseVerification.Unverified;
import dev.tenderkit.alipay.ResponseVerification.Verified;
import java.security.PrivateKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseVerificationTest {
    static final PrivateKey ALIPAY_KEY = AlipayKeys.parseRsaPrivateKey("k", Fixtures.text("alipay-private-pkcs8.pem"));
    static final AlipaySigner ALIPAY = new AlipaySigner(ALIPAY_KEY, SignType.RSA2);
    private final AlipayVerifier verifier = Fixtures.publicKeyMode().verifier();

    static String body(String node, String content) {
        return "{\"" + node + "\":" + content + ",\"sign\":\"" + ALIPAY.sign(content) + "\"}";
    }

    private Failure failure(String body) {
        return assertInstanceOf(Unverified.class, verifier.verifyResponse(body, "alipay.trade.pay")).failure();
    }

    @Test
    void theRawNodeTextIsVerifiedNeverAReserialisation() {
        String content = "{\"code\":\"10000\", \"msg\":\"Success\",\"subject\":\"\\u82b1\\u5457 \\/ 花呗\",\"n\":{\"x\":\"}\"}}";
        Verified v = assertInstanceOf(Verified.class, verifier.verifyResponse(body("alipay_trade_pay_response", content), "alipay.trade.pay"));
        assertEquals(content, v.content());
        assertEquals("花呗 / 花呗", AlipayReply.parse(v).get("subject").orElseThrow());
    }

    @Test
    void errorResponseIsUsedOnlyWhenTheMethodNodeIsAbsent() {
        String content = "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-app-id\"}";
        Verified v = assertInstanceOf(Verified.class, verifier.verifyResponse(body("error_response", content), "alipay.trade.pay"));
        assertTrue(v.isErrorResponse());
    }

    @Test
    void duplicateNodesMissingOrEmptySignsAndGarbageAreNeverVerified() {
        String c = "{\"code\":\"10000\"}";
        String good = body("alipay_trade_pay_response", c);
        assertEquals(Failure.DUPLICATE_NODE, failure(good.replace("{\"alipay", "{\"alipay_trade_pay_response\":{\"code\":\"40004\"},\"alipay")));
        assertEquals(Failure.DUPLICATE_NODE, failure(good.substring(0, good.length() - 1) + ",\"x\":{\"alipay_trade_pay_response\":1}}"));
        assertEquals(Failure.SIGN_MISSING, failure("{\"alipay_trade_pay_response\":" + c + "}"));
        assertEquals(Failure.SIGN_MISSING, failure("{\"alipay_trade_pay_response\":" + c + ",\"sign\":\"\"}"));
        assertEquals(Failure.SIGN_MISSING, failure("{\"alipay_trade_pay_response\":" + c + ",\"sign\":null}"));
        assertEquals(Failure.BAD_SIGNATURE, failure("{\"alipay_trade_pay_response\":" + c + ",\"sign\":\"!!notbase64\"}"));
        assertEquals(Failure.BAD_SIGNATURE, failure(good.replace("10000", "10003")));
        assertEquals(Failure.NODE_MISSING, failure(body("alipay_trade_query_response", c)));
        assertEquals(Failure.MALFORMED_BODY, failure("<html>502 Bad Gateway</html>"));
        assertEquals(Failure.MALFORMED_BODY, failure(good + "x"));
        assertEquals(Failure.MALFORMED_BODY, failure("{\"alipay_trade_pay_response\":\"encrypted\",\"sign\":\"AA==\"}"));
        assertEquals(Failure.MALFORMED_BODY, failure("{\"alipay_trade_pay_response\":{\"code\":\"10000\"}"));
        assertEquals(Failure.MALFORMED_BODY, failure(""));
        Unverified u = assertInstanceOf(Unverified.class, verifier.verifyResponse(
                "{\"error_response\":{\"code\":\"40002\",\"sub_code\":\"isv.invalid-signature\"}}", "alipay.trade.pay"));
        assertTrue(u.nodeText().orElseThrow().contains("isv.invalid-signature"), "kept for diagnosis only");
        assertInstanceOf(AlipayOutcome.Unknown.class, AlipayCodes.classify(u));
    }

    @Test
    void escapedSlashesAreRetriedOnlyWhenPresent() {
        String signedText = "{\"code\":\"10000\",\"qr_code\":\"https://qr.alipay.com/abc\"}";
        String sent = signedText.replace("/", "\\/");
        String body = "{\"alipay_trade_precreate_response\":" + sent + ",\"sign\":\"" + ALIPAY.sign(signedText) + "\"}";
        Verified v = assertInstanceOf(Verified.class, verifier.verifyResponse(body, "alipay.trade.precreate"));
        assertEquals(sent, v.content());
        assertEquals("https://qr.alipay.com/abc", AlipayReply.parse(v).get("qr_code").orElseThrow());
    }

    @Test
    void certificateModeRejectsAnotherAlipayCertificate() {
        AlipayCredentials cert = Fixtures.certificateMode();
        String c = "{\"code\":\"10000\"}";
        String sn = cert.alipayCertSn().orElseThrow();
        String ok = "{\"alipay_trade_pay_response\":" + c + ",\"alipay_cert_sn\":\"" + sn + "\",\"sign\":\"" + ALIPAY.sign(c) + "\"}";
        assertInstanceOf(Verified.class, cert.verifier().verifyResponse(ok, "alipay.trade.pay"));
        Unverified u = assertInstanceOf(Unverified.class,
                cert.verifier().verifyResponse(ok.replace(sn, "0123456789abcdef0123456789abcdef"), "alipay.trade.pay"));
        assertEquals(Failure.UNKNOWN_ALIPAY_CERT, u.failure());
        assertEquals(Optional.of(sn), cert.alipayCertSn());
    }
}
