package dev.tenderkit.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.transport.http.GatewayRequest;
import dev.tenderkit.transport.http.HttpHeaders;
import dev.tenderkit.transport.http.HttpOutcome;
import dev.tenderkit.transport.http.LogRedaction;
import dev.tenderkit.transport.http.UnknownReason;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two log lines of a call carry what an operator needs and nothing a thief could use. */
class CallLogTest {

    private final CallLog log = new CallLog(new Redactor(LogRedaction.DEFAULT));

    @Test
    void theRequestLineMasksTheCodeAndDropsTheAuthorizationHeader() {
        GatewayRequest request = GatewayRequest.post("wechat.micropay", URI.create("https://api.mch.weixin.qq.com/v3/pay"))
                .header("Authorization", "WECHATPAY2-SHA256-RSA2048 mchid=\"1900\",signature=\"abc\"")
                .body("application/json", "{\"auth_code\":\"134567890123456789\",\"amount\":1}".getBytes(StandardCharsets.UTF_8))
                .build();

        String line = log.requestLine(request);

        assertEquals("wechat.micropay -> POST https://api.mch.weixin.qq.com/v3/pay headers{Authorization: <redacted>} "
                + "body: {\"auth_code\":\"1345**********6789\",\"amount\":1}", line);
    }

    @Test
    void theResponseLineShortensTheSignature() {
        String body = "{\"alipay_trade_pay_response\":{\"code\":\"10000\"},\"sign\":\"" + "S".repeat(344) + "\"}";
        HttpOutcome.Response response = new HttpOutcome.Response(200,
                new HttpHeaders(Map.of("Content-Type", List.of("text/html;charset=utf-8"))),
                body.getBytes(StandardCharsets.UTF_8), body);

        String line = log.outcomeLine("alipay.trade.pay", response, Duration.ofMillis(35));

        assertTrue(line.startsWith("alipay.trade.pay <- 200 in 35 ms body: "), line);
        assertTrue(line.contains("\"sign\":\"SSSSSSSS...(344 chars)\""), line);
        assertFalse(line.contains("S".repeat(9)), line);
    }

    @Test
    void theOutcomeLineNamesAnUnknownOutcome() {
        String line = log.outcomeLine("alipay.trade.pay",
                new HttpOutcome.OutcomeUnknown(UnknownReason.READ_TIMEOUT, new SocketTimeoutException("timeout")),
                Duration.ofMillis(300));

        assertEquals("alipay.trade.pay <- OUTCOME UNKNOWN (READ_TIMEOUT) in 300 ms: SocketTimeoutException: timeout", line);
    }
}
