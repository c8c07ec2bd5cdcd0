package dev.tenderkit.benchmarks.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wechat.pay.java.core.exception.ValidationException;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import org.junit.jupiter.api.Test;

/**
 * What {@link WeChatCallBenchmark} measures reaches the verified answers with both SDKs, twice in a
 * row (the second on a pooled connection), and both refuse an answer changed after signing: so the
 * benchmark measures the calls with verification, never an error path.
 */
class LoopbackWeChatCallsTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayKeys.generate();

    @Test
    void everyClientGetsItsVerifiedAnswerTwice() {
        try (LoopbackWeChatCalls world = LoopbackWeChatCalls.start(KEYS, false)) {
            for (int i = 0; i < 2; i++) {
                assertEquals(WeChatTrade.CODE_URL, world.officialPrepay().getCodeUrl());
                assertEquals(WeChatTrade.TRANSACTION_ID, world.officialQuery().getTransactionId());
                assertEquals(WeChatTrade.CODE_URL, world.tenderKitJdkPrecreate().qrCode());
                assertEquals(WeChatTrade.TRANSACTION_ID, world.tenderKitJdkQuery().payment().gatewayTradeNo());
                assertEquals(WeChatTrade.CODE_URL, world.tenderKitConscryptPrecreate().qrCode());
                assertEquals(WeChatTrade.TRANSACTION_ID, world.tenderKitConscryptQuery().payment().gatewayTradeNo());
            }
        }
    }

    @Test
    void bothSdksRefuseAnAnswerChangedAfterSigning() {
        try (LoopbackWeChatCalls world = LoopbackWeChatCalls.start(KEYS, true)) {
            assertThrows(ValidationException.class, world::officialPrepay);
            assertThrows(ValidationException.class, world::officialQuery);
            assertInstanceOf(PrecreateResult.Unknown.class, world.tenderKitJdk().precreateUnchecked());
            assertInstanceOf(QueryResult.Unknown.class, world.tenderKitJdk().queryUnchecked());
        }
    }
}
