package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.CloseResult;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.RefundQueryResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.RefundResult;
import dev.tenderkit.core.payment.spi.ReverseResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.wechat.LoopbackWeChat.Signing;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeChatPayGatewayTest {
    private static final String CODEPAY = "/v3/pay/transactions/codepay";
    private static final String NO = "T20261203-0001";
    private static final String QUERY = "/v3/pay/transactions/out-trade-no/" + NO + "?mchid=" + Fixtures.MCHID;
    private static final TradeRef REF = new TradeRef(NO, "wechat-direct");
    private static final String PAID = "{\"appid\":\"" + Fixtures.APPID + "\",\"mchid\":\"" + Fixtures.MCHID
            + "\",\"out_trade_no\":\"" + NO + "\",\"transaction_id\":\"4200000001\",\"trade_type\":\"MICROPAY\","
            + "\"trade_state\":\"SUCCESS\",\"bank_type\":\"CMB_CREDIT\",\"success_time\":\"2026-12-03T12:00:05+08:00\","
            + "\"amount\":{\"total\":1234,\"payer_total\":1234,\"currency\":\"CNY\"}}";

    private LoopbackWeChat wechat;
    private WeChatPayGateway gateway;

    @BeforeEach
    void start() throws Exception {
        wechat = new LoopbackWeChat(Fixtures.WeChatSide.publicKey(), Clock.systemUTC());
        gateway = WeChatPayGateway.builder().credentials(Fixtures.publicKeyMode())
                .transport(GatewayTransport.builder().callTimeout(Duration.ofSeconds(10)).build())
                .baseUrl(wechat.url()).deviceId("POS-01").storeId("S-0001").build();
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private static PayRequest pay() {
        return new PayRequest(REF, Money.ofFen(1234), PaymentCodeClassifier.standard().classify("134567890123456789"), "咖啡 ☕ + 蛋糕",
                PaymentMethods.WECHAT_PAY, Optional.empty(), true);
    }

    @Test
    void aPaidCodepayIsPaidWithTheFundingWeChatReports() {
        wechat.answer(CODEPAY, 200, PAID);
        PayResult.Paid p = assertInstanceOf(PayResult.Paid.class, gateway.pay(pay()));
        assertEquals("4200000001", p.payment().gatewayTradeNo());
        assertEquals(Money.ofFen(1234), p.payment().amount());
        assertEquals("CMB_CREDIT", p.payment().fundingSource().channelCode());
        assertTrue(p.payment().fundingSource().credit());
        LoopbackWeChat.Received r = wechat.received.get(0);
        assertTrue(r.signatureValid(), "the official verifier accepts our request signature");
        assertEquals(Fixtures.PUB_KEY_ID, r.wechatpaySerial());
        assertTrue(r.body().contains("\"scene_info\":{\"device_id\":\"POS-01\",\"store_info\":{\"out_id\":\"S-0001\"}}"),
                r.body());
        assertTrue(r.body().contains("\"auth_code\":\"134567890123456789\""));
    }

    @Test
    void userPayingAnsweredTwoHundredOrTwoHundredTwoAwaitsTheBuyer() {
        wechat.answer(CODEPAY, 202, "{\"trade_state\":\"USERPAYING\"}");
        assertInstanceOf(PayResult.AwaitingBuyer.class, gateway.pay(pay()));
        wechat.answer(CODEPAY, 200, "{\"trade_state\":\"USERPAYING\"}");
        assertInstanceOf(PayResult.AwaitingBuyer.class, gateway.pay(pay()));
    }

    @Test
    void aSignedRefusalIsDefiniteAndKeepsTheRawCode() {
        wechat.answer(CODEPAY, 403, "{\"code\":\"NOT_ENOUGH\",\"message\":\"用户账户余额不足\"}");
        PayResult.Declined d = assertInstanceOf(PayResult.Declined.class, gateway.pay(pay()));
        assertEquals(Cause.BUYER_INSUFFICIENT_FUNDS, d.error().cause());
        assertEquals("403", d.error().raw().code());
        assertEquals(Optional.of("NOT_ENOUGH"), d.error().raw().subCode());
    }

    @Test
    void anUnsignedForgedStaleOrProbeRefusalIsNeverAnOutcome() {
        for (Signing s : new Signing[] {Signing.UNSIGNED, Signing.FORGED, Signing.STALE, Signing.PROBE}) {
            wechat.answer(CODEPAY, 403, "{\"code\":\"NOT_ENOUGH\",\"message\":\"用户账户余额不足\"}", s);
            assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()), s.name());
            wechat.answer(CODEPAY, 200, PAID, s);
            assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()), s.name());
        }
    }

    @Test
    void systemErrorsRateLimitsAndFiveHundredsAreUnknown() {
        wechat.answer(CODEPAY, 500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}");
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()));
        wechat.answer(CODEPAY, 403, "{\"code\":\"BANK_ERROR\",\"message\":\"银行系统异常\"}");
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()));
        wechat.answer(CODEPAY, 429, "{\"code\":\"RATELIMIT_EXCEEDED\",\"message\":\"频率超限\"}");
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()));
        wechat.answer(CODEPAY, 502, "");
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()));
    }

    @Test
    void aConfigurationRefusalNamesTheSetting() {
        wechat.answer(CODEPAY, 400, "{\"code\":\"APPID_MCHID_NOT_MATCH\",\"message\":\"appid和mch_id不匹配\"}");
        PayResult.Declined d = assertInstanceOf(PayResult.Declined.class, gateway.pay(pay()));
        assertEquals(Cause.TERMINAL_NOT_CONFIGURED, d.error().cause());
        assertEquals(Optional.of("appid"), WeChatPayCodes.settingToFix(d.error().raw().subCode().orElseThrow()));
    }

    @Test
    void aSignedAnswerAboutAnotherTradeOrAmountIsUnknown() {
        wechat.answer(CODEPAY, 200, PAID.replace(NO, "T-OTHER"));
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()));
        wechat.answer(CODEPAY, 200, PAID.replace("\"total\":1234", "\"total\":1"));
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()));
        wechat.answer(CODEPAY, 200, PAID.replace(Fixtures.MCHID, "1900000002"));
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()));
    }

    @Test
    void outTradeNoUsedIsQueriedNotDeclined() {
        wechat.answer(CODEPAY, 403, "{\"code\":\"OUT_TRADE_NO_USED\",\"message\":\"商户订单号重复\"}");
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay()));
    }

    @Test
    void queryStatesMapToTheEnginesResults() {
        wechat.answer(QUERY, 200, PAID);
        assertInstanceOf(QueryResult.Paid.class, gateway.query(REF));
        for (String s : new String[] {"NOTPAY", "USERPAYING", "ACCEPT"}) {
            wechat.answer(QUERY, 200, state(s));
            assertInstanceOf(QueryResult.AwaitingBuyer.class, gateway.query(REF), s);
        }
        for (String s : new String[] {"CLOSED", "REVOKED"}) {
            wechat.answer(QUERY, 200, state(s));
            assertInstanceOf(QueryResult.Closed.class, gateway.query(REF), s);
        }
        wechat.answer(QUERY, 200, state("PAYERROR"));
        assertInstanceOf(QueryResult.Failed.class, gateway.query(REF));
        wechat.answer(QUERY, 404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}");
        assertInstanceOf(QueryResult.NotFound.class, gateway.query(REF));
        wechat.answer(QUERY, 404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}", Signing.UNSIGNED);
        assertInstanceOf(QueryResult.Unknown.class, gateway.query(REF));
        wechat.answer(QUERY, 200, state("SUCCESS").replace(NO, "T-OTHER"));
        assertInstanceOf(QueryResult.Unknown.class, gateway.query(REF));
    }

    private static String state(String s) {
        return "{\"mchid\":\"" + Fixtures.MCHID + "\",\"out_trade_no\":\"" + NO + "\",\"trade_state\":\"" + s + "\"}";
    }

    @Test
    void reverseCloseAndNative() {
        String base = "/v3/pay/transactions/out-trade-no/" + NO;
        wechat.answer(base + "/reverse", 200, "{\"recall\":true}");
        assertInstanceOf(ReverseResult.RetryLater.class, gateway.reverse(REF));
        wechat.answer(base + "/reverse", 200, "");
        assertInstanceOf(ReverseResult.Reversed.class, gateway.reverse(REF));
        wechat.answer(base + "/reverse", 500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"x\"}");
        assertInstanceOf(ReverseResult.Unknown.class, gateway.reverse(REF));
        wechat.answer(base + "/close", 204, "");
        assertInstanceOf(CloseResult.Closed.class, gateway.close(REF));
        wechat.answer(base + "/close", 204, "", Signing.FORGED);
        assertInstanceOf(CloseResult.Unknown.class, gateway.close(REF));
        wechat.answer("/v3/pay/transactions/native", 200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=abc\"}");
        PrecreateResult.Created c = assertInstanceOf(PrecreateResult.Created.class, gateway.precreate(
                new PrecreateRequest(REF, Money.ofFen(500), "扫码", PaymentMethods.WECHAT_PAY, Duration.ofMinutes(5), true)));
        assertEquals("weixin://wxpay/bizpayurl?pr=abc", c.qrCode());
    }

    @Test
    void refundsAndTheirStates() {
        String refunds = "/v3/refund/domestic/refunds";
        RefundRequest r = new RefundRequest(REF, "R1", Money.ofFen(200), Money.ofFen(1234), "退货");
        wechat.answer(refunds, 200, refund("SUCCESS", 200));
        assertEquals(Money.ofFen(200), assertInstanceOf(RefundResult.Refunded.class, gateway.refund(r)).amount());
        wechat.answer(refunds, 200, refund("PROCESSING", 200));
        assertInstanceOf(RefundResult.Accepted.class, gateway.refund(r));
        wechat.answer(refunds, 200, refund("SUCCESS", 100));
        assertInstanceOf(RefundResult.Unknown.class, gateway.refund(r));
        wechat.answer(refunds, 200, refund("SUCCESS", 200).replace("\"R1\"", "\"R2\""));
        assertInstanceOf(RefundResult.Unknown.class, gateway.refund(r));
        wechat.answer(refunds + "/R1", 200, refund("PROCESSING", 200));
        assertInstanceOf(RefundQueryResult.Processing.class, gateway.queryRefund(REF, "R1"));
        wechat.answer(refunds + "/R1", 200, refund("SUCCESS", 200));
        assertInstanceOf(RefundQueryResult.Refunded.class, gateway.queryRefund(REF, "R1"));
        wechat.answer(refunds + "/R1", 200, refund("CLOSED", 200));
        assertInstanceOf(RefundQueryResult.Failed.class, gateway.queryRefund(REF, "R1"));
        wechat.answer(refunds + "/R1", 200, refund("ABNORMAL", 200));
        assertEquals(Cause.BUYER_PAYMENT_DECLINED, assertInstanceOf(RefundQueryResult.Failed.class,
                gateway.queryRefund(REF, "R1")).error().cause());
        wechat.answer(refunds + "/R1", 404, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"退款单不存在\"}");
        assertInstanceOf(RefundQueryResult.NotFound.class, gateway.queryRefund(REF, "R1"));
        assertTrue(wechat.received.stream().allMatch(LoopbackWeChat.Received::signatureValid));
    }

    private static String refund(String status, long fen) {
        return "{\"refund_id\":\"50000001\",\"out_refund_no\":\"R1\",\"transaction_id\":\"4200000001\",\"out_trade_no\":\""
                + NO + "\",\"status\":\"" + status + "\",\"amount\":{\"refund\":" + fen + ",\"total\":1234,"
                + "\"currency\":\"CNY\"}}";
    }
}
