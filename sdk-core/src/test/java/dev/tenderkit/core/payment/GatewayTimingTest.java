package dev.tenderkit.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayTimingTest {

    @Test
    void queriesStartAfterTheFirstDelayThenBackOffUpToTheMaximum() {
        GatewayTiming t = GatewayTiming.DEFAULT;
        assertEquals(Duration.ofSeconds(3), t.queryDelay(0));
        assertEquals(Duration.ofSeconds(3), t.queryDelay(1));
        assertEquals(Duration.ofMillis(4500), t.queryDelay(2));
        assertEquals(Duration.ofMillis(6750), t.queryDelay(3));
        assertEquals(Duration.ofSeconds(10), t.queryDelay(4));
        assertEquals(Duration.ofSeconds(10), t.queryDelay(1_000_000));
    }

    @Test
    void reversalRetriesDoubleUpToTheMaximum() {
        GatewayTiming t = GatewayTiming.DEFAULT;
        assertEquals(Duration.ofSeconds(2), t.reversalDelay(0));
        assertEquals(Duration.ofSeconds(4), t.reversalDelay(1));
        assertEquals(Duration.ofSeconds(256), t.reversalDelay(7));
        assertEquals(Duration.ofMinutes(5), t.reversalDelay(8));
        assertEquals(Duration.ofMinutes(5), t.reversalDelay(Integer.MAX_VALUE));
    }

    @Test
    void badSettingsAreRefusedByName() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new GatewayTiming(
                Duration.ZERO, Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 1));
        assertEquals("firstQueryAfter", e.setting());
        e = assertThrows(ConfigurationException.class, () -> new GatewayTiming(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Double.NaN, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 1));
        assertEquals("queryBackoff", e.setting());
        e = assertThrows(ConfigurationException.class, () -> new GatewayTiming(Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                Duration.ofSeconds(1), 0));
        assertEquals("reversalAttemptsBeforeAttention", e.setting());
    }

    @Test
    void aTimingIsBuiltByNameFromTheDefaultsAndAWrongSettingIsNamed() {
        GatewayTiming wechat = GatewayTiming.builder().firstQueryAfter(Duration.ofSeconds(5))
                .pollEvery(Duration.ofSeconds(5)).buyerDeadline(Duration.ofSeconds(45)).build();
        assertEquals(Duration.ofSeconds(5), wechat.queryDelay(0));
        assertEquals(Duration.ofSeconds(5), wechat.queryDelay(7));
        assertEquals(Duration.ofSeconds(45), wechat.buyerDeadline());
        assertEquals(GatewayTiming.DEFAULT.reversalRetry(), wechat.reversalRetry(), "what is not named stays default");
        assertEquals(GatewayTiming.DEFAULT, GatewayTiming.DEFAULT.toBuilder().build());
        dev.tenderkit.core.ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.tenderkit.core.ConfigurationException.class,
                () -> wechat.toBuilder().buyerDeadline(Duration.ZERO).build());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("buyerDeadline"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(dev.tenderkit.core.ConfigurationException.class,
                () -> GatewayTiming.builder().firstQueryAfter(null).build());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("firstQueryAfter"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(dev.tenderkit.core.ConfigurationException.class,
                () -> GatewayTiming.builder().attemptsBeforeAttention(0).build());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("reversalAttemptsBeforeAttention"),
                e.getMessage());
    }
}
