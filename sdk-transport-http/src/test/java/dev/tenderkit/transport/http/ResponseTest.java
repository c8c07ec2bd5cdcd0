package dev.tenderkit.transport.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole responses come back as they were received, whatever their status; none is followed or repeated. */
class ResponseTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI gateway() {
        return server.url("/gateway.do").uri();
    }

    @Test
    void aPostRoundTripSendsTheBodyAndReturnsTheExactReceivedText() throws Exception {
        String body = "{\"alipay_trade_pay_response\":{\"code\":\"10000\",\"msg\":\"Success\",\"url\":\"https:\\/\\/x\"},"
                + "\"sign\":\"c2lnbmF0dXJl\"}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html;charset=utf-8")
                .body(body).build());

        HttpOutcome outcome = Requests.patientTransport().build().execute(GatewayRequest.post("alipay.trade.pay", gateway())
                .header("X-Request-Id", "r-1")
                .body("application/x-www-form-urlencoded; charset=utf-8",
                        Requests.PAY_FORM.getBytes(StandardCharsets.UTF_8)).build());

        HttpOutcome.Response response = assertInstanceOf(HttpOutcome.Response.class, outcome);
        assertEquals(200, response.status());
        assertEquals(body, response.rawBody(), "the escaped slash is kept as received");
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals("text/html;charset=utf-8", response.headers().first("CONTENT-TYPE").orElseThrow());
        RecordedRequest recorded = server.takeRequest(30, TimeUnit.SECONDS);
        assertEquals("POST", recorded.getMethod());
        assertEquals(Requests.PAY_FORM, recorded.getBody().utf8());
        assertEquals("r-1", recorded.getHeaders().get("X-Request-Id"));
    }

    @Test
    void aBadGatewayIsAResponseForTheCallerToJudge() {
        server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());

        HttpOutcome outcome = Requests.patientTransport().build().execute(Requests.pay(gateway()));

        HttpOutcome.Response response = assertInstanceOf(HttpOutcome.Response.class, outcome);
        assertEquals(502, response.status());
        assertEquals("bad gateway", response.rawBody());
    }

    @Test
    void aServiceUnavailableWithRetryAfterZeroIsNotResent() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
        server.enqueue(new MockResponse.Builder().code(200).body("second").build());

        HttpOutcome outcome = Requests.patientTransport().build().execute(Requests.pay(gateway()));

        assertEquals(503, assertInstanceOf(HttpOutcome.Response.class, outcome).status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aRequestTimeoutAnswerIsNotResent() {
        server.enqueue(new MockResponse.Builder().code(408).build());
        server.enqueue(new MockResponse.Builder().code(200).body("second").build());

        HttpOutcome outcome = Requests.patientTransport().build().execute(Requests.pay(gateway()));

        assertEquals(408, assertInstanceOf(HttpOutcome.Response.class, outcome).status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aRedirectIsReturnedNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/elsewhere").build());
        server.enqueue(new MockResponse.Builder().code(200).body("second").build());

        HttpOutcome outcome = Requests.patientTransport().build().execute(Requests.pay(gateway()));

        assertEquals(307, assertInstanceOf(HttpOutcome.Response.class, outcome).status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void theBodyIsDecodedWithTheCharsetTheServerNamed() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=GBK")
                .body(new okio.Buffer().write("{\"msg\":\"支付成功\"}".getBytes(java.nio.charset.Charset.forName("GBK"))))
                .build());

        HttpOutcome outcome = Requests.patientTransport().build().execute(Requests.pay(gateway()));

        assertEquals("{\"msg\":\"支付成功\"}", assertInstanceOf(HttpOutcome.Response.class, outcome).rawBody());
    }
}
