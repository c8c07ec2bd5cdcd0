package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.api.internal.util.AlipaySignature;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestFactoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-31T16:30:05Z"), ZoneOffset.UTC);
    private final AlipayRequestFactory factory = new AlipayRequestFactory(Fixtures.publicKeyMode(), CLOCK);
    private final String appPub = Fixtures.base64("app-public.pem");

    private static Map<String, String> parse(String encoded) {
        Map<String, String> m = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** What Alipay's gateway does: all query and body parameters, the official SDK's content, our sign. */
    private boolean officialCheckPasses(AlipayRequest req) throws Exception {
        Map<String, String> all = parse(req.queryString());
        all.putAll(parse(req.formBody()));
        String sign = all.remove("sign");
        return AlipaySignature.rsaCheck(AlipaySignature.getSignContent(all), sign, appPub, "utf-8", "RSA2");
    }

    @Test
    void commonParamsGoInTheQueryBizContentInTheBodyAndTheTimestampIsBeijingTime() throws Exception {
        AlipayRequest req = factory.build(AlipayBizRequest.TradePay.barCode("T_1", "286648848691290423", "花呗 & 测试 = 1+1 / 😀",
                Money.parse("88.00")), Optional.of("https://pos.example/notify?a=1&b=2"));
        Map<String, String> q = parse(req.queryString());
        assertEquals("2026-02-01 00:30:05", q.get("timestamp"));
        assertEquals(List.of("app_id", "method", "format", "charset", "sign_type", "timestamp", "version", "notify_url", "sign"),
                List.copyOf(req.queryParams().keySet()));
        assertEquals("alipay.trade.pay", q.get("method"));
        assertEquals("JSON", q.get("format"));
        assertEquals("utf-8", q.get("charset"));
        assertEquals("RSA2", q.get("sign_type"));
        assertEquals("1.0", q.get("version"));
        assertFalse(q.containsKey("biz_content"));
        assertEquals("{\"out_trade_no\":\"T_1\",\"scene\":\"bar_code\",\"auth_code\":\"286648848691290423\","
                + "\"product_code\":\"FACE_TO_FACE_PAYMENT\",\"subject\":\"花呗 & 测试 = 1+1 / 😀\",\"total_amount\":\"88.00\"}",
                parse(req.formBody()).get("biz_content"));
        assertTrue(officialCheckPasses(req));
        assertFalse(req.toString().contains(req.sign()));
    }

    @Test
    void certificateModeSendsAndSignsBothSerialNumbers() throws Exception {
        AlipayCredentials cert = Fixtures.certificateMode();
        AlipayRequest req = new AlipayRequestFactory(cert, CLOCK).build(new AlipayBizRequest.TradeQuery("T_1"), Optional.empty());
        assertEquals(cert.appCertSn().orElseThrow(), req.queryParams().get("app_cert_sn"));
        assertEquals(cert.alipayRootCertSn().orElseThrow(), req.queryParams().get("alipay_root_cert_sn"));
        assertTrue(officialCheckPasses(req));
    }

    @Test
    void huabeiInstallmentsAndCreditRestrictionAreWritten() {
        var pay = AlipayBizRequest.TradePay.barCode("T_2", "281234567890123456", "s", Money.parse("600.00"))
                .withInstallments(new InstallmentPlan(6, FeeBearer.SELLER));
        String biz = factory.bizContent(pay);
        assertTrue(biz.contains("\"extend_params\":{\"hb_fq_num\":\"6\",\"hb_fq_seller_percent\":\"100\"}"), biz);
        assertFalse(biz.contains("disable_pay_channels"));
        var buyerPays = AlipayBizRequest.TradePrecreate.of("T_3", "s", Money.parse("300.00"));
        buyerPays = new AlipayBizRequest.TradePrecreate(buyerPays.outTradeNo(), buyerPays.subject(), buyerPays.totalAmount(),
                Optional.of(new InstallmentPlan(3, FeeBearer.BUYER)), true, Optional.of("2m"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertTrue(factory.bizContent(buyerPays).contains("\"hb_fq_num\":\"3\",\"hb_fq_seller_percent\":\"0\""));
        String noCredit = factory.bizContent(AlipayBizRequest.TradePay.barCode("T_4", "281234567890123456", "s",
                Money.parse("1.00")).withoutCredit());
        assertTrue(noCredit.contains("\"disable_pay_channels\":\"" + AlipayBizRequest.CREDIT_CHANNELS + "\""));
        assertThrows(InvalidInputException.class, () -> AlipayBizRequest.TradePay.barCode("T_5", "281234567890123456", "s",
                Money.parse("1.00")).withInstallments(new InstallmentPlan(24, FeeBearer.BUYER)));
        assertThrows(InvalidInputException.class, () -> AlipayBizRequest.TradePay.barCode("T_5", "281234567890123456", "s",
                Money.parse("1.00")).withoutCredit().withInstallments(new InstallmentPlan(3, FeeBearer.BUYER)));
    }

    @Test
    void everyMethodBuildsAndVerifiesWithTheOfficialChecker() throws Exception {
        List<AlipayBizRequest> all = List.of(
                AlipayBizRequest.TradePay.barCode("T_1", "251234567890123456", "s", Money.parse("0.01")),
                AlipayBizRequest.TradePrecreate.of("T_1", "s", Money.parse("100000000.00")),
                new AlipayBizRequest.TradeQuery("T_1"), new AlipayBizRequest.TradeCancel("T_1"),
                new AlipayBizRequest.TradeClose("T_1"),
                new AlipayBizRequest.TradeRefund("T_1", Money.parse("1.50"), "R1", Optional.of("退货 & 换货")),
                new AlipayBizRequest.TradeRefundQuery("T_1", "R1"));
        for (AlipayBizRequest b : all) {
            AlipayRequest req = factory.build(b, Optional.empty());
            assertEquals(b.method(), req.queryParams().get("method"));
            assertTrue(officialCheckPasses(req), b.method());
        }
        assertTrue(factory.bizContent(all.get(5)).contains("\"refund_amount\":\"1.50\",\"out_request_no\":\"R1\""));
        assertEquals("alipay.trade.fastpay.refund.query", all.get(6).method());
    }

    @Test
    void generatedSubjectsSignAsTheOfficialSdkExpects() throws Exception {
        Random r = new Random(5L);
        for (int i = 0; i < 100; i++) {
            String subject = OfficialSdkInteropTest.randomText(r, 10);
            if (subject.isBlank()) {
                continue;
            }
            AlipayRequest req = factory.build(AlipayBizRequest.TradePay.barCode("T_" + i, "301234567890123456", subject,
                    Money.ofFen(1 + r.nextInt(1_000_000))), Optional.empty());
            assertTrue(officialCheckPasses(req), subject);
        }
    }

    @Test
    void theTimestampFollowsTheClockFromOneSecondToTheNext() throws Exception {
        Instant[] now = {Instant.parse("2026-01-31T16:30:05.900Z")};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AlipayRequestFactory f = new AlipayRequestFactory(Fixtures.publicKeyMode(), moving);
        AlipayBizRequest q = new AlipayBizRequest.TradeQuery("T_1");
        assertEquals("2026-02-01 00:30:05", f.build(q, Optional.empty()).queryParams().get("timestamp"));
        now[0] = Instant.parse("2026-01-31T16:30:06.000Z");
        AlipayRequest next = f.build(q, Optional.empty());
        assertEquals("2026-02-01 00:30:06", next.queryParams().get("timestamp"));
        assertTrue(officialCheckPasses(next));
        now[0] = Instant.parse("2026-01-31T16:30:04.999Z");
        assertEquals("2026-02-01 00:30:04", f.build(q, Optional.empty()).queryParams().get("timestamp"));
    }

    @Test
    void badBusinessFieldsAreRefusedBeforeSigning() {
        Money one = Money.parse("1.00");
        assertEquals(ErrorCode.INVALID_PAYMENT_CODE, assertThrows(InvalidInputException.class,
                () -> AlipayBizRequest.TradePay.barCode("T", "134567890123456789", "s", one)).code());
        assertThrows(InvalidInputException.class, () -> AlipayBizRequest.TradePay.barCode("T-1", "281234567890123456", "s", one));
        assertThrows(InvalidInputException.class, () -> AlipayBizRequest.TradePay.barCode("T", "281234567890123456", " ", one));
        assertEquals(ErrorCode.INVALID_AMOUNT, assertThrows(InvalidInputException.class,
                () -> AlipayBizRequest.TradePrecreate.of("T", "s", Money.ZERO)).code());
        assertThrows(InvalidInputException.class, () -> AlipayBizRequest.TradePrecreate.of("T", "s", Money.parse("100000000.01")));
        assertThrows(InvalidInputException.class, () -> new AlipayBizRequest.TradeRefund("T", one, "", Optional.empty()));
        assertThrows(InvalidInputException.class, () -> factory.build(new AlipayBizRequest.TradeQuery("T"), Optional.of(" ")));
    }
}
