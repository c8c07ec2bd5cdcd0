package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The benchmark hook does what the gateway does before and after the transport: the request it
 * renders is the factory's, its signature covers exactly the sign content it reports, and a pay
 * call succeeds only on a verified success.
 */
class AlipayBenchmarkHookTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
    private static final String NODE = "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"T0001\","
            + "\"fund_bill_list\":[{\"amount\":\"88.00\",\"fund_channel\":\"PCREDIT\"}],"
            + "\"total_amount\":\"88.00\",\"trade_no\":\"2026112522001400000001\"}";

    private final AlipayCredentials credentials = AlipayCredentials.builder().appId("2021000000000001")
            .appPrivateKey(KEYS.appPrivateKeyPem()).alipayPublicKey(KEYS.alipayPublicKeyPem()).build();
    private final AlipayBenchmarkHook hook = AlipayBenchmarkHook.barCodePay(credentials, CLOCK, "T0001",
            "281234567890123456", "咖啡 coffee", Money.parse("88.00"));

    private static String answer(String node) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(KEYS.alipayKeyPair().getPrivate());
        s.update(NODE.getBytes(StandardCharsets.UTF_8));
        return "{\"alipay_trade_pay_response\":" + node + ",\"sign\":\""
                + Base64.getEncoder().encodeToString(s.sign()) + "\"}";
    }

    @Test
    void aPayCallRendersTheFactorysRequestAndReadsTheVerifiedFundingSource() throws Exception {
        Object[] out = hook.payCall(answer(NODE));
        AlipayRequest expected = new AlipayRequestFactory(credentials, CLOCK).build(
                AlipayBizRequest.TradePay.barCode("T0001", "281234567890123456", "咖啡 coffee", Money.parse("88.00")),
                Optional.empty());
        assertEquals(expected.queryString(), out[0]);
        assertEquals(expected.formBody(), new String((byte[]) out[1], StandardCharsets.UTF_8));
        assertTrue(((FundingSource) out[2]).credit(), "PCREDIT: Huabei");
    }

    @Test
    void theReportedSignContentIsWhatTheRequestsSignatureCovers() throws Exception {
        AlipayRequest request = new AlipayRequestFactory(credentials, CLOCK).build(
                AlipayBizRequest.TradePay.barCode("T0001", "281234567890123456", "咖啡 coffee", Money.parse("88.00")),
                Optional.empty());
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(KEYS.appKeyPair().getPublic());
        v.update(hook.requestSignContent().getBytes(StandardCharsets.UTF_8));
        assertTrue(v.verify(Base64.getDecoder().decode(request.sign())));
    }

    @Test
    void anAnswerChangedAfterSigningIsNoSuccess() throws Exception {
        String tampered = answer(NODE.replace("\"88.00\"", "\"98.00\""));
        assertFalse(hook.isVerifiedSuccess(tampered));
        assertThrows(IllegalStateException.class, () -> hook.payCall(tampered));
    }
}
