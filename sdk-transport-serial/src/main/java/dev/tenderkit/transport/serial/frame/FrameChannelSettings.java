package dev.tenderkit.transport.serial.frame;

import dev.tenderkit.core.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FrameChannel} paces and bounds its stop-and-wait protocol: a validated, immutable
 * value, shareable between channels and threads. Build one with {@link #builder()} (or derive one
 * from another with {@link #toBuilder()}); the canonical constructor validates too, so no value
 * that cannot work exists.
 *
 * @param ackTimeout how long to wait for an ACK after writing a frame; a positive number of
 *     milliseconds; it must exceed the frame's time on the wire plus the peer's turnaround (a 4 KiB
 *     frame takes about 4.3 s at 9600 baud)
 * @param maxRetransmissions transmissions after the first before giving up, 0 to 10
 * @param interByteTimeout quiet time in the middle of a frame after which it is dropped; a
 *     positive number of milliseconds
 * @param maxPayloadLength largest payload sent or accepted, 0 to {@link #PAYLOAD_LIMIT}
 * @param maxQueuedFrames payloads that may wait behind the outstanding one, 0 to 1024
 */
public record FrameChannelSettings(Duration ackTimeout, int maxRetransmissions, Duration interByteTimeout,
        int maxPayloadLength, int maxQueuedFrames) {

    /** The largest {@code maxPayloadLength}: what a frame holds after the channel's own header. */
    public static final int PAYLOAD_LIMIT = FrameFormat.MAX_PAYLOAD_LENGTH - ChannelBody.HEADER_LENGTH;

    /** ACK timeout 1 s, 3 retransmissions, inter-byte timeout 200 ms, payloads up to 4096 bytes, 16 queued. */
    public static final FrameChannelSettings DEFAULT = builder().build();

    /**
     * @throws ConfigurationException naming the first setting that cannot work
     */
    public FrameChannelSettings {
        requirePositive("ackTimeout", ackTimeout);
        if (maxRetransmissions < 0 || maxRetransmissions > 10) {
            throw new ConfigurationException("maxRetransmissions", maxRetransmissions + " is outside 0..10");
        }
        requirePositive("interByteTimeout", interByteTimeout);
        if (maxPayloadLength < 0 || maxPayloadLength > PAYLOAD_LIMIT) {
            throw new ConfigurationException("maxPayloadLength", maxPayloadLength + " is outside 0.." + PAYLOAD_LIMIT);
        }
        if (maxQueuedFrames < 0 || maxQueuedFrames > 1024) {
            throw new ConfigurationException("maxQueuedFrames", maxQueuedFrames + " is outside 0..1024");
        }
    }

    /** @return a builder holding the defaults of {@link #DEFAULT} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings, to change some of them */
    public Builder toBuilder() {
        return new Builder().ackTimeout(ackTimeout).maxRetransmissions(maxRetransmissions)
                .interByteTimeout(interByteTimeout).maxPayloadLength(maxPayloadLength).maxQueuedFrames(maxQueuedFrames);
    }

    private static void requirePositive(String setting, Duration value) {
        if (value == null) {
            throw new ConfigurationException(setting, "is required");
        }
        if (value.isNegative() || value.toMillis() < 1) {
            throw new ConfigurationException(setting, value + " is not a positive number of milliseconds");
        }
    }

    /** Builds {@link FrameChannelSettings}. Not thread-safe; {@link #build()} names the setting at fault. */
    public static final class Builder {
        private Duration ackTimeout = Duration.ofMillis(1000);
        private int maxRetransmissions = 3;
        private Duration interByteTimeout = Duration.ofMillis(200);
        private int maxPayloadLength = 4096;
        private int maxQueuedFrames = 16;

        private Builder() {
        }

        /** @param ackTimeout see {@link FrameChannelSettings#ackTimeout()}; default 1 s @return this builder */
        public Builder ackTimeout(Duration ackTimeout) {
            this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
            return this;
        }

        /** @param maxRetransmissions 0 to 10, default 3 @return this builder */
        public Builder maxRetransmissions(int maxRetransmissions) {
            this.maxRetransmissions = maxRetransmissions;
            return this;
        }

        /** @param interByteTimeout see {@link FrameChannelSettings#interByteTimeout()}; default 200 ms @return this builder */
        public Builder interByteTimeout(Duration interByteTimeout) {
            this.interByteTimeout = Objects.requireNonNull(interByteTimeout, "interByteTimeout");
            return this;
        }

        /** @param maxPayloadLength 0 to {@link #PAYLOAD_LIMIT}, default 4096 @return this builder */
        public Builder maxPayloadLength(int maxPayloadLength) {
            this.maxPayloadLength = maxPayloadLength;
            return this;
        }

        /** @param maxQueuedFrames 0 to 1024, default 16 @return this builder */
        public Builder maxQueuedFrames(int maxQueuedFrames) {
            this.maxQueuedFrames = maxQueuedFrames;
            return this;
        }

        /**
         * @return the settings
         * @throws ConfigurationException naming the first setting that cannot work
         */
        public FrameChannelSettings build() {
            return new FrameChannelSettings(ackTimeout, maxRetransmissions, interByteTimeout, maxPayloadLength,
                    maxQueuedFrames);
        }
    }
}
