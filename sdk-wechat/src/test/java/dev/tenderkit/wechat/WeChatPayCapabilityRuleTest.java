package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class WeChatPayCapabilityRuleTest {

    @Test
    void theRuleIsFoundThroughTheServiceLoader() {
        assertTrue(ServiceLoader.load(CapabilityRule.class).stream()
                .anyMatch(p -> p.type() == WeChatPayCapabilityRule.class));
    }

    @Test
    void theLimitIsWhatAThirtyTwoBitFenAmountHolds() {
        assertEquals(Integer.MAX_VALUE, WeChatPayCapabilityRule.MAX.fen());
        assertEquals("wechat.limits", new WeChatPayCapabilityRule().id());
    }

    @Test
    void theCodeTableKeepsBuyerMerchantAndConfigurationCausesApart() {
        assertEquals(Cause.BUYER_INSUFFICIENT_FUNDS, WeChatPayCodes.causeOf("NOT_ENOUGH").orElseThrow());
        assertEquals(Cause.MERCHANT_QUALIFICATION_MISSING, WeChatPayCodes.causeOf("NO_AUTH").orElseThrow());
        for (String c : new String[] {"APPID_MCHID_NOT_MATCH", "MCH_NOT_EXISTS", "SIGN_ERROR"}) {
            assertEquals(Cause.TERMINAL_NOT_CONFIGURED, WeChatPayCodes.causeOf(c).orElseThrow(), c);
            assertTrue(WeChatPayCodes.settingToFix(c).isPresent(), c);
        }
        assertTrue(WeChatPayCodes.isUnknown(403, java.util.Optional.of("BANK_ERROR")));
        assertTrue(WeChatPayCodes.isUnknown(429, java.util.Optional.empty()));
        assertTrue(WeChatPayCodes.isUnknown(503, java.util.Optional.empty()));
        assertTrue(!WeChatPayCodes.isUnknown(403, java.util.Optional.of("NOT_ENOUGH")));
    }

    @Test
    void weChatTimingPollsEveryFiveSecondsAndGivesUpAtFortyFive() {
        GatewayTiming t = WeChatPayGateway.TIMING;
        assertEquals(Duration.ofSeconds(5), t.queryInterval());
        assertEquals(Duration.ofSeconds(45), t.buyerDeadline());
    }
}
