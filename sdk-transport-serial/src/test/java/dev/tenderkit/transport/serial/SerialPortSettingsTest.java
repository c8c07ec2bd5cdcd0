package dev.tenderkit.transport.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SerialPortSettingsTest {

    @Test
    void theDefaultIs9600EightNoneOneWithoutFlowControl() {
        assertEquals("9600 8N1", SerialPortSettings.DEFAULT.toString());
    }

    @Test
    void aCharacterAt115200With8N1TakesTenBitTimes() {
        SerialPortSettings fast = SerialPortSettings.builder().baudRate(115200).build();
        assertEquals(86_805, fast.nanosPerCharacter());
    }

    @Test
    void eachBadSettingIsNamed() {
        assertEquals("baudRate", assertThrows(ConfigurationException.class,
                () -> SerialPortSettings.builder().baudRate(0).build()).setting());
        assertEquals("dataBits", assertThrows(ConfigurationException.class,
                () -> SerialPortSettings.builder().dataBits(9).build()).setting());
        ConfigurationException stop = assertThrows(ConfigurationException.class,
                () -> SerialPortSettings.builder().stopBits(StopBits.ONE_POINT_FIVE).build());
        assertEquals("stopBits", stop.setting());
        assertTrue(stop.getMessage().contains("5 data bits"), stop.getMessage());
        assertEquals("writeTimeout", assertThrows(ConfigurationException.class,
                () -> SerialPortSettings.builder().writeTimeout(Duration.ZERO).build()).setting());
    }

    @Test
    void reconnectBackoffDoublesUpToItsMaximum() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(300));
        assertEquals(Duration.ofMillis(200), backoff.next(Duration.ofMillis(100)));
        assertEquals(Duration.ofMillis(300), backoff.next(Duration.ofMillis(200)));
        assertEquals("maxDelay", assertThrows(ConfigurationException.class,
                () -> new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(50))).setting());
    }
}
