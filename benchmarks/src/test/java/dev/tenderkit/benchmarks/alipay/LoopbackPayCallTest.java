package dev.tenderkit.benchmarks.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.api.AlipayApiException;
import com.alipay.api.response.AlipayTradePayResponse;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import org.junit.jupiter.api.Test;

/**
 * The pay-call benchmark measures verified successes: every client reaches code 10000 through a
 * signature check, and refuses the same answer once one character of it is changed.
 */
class LoopbackPayCallTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();

    @Test
    void allThreeClientsGetTheVerifiedSuccessTwiceInARow() throws AlipayApiException {
        try (LoopbackPayCall world = LoopbackPayCall.start(KEYS, false)) {
            for (int i = 0; i < 2; i++) { // the second call goes over a kept-alive connection
                AlipayTradePayResponse official = world.payWithOfficialSdk();
                assertEquals("10000", official.getCode());
                assertEquals(PaySuccess.TRADE_NO, official.getTradeNo());
                for (PayResult.Paid paid : new PayResult.Paid[] {world.payWithTenderKitJdk(), world.payWithTenderKitConscrypt()}) {
                    assertEquals(PaySuccess.TRADE_NO, paid.payment().gatewayTradeNo());
                    assertEquals(Money.parse("88.00"), paid.payment().amount());
                    assertTrue(paid.payment().fundingSource().credit(), "PCREDIT: Huabei");
                }
            }
        }
    }

    @Test
    void aTamperedAnswerIsRefusedByBothSdksSoBothReallyVerify() {
        try (LoopbackPayCall world = LoopbackPayCall.start(KEYS, true)) {
            AlipayApiException e = assertThrows(AlipayApiException.class, world::payWithOfficialSdk);
            assertTrue(e.getMessage().contains("sign check fail"), e.getMessage());
            PayResult.Unknown unknown = assertInstanceOf(PayResult.Unknown.class, world.payWithTenderKitJdkUnchecked());
            assertTrue(unknown.reason().contains("BAD_SIGNATURE"), unknown.reason());
            assertThrows(IllegalStateException.class, world::payWithTenderKitConscrypt);
        }
    }
}
