package dev.tenderkit.transport.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Requests and transports the tests share: tiny timeouts, a pay-like form body. */
final class Requests {

    static final String PAY_FORM = "app_id=2021000000000000&method=alipay.trade.pay&sign=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
            + "&biz_content=%7B%22auth_code%22%3A%22134567890123456789%22%2C%22total_amount%22%3A%2288.88%22%7D";

    private Requests() {
    }

    static GatewayRequest pay(URI url) {
        return GatewayRequest.post("alipay.trade.pay", url)
                .body("application/x-www-form-urlencoded; charset=utf-8", PAY_FORM.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * For tests that expect an answer: timeouts far beyond any loaded machine's delay, so that only the event the
     * test scripts (a hang, a reset) can end a call early.
     */
    static GatewayTransport.Builder patientTransport() {
        return GatewayTransport.builder()
                .connectTimeout(Duration.ofSeconds(20))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(90));
    }

    /** For tests that need a timeout to fire (a hang must end as a read timeout): short timeouts. */
    static GatewayTransport.Builder fastTransport() {
        return GatewayTransport.builder()
                .connectTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofMillis(300))
                .writeTimeout(Duration.ofMillis(500))
                .callTimeout(Duration.ofSeconds(5));
    }
}
