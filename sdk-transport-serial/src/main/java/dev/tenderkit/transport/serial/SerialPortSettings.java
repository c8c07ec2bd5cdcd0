package dev.tenderkit.transport.serial;

import dev.tenderkit.core.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How to drive a serial port: speed, character format, flow control and write timeout. Built by
 * {@link #builder()}, which starts from 9600 8N1 without flow control (the usual default of
 * barcode scanners and receipt printers) and validates on {@link Builder#build()}.
 *
 * <p>There is no read timeout: reads are event-driven (bytes are delivered as they arrive), so the
 * timeouts that matter for reading belong to the protocol on top: the inter-byte timeout of
 * {@link dev.tenderkit.transport.serial.frame.FrameChannel} and of the scanner's lines, the
 * response timeout of the ECR link.
 *
 * @param baudRate bits per second, e.g. 9600 or 115200
 * @param dataBits data bits per character, 5 to 8
 * @param parity the parity bit
 * @param stopBits stop bits per character
 * @param flowControl how the line paces the sender
 * @param writeTimeout how long a write may block before it counts as failed
 */
public record SerialPortSettings(int baudRate, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl,
        Duration writeTimeout) {

    /** 9600 baud, 8 data bits, no parity, 1 stop bit, no flow control, 2 s write timeout. */
    public static final SerialPortSettings DEFAULT = builder().build();

    /** Checks nothing is null; validation of values happens in the builder. */
    public SerialPortSettings {
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flowControl, "flowControl");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
    }

    /** @return a builder starting from {@link #DEFAULT}'s values */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the time one character takes on the wire at these settings, in nanoseconds */
    public long nanosPerCharacter() {
        int bits = 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + (stopBits == StopBits.ONE ? 1 : 2);
        return bits * 1_000_000_000L / baudRate;
    }

    /** @return e.g. {@code 9600 8N1} */
    @Override
    public String toString() {
        String stop = switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
        return baudRate + " " + dataBits + parity.name().charAt(0) + stop
                + (flowControl == FlowControl.NONE ? "" : " " + flowControl);
    }

    /** Builds {@link SerialPortSettings}; not thread-safe. */
    public static final class Builder {
        private int baudRate = 9600;
        private int dataBits = 8;
        private Parity parity = Parity.NONE;
        private StopBits stopBits = StopBits.ONE;
        private FlowControl flowControl = FlowControl.NONE;
        private Duration writeTimeout = Duration.ofSeconds(2);

        private Builder() {
        }

        /** @param baudRate 50 to 4,000,000, default 9600 @return this builder */
        public Builder baudRate(int baudRate) {
            this.baudRate = baudRate;
            return this;
        }

        /** @param dataBits 5 to 8, default 8 @return this builder */
        public Builder dataBits(int dataBits) {
            this.dataBits = dataBits;
            return this;
        }

        /** @param parity default {@link Parity#NONE} @return this builder */
        public Builder parity(Parity parity) {
            this.parity = Objects.requireNonNull(parity, "parity");
            return this;
        }

        /** @param stopBits default {@link StopBits#ONE} @return this builder */
        public Builder stopBits(StopBits stopBits) {
            this.stopBits = Objects.requireNonNull(stopBits, "stopBits");
            return this;
        }

        /** @param flowControl default {@link FlowControl#NONE} @return this builder */
        public Builder flowControl(FlowControl flowControl) {
            this.flowControl = Objects.requireNonNull(flowControl, "flowControl");
            return this;
        }

        /** @param writeTimeout 1 ms to 60 s, default 2 s @return this builder */
        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
            return this;
        }

        /**
         * @return the settings
         * @throws ConfigurationException naming the first setting that cannot work
         */
        public SerialPortSettings build() {
            if (baudRate < 50 || baudRate > 4_000_000) {
                throw new ConfigurationException("baudRate", baudRate + " is outside 50..4000000; "
                        + "scanners and printers usually run at 9600, ECR links at 9600 to 115200");
            }
            if (dataBits < 5 || dataBits > 8) {
                throw new ConfigurationException("dataBits", dataBits + " is outside 5..8");
            }
            if (stopBits == StopBits.ONE_POINT_FIVE && dataBits != 5) {
                throw new ConfigurationException("stopBits", "1.5 stop bits only exist with 5 data bits, not "
                        + dataBits + "; use ONE or TWO");
            }
            if (writeTimeout.toMillis() < 1 || writeTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new ConfigurationException("writeTimeout", writeTimeout + " is outside 1 ms..60 s");
            }
            return new SerialPortSettings(baudRate, dataBits, parity, stopBits, flowControl, writeTimeout);
        }
    }
}
