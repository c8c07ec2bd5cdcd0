package dev.tenderkit.transport.serial.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FrameChannelSettingsTest {

    @Test
    void theDefaultsAreOneSecondAckThreeRetransmissions200msQuiet4KiBAnd16Queued() {
        assertEquals(new FrameChannelSettings(Duration.ofSeconds(1), 3, Duration.ofMillis(200), 4096, 16),
                FrameChannelSettings.DEFAULT);
    }

    @Test
    void aDerivedValueChangesOnlyWhatWasSet() {
        FrameChannelSettings slow = FrameChannelSettings.DEFAULT.toBuilder().ackTimeout(Duration.ofSeconds(5)).build();
        assertEquals(new FrameChannelSettings(Duration.ofSeconds(5), 3, Duration.ofMillis(200), 4096, 16), slow);
        assertEquals(slow, slow.toBuilder().build());
    }

    @Test
    void noValueThatCannotWorkExistsAndTheSettingAtFaultIsNamed() {
        assertEquals("interByteTimeout", assertThrows(ConfigurationException.class,
                () -> FrameChannelSettings.builder().interByteTimeout(Duration.ofNanos(999_999)).build()).setting());
        assertEquals("maxQueuedFrames", assertThrows(ConfigurationException.class,
                () -> FrameChannelSettings.builder().maxQueuedFrames(1025).build()).setting());
        assertEquals("maxPayloadLength", assertThrows(ConfigurationException.class,
                () -> new FrameChannelSettings(Duration.ofSeconds(1), 3, Duration.ofMillis(200), -1, 16)).setting());
        assertEquals("ackTimeout", assertThrows(ConfigurationException.class,
                () -> new FrameChannelSettings(null, 3, Duration.ofMillis(200), 4096, 16)).setting());
        assertEquals(FrameChannelSettings.PAYLOAD_LIMIT,
                FrameChannelSettings.builder().maxPayloadLength(FrameChannelSettings.PAYLOAD_LIMIT).build()
                        .maxPayloadLength());
    }
}
