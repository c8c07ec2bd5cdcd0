package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.alipay.AlipayNotification.Check;
import dev.tenderkit.alipay.AlipayNotification.CheckResult;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodesAndNotificationsTest {
    private final AlipayVerifier verifier = Fixtures.publicKeyMode().verifier();

    private AlipayOutcome outcome(String content) {
        return AlipayCodes.classify(verifier.verifyResponse(ResponseVerificationTest.body("alipay_trade_pay_response", content),
                "alipay.trade.pay"));
    }

    private Cause refusedCause(String subCode) {
        AlipayOutcome o = outcome("{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"" + subCode
                + "\",\"sub_msg\":\"失败\"}");
        AlipayOutcome.Refused r = assertInstanceOf(AlipayOutcome.Refused.class, o, subCode);
        assertEquals(new GatewayCode("40004", Optional.of(subCode), "失败"), r.error().raw());
        return r.error().cause();
    }

    @Test
    void codesMapToOutcomesAndCauses() {
        assertInstanceOf(AlipayOutcome.Success.class, outcome("{\"code\":\"10000\",\"msg\":\"Success\"}"));
        assertInstanceOf(AlipayOutcome.UserPaying.class, outcome("{\"code\":\"10003\",\"msg\":\"等待用户付款\"}"));
        AlipayOutcome.Unknown u = assertInstanceOf(AlipayOutcome.Unknown.class,
                outcome("{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\",\"sub_code\":\"isp.unknow-error\"}"));
        assertEquals("20000", u.raw().orElseThrow().code());
        assertInstanceOf(AlipayOutcome.Unknown.class, outcome("{\"code\":\"40004\",\"sub_code\":\"ACQ.SYSTEM_ERROR\"}"));
        assertInstanceOf(AlipayOutcome.Unknown.class, outcome("{\"code\":\"99999\"}"));
        assertInstanceOf(AlipayOutcome.Unknown.class, outcome("{\"msg\":\"no code\"}"));
        assertEquals(Cause.MERCHANT_QUALIFICATION_MISSING, refusedCause("ACQ.ACCESS_FORBIDDEN"));
        assertEquals(Cause.MERCHANT_CATEGORY_RESTRICTED, refusedCause("ACQ.RESTRICTED_MERCHANT_INDUSTRY"));
        assertEquals(Cause.AMOUNT_OUT_OF_RANGE, refusedCause("ACQ.TOTAL_FEE_EXCEED"));
        assertEquals(Cause.BUYER_INSUFFICIENT_FUNDS, refusedCause("ACQ.BUYER_BALANCE_NOT_ENOUGH"));
        assertEquals(Cause.BUYER_PAYMENT_CODE_INVALID, refusedCause("ACQ.PAYMENT_AUTH_CODE_INVALID"));
        assertEquals(Cause.BUYER_PAYMENT_DECLINED, refusedCause("ACQ.PAYMENT_REQUEST_HAS_RISK"));
        assertEquals(Cause.GATEWAY_REJECTED, refusedCause("ACQ.TRADE_HAS_SUCCESS"));
        assertTrue(new dev.tenderkit.core.payment.spi.GatewayError(refusedCause("ACQ.BUYER_BALANCE_NOT_ENOUGH"),
                GatewayCode.of("40004")).isBuyerSide());
    }

    @Test
    void fundingSourceComesFromFundBillsAndHuabeiInstallments() {
        AlipayOutcome.Success s = assertInstanceOf(AlipayOutcome.Success.class, outcome("{\"code\":\"10000\",\"trade_no\":\"2026\","
                + "\"total_amount\":\"600.00\",\"fund_bill_list\":[{\"amount\":\"10.00\",\"fund_channel\":\"COUPON\"},"
                + "{\"amount\":\"590.00\",\"fund_channel\":\"PCREDIT\",\"extra\":{\"a\":[1]}}],"
                + "\"hb_fq_pay_info\":{\"user_install_num\":\"6\"}}"));
        assertEquals(new FundingSource("PCREDIT", true, 6), s.reply().fundingSource());
        assertEquals(Money.parse("600.00"), Money.parse(s.reply().get("total_amount").orElseThrow()));
        AlipayOutcome.Success plain = assertInstanceOf(AlipayOutcome.Success.class, outcome("{\"code\":\"10000\","
                + "\"fund_bill_list\":[{\"amount\":\"1.00\",\"fund_channel\":\"ALIPAYACCOUNT\"}]}"));
        assertEquals(new FundingSource("ALIPAYACCOUNT", false, 0), plain.reply().fundingSource());
        assertEquals(FundingSource.UNSPECIFIED, AlipayReply.parse("{\"code\":\"10000\"}").fundingSource());
        assertEquals(new FundingSource("PCREDIT", true, 0),
                AlipayReply.parse("{\"fund_bill_list\":[{\"fund_channel\":\"PCREDIT\",\"amount\":\"1\"}]}").fundingSource());
    }

    private Map<String, String> signedNotification(Map<String, String> p) {
        Map<String, String> m = new HashMap<>(p);
        m.put("sign", ResponseVerificationTest.ALIPAY.sign(AlipayVerifier.notificationSignContent(p)));
        m.put("sign_type", "RSA2");
        return m;
    }

    @Test
    void notificationsAreVerifiedThenCheckedSayingWhichCheckFailed() {
        Map<String, String> p = new HashMap<>(Map.of("app_id", "2021000000000001", "out_trade_no", "T_1",
                "total_amount", "88.00", "seller_id", "2088000000000001", "trade_status", "TRADE_SUCCESS",
                "notify_id", "n1", "subject", "花呗 & = + /", "buyer_logon_id", ""));
        Map<String, String> signed = signedNotification(p);
        var v = assertInstanceOf(NotificationVerification.Verified.class, verifier.verifyNotification(signed));
        AlipayNotification n = v.notification();
        assertTrue(n.isPaid());
        assertEquals(Optional.of("n1"), n.notifyId());
        assertFalse(n.params().containsKey("sign"));
        assertTrue(signed.containsKey("sign"), "the caller's map is not modified");
        Map<String, Money> orders = Map.of("T_1", Money.parse("88.00"));
        assertInstanceOf(CheckResult.Passed.class, n.check("2021000000000001", "2088000000000001",
                k -> Optional.ofNullable(orders.get(k))));
        assertEquals(Check.APP_ID, failed(n.check("2021000000000002", "2088000000000001", k -> Optional.ofNullable(orders.get(k)))));
        assertEquals(Check.OUT_TRADE_NO, failed(n.check("2021000000000001", "2088000000000001", k -> Optional.empty())));
        assertEquals(Check.TOTAL_AMOUNT, failed(n.check("2021000000000001", "2088000000000001", k -> Optional.of(Money.parse("8.80")))));
        assertEquals(Check.SELLER_ID, failed(n.check("2021000000000001", "2088000000000009", k -> Optional.ofNullable(orders.get(k)))));

        Map<String, String> unsigned = new HashMap<>(signed);
        unsigned.remove("sign");
        assertEquals(NotificationVerification.Failure.SIGN_MISSING,
                assertInstanceOf(NotificationVerification.Unverified.class, verifier.verifyNotification(unsigned)).failure());
        Map<String, String> tampered = new HashMap<>(signed);
        tampered.put("total_amount", "0.01");
        assertEquals(NotificationVerification.Failure.BAD_SIGNATURE,
                assertInstanceOf(NotificationVerification.Unverified.class, verifier.verifyNotification(tampered)).failure());
    }

    private static Check failed(CheckResult r) {
        return assertInstanceOf(CheckResult.Failed.class, r).check();
    }
}
