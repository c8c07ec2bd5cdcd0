package dev.tenderkit.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.transport.http.LogRedaction;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the DEBUG log may show: payment codes masked, signatures shortened, secrets gone. */
class RedactorTest {

    private static final String CODE = "134567890123456789";
    private static final String SIGN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/==";
    private final Redactor redactor = new Redactor(LogRedaction.DEFAULT);

    @Test
    void aPaymentCodeInsideBizContentOfAFormIsMasked() {
        String form = "sign=" + SIGN.replace("+", "%2B").replace("/", "%2F")
                + "&biz_content=%7B%22auth_code%22%3A%22" + CODE + "%22%2C%22total_amount%22%3A%2288.88%22%7D";

        String logged = redactor.body(Optional.of("application/x-www-form-urlencoded; charset=utf-8"), form);

        assertFalse(logged.contains(CODE), logged);
        assertTrue(logged.contains("\"auth_code\":\"1345**********6789\""), logged);
        assertTrue(logged.contains("\"total_amount\":\"88.88\""), logged);
        assertTrue(logged.contains("sign=AbCdEfGh...(40 chars)"), logged);
        assertFalse(logged.contains(SIGN), logged);
    }

    @Test
    void aPaymentCodeInJsonAsStringOrNumberIsMasked() {
        assertEquals("{\"auth_code\": \"1345**********6789\"}", redactor.json("{\"auth_code\": \"" + CODE + "\"}"));
        assertEquals("{\"auth_code\":1345**********6789}", redactor.json("{\"auth_code\":" + CODE + "}"));
    }

    @Test
    void aPaymentCodeInJsonNestedAsAStringIsMasked() {
        String nested = "{\"biz_content\":\"{\\\"auth_code\\\":\\\"" + CODE + "\\\"}\"}";

        String logged = redactor.json(nested);

        assertFalse(logged.contains(CODE), logged);
        assertTrue(logged.contains("1345**********6789"), logged);
    }

    @Test
    void configuredPaymentCodeFieldsAreMaskedToo() {
        Redactor custom = new Redactor(LogRedaction.DEFAULT.withPaymentCodeFields("barcode"));

        assertEquals("barcode=1345**********6789&auth_code=" + CODE, custom.form("barcode=" + CODE + "&auth_code=" + CODE));
    }

    @Test
    void theWalletsBillLinksAreDropped() {
        String alipay = redactor.json("{\"alipay_data_dataservice_bill_downloadurl_query_response\":{\"code\":\"10000\","
                + "\"bill_download_url\":\"https://dwbillcenter.alipay.com/downloadBillFile.resource?bizType=trade&t=9f3a\"}"
                + ",\"sign\":\"" + SIGN + "\"}");
        String wechat = redactor.json("{\"hash_type\":\"SHA1\",\"hash_value\":\"79bb0f45fc4c42234a918000b2668d689e2bde04\","
                + "\"download_url\":\"https://api.mch.weixin.qq.com/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG\"}");

        assertFalse(alipay.contains("dwbillcenter"), alipay);
        assertTrue(alipay.contains("\"bill_download_url\":\"<redacted>\""), alipay);
        assertFalse(wechat.contains("6XIv5TUPto7pByrTQKhd6kwvyKLG"), wechat);
        assertTrue(wechat.contains("\"download_url\":\"<redacted>\""), wechat);
        assertTrue(wechat.contains("79bb0f45"), "the hash is no secret: " + wechat);
    }

    @Test
    void secretFieldsAndAnythingNamedLikeAKeyAreDropped() {
        String logged = redactor.json("{\"private_key\":\"MIIEv\",\"apiKey\":\"k1\",\"client_secret\":\"s\",\"total\":1}");

        assertEquals("{\"private_key\":\"<redacted>\",\"apiKey\":\"<redacted>\",\"client_secret\":\"<redacted>\",\"total\":1}",
                logged);
    }

    @Test
    void credentialHeadersAreDroppedAndSignatureHeadersShortened() {
        assertEquals("<redacted>", redactor.header("Authorization", "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",signature=\"x\""));
        assertEquals("<redacted>", redactor.header("X-Api-Key", "k"));
        assertEquals("AbCdEfGh...(40 chars)", redactor.header("Wechatpay-Signature", SIGN));
        assertEquals("r-1", redactor.header("X-Request-Id", "r-1"));
    }

    @Test
    void theQueryStringOfAUrlIsRedactedAndUserInfoDropped() {
        String logged = redactor.url(URI.create("https://user:pw@openapi.alipay.com/gateway.do?app_id=1&sign=" + SIGN.substring(0, 20)
                + "&auth_code=" + CODE));

        assertEquals("https://openapi.alipay.com/gateway.do?app_id=1&sign=AbCdEfGh...(20 chars)&auth_code=1345**********6789",
                logged);
    }

    @Test
    void bodiesOfOtherTypesAreOnlyCounted() {
        assertEquals("<5 chars of application/octet-stream>", redactor.body(Optional.of("application/octet-stream"), "12345"));
    }

    @Test
    void longBodiesAreCut() {
        String logged = redactor.body(Optional.of("application/json"), "{\"memo\":\"" + "x".repeat(3_000) + "\"}");

        assertTrue(logged.endsWith("...(+1011 chars)"), logged.substring(logged.length() - 30));
    }
}
