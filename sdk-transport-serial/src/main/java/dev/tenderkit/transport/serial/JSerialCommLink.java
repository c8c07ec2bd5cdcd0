package dev.tenderkit.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.time.TaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SerialLink} on a real serial port through jSerialComm: a UART, a USB-serial adapter,
 * or a pseudo-terminal (opened by path, symlinks included; such ports are not enumerated by
 * jSerialComm, so always give the path).
 *
 * <p>Reads are event-driven only ({@code LISTENING_EVENT_DATA_RECEIVED}); this class never reads
 * synchronously, since jSerialComm must not mix the two. When jSerialComm reports the port
 * disconnected, or a write fails, the link moves to {@link LinkState#RECONNECTING}, closes the
 * port and tries to open the same path again as its {@link ReconnectBackoff} says, until the
 * device is back ({@link LinkState#OPEN} again) or {@link #close()} is called. Each attempt looks
 * the path up afresh, so a device that comes back under a new node behind the same symlink is
 * found.
 *
 * <p>jSerialComm extracts its native library to {@code java.io.tmpdir} on first use; on a terminal
 * whose /tmp is mounted noexec, point {@code java.io.tmpdir} (or {@code jSerialComm.library.path})
 * elsewhere.
 *
 * <p>Thread-safe. Received bytes arrive on jSerialComm's event thread; state changes are told on
 * the thread that noticed them (jSerialComm's, the scheduler's, a writer's or the closer's).
 */
public final class JSerialCommLink implements SerialLink {

    private static final Logger log = LoggerFactory.getLogger(JSerialCommLink.class);

    private final String path;
    private final SerialPortSettings settings;
    private final ReconnectBackoff backoff;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final LinkStateListeners listeners = new LinkStateListeners();
    private final Object lock = new Object();
    private final Object writeLock = new Object();

    private LinkState state = LinkState.CLOSED;
    private ByteReceiver receiver;
    private SerialPort port;
    private int generation;
    private boolean opened;
    private Duration retryDelay;
    private TaskScheduler.Cancellable retry;

    private JSerialCommLink(Builder b) {
        this.path = b.path;
        this.settings = b.settings;
        this.backoff = b.backoff;
        this.scheduler = b.scheduler;
        this.clock = b.scheduler.clock();
    }

    /**
     * @param path the port's path, e.g. {@code /dev/ttyS0}, {@code /dev/ttyUSB0}, {@code COM3} or a
     *     symlink to a pseudo-terminal
     * @return a builder with {@link SerialPortSettings#DEFAULT} and {@link ReconnectBackoff#DEFAULT}
     */
    public static Builder builder(String path) {
        return new Builder(path);
    }

    @Override
    public String name() {
        return path;
    }

    /** @return the settings the port is driven with */
    public SerialPortSettings settings() {
        return settings;
    }

    @Override
    public void open(ByteReceiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        LinkStateChange change;
        synchronized (lock) {
            if (opened) {
                throw new SerialTransportException(SerialFailure.ALREADY_OPENED, path + " was opened before");
            }
            this.receiver = receiver;
            SerialPort opening = openPort();
            if (opening == null) {
                throw new SerialTransportException(SerialFailure.PORT_UNAVAILABLE, path + " could not be opened with "
                        + settings + ": " + lastProblem);
            }
            opened = true;
            attach(opening);
            change = moveTo(LinkState.OPEN, "opened with " + settings);
        }
        tell(change);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        synchronized (writeLock) {
            SerialPort target;
            int writingGeneration;
            synchronized (lock) {
                if (state != LinkState.OPEN) {
                    throw new SerialTransportException(SerialFailure.NOT_OPEN, path + " is " + state);
                }
                target = port;
                writingGeneration = generation;
            }
            int written = 0;
            while (written < length) {
                int n = target.writeBytes(bytes, length - written, offset + written);
                if (n <= 0) {
                    String problem = "write failed after " + written + " of " + length + " bytes (error "
                            + target.getLastErrorCode() + ")";
                    lost(writingGeneration, problem);
                    throw new SerialTransportException(SerialFailure.WRITE_FAILED, path + ": " + problem);
                }
                written += n;
            }
        }
    }

    @Override
    public LinkState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public void addStateListener(LinkStateListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeStateListener(LinkStateListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        SerialPort old;
        LinkStateChange change = null;
        synchronized (lock) {
            opened = true;
            generation++;
            if (retry != null) {
                retry.cancel();
                retry = null;
            }
            old = port;
            port = null;
            if (state != LinkState.CLOSED) {
                change = moveTo(LinkState.CLOSED, "closed by its owner");
            }
        }
        closeQuietly(old);
        tell(change);
    }

    // ---- losing and finding the device ----

    private String lastProblem = "";

    /** Under the lock. @return the open port, or null with {@link #lastProblem} saying why */
    private SerialPort openPort() {
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            lastProblem = "no such port (" + e.getMessage() + ")";
            return null;
        }
        candidate.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(), parity());
        candidate.setFlowControl(flowControl());
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, (int) settings.writeTimeout().toMillis());
        if (!candidate.openPort()) {
            lastProblem = "the operating system refused (error " + candidate.getLastErrorCode() + " at "
                    + candidate.getLastErrorLocation() + "): missing device, permissions, or held by another process";
            return null;
        }
        return candidate;
    }

    /** Under the lock. */
    private void attach(SerialPort opened) {
        port = opened;
        int attached = ++generation;
        retryDelay = backoff.initialDelay();
        opened.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_DATA_RECEIVED | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                if (event.getEventType() == SerialPort.LISTENING_EVENT_DATA_RECEIVED) {
                    deliver(attached, event.getReceivedData());
                } else if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
                    lost(attached, "device disconnected");
                }
            }
        });
    }

    private void deliver(int from, byte[] bytes) {
        ByteReceiver to;
        synchronized (lock) {
            if (from != generation || state != LinkState.OPEN || bytes == null || bytes.length == 0) {
                return;
            }
            to = receiver;
        }
        to.received(bytes);
    }

    private void lost(int from, String why) {
        SerialPort old;
        LinkStateChange change;
        synchronized (lock) {
            if (from != generation || state != LinkState.OPEN) {
                return; // jSerialComm repeats the disconnect event until the port is closed
            }
            generation++;
            old = port;
            port = null;
            change = moveTo(LinkState.RECONNECTING, why);
            scheduleRetry();
        }
        log.warn("{}: {}; reconnecting", path, why);
        // Never close the port on jSerialComm's event thread: closing stops that thread.
        scheduler.schedule(() -> closeQuietly(old), Duration.ZERO);
        tell(change);
    }

    /** Under the lock. */
    private void scheduleRetry() {
        retry = scheduler.schedule(this::reconnect, retryDelay);
    }

    private void reconnect() {
        LinkStateChange change;
        synchronized (lock) {
            retry = null;
            if (state != LinkState.RECONNECTING) {
                return;
            }
            SerialPort back = openPort();
            if (back == null) {
                log.debug("{}: still unavailable ({}); next attempt in {} ms", path, lastProblem, retryDelay.toMillis());
                retryDelay = backoff.next(retryDelay);
                scheduleRetry();
                return;
            }
            attach(back);
            change = moveTo(LinkState.OPEN, "device back");
        }
        log.info("{}: device back; link open again", path);
        tell(change);
    }

    private void closeQuietly(SerialPort old) {
        if (old == null) {
            return;
        }
        try {
            old.removeDataListener();
            old.closePort();
        } catch (RuntimeException e) {
            log.debug("{}: closing the old port failed: {}", path, e.toString());
        }
    }

    /** Under the lock. */
    private LinkStateChange moveTo(LinkState next, String reason) {
        LinkStateChange change = new LinkStateChange(path, state, next, clock.instant(), reason);
        state = next;
        return change;
    }

    private void tell(LinkStateChange change) {
        listeners.tell(change);
    }

    private int stopBits() {
        return switch (settings.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private int parity() {
        return switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private int flowControl() {
        return switch (settings.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case DSR_DTR -> SerialPort.FLOW_CONTROL_DSR_ENABLED | SerialPort.FLOW_CONTROL_DTR_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }

    @Override
    public String toString() {
        return "JSerialCommLink[" + path + ' ' + settings + ' ' + state() + ']';
    }

    /**
     * Builds a {@link JSerialCommLink}. Not thread-safe; {@link #build()} validates and names the
     * first setting that cannot work.
     */
    public static final class Builder {
        private final String path;
        private SerialPortSettings settings = SerialPortSettings.DEFAULT;
        private ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;
        private TaskScheduler scheduler;

        private Builder(String path) {
            this.path = path;
        }

        /** @param settings speed, format, flow control; default 9600 8N1 @return this builder */
        public Builder settings(SerialPortSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** @param backoff how reconnection attempts are spaced @return this builder */
        public Builder reconnectBackoff(ReconnectBackoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * @param scheduler runs reconnection attempts and closes lost ports; its clock stamps state
         *     changes; required
         * @return this builder
         */
        public Builder scheduler(TaskScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * @return the link, closed until {@link JSerialCommLink#open} is called
         * @throws ConfigurationException ({@code "path"}) if the path is missing or blank,
         *     ({@code "scheduler"}) if no scheduler was given
         */
        public JSerialCommLink build() {
            if (path == null || path.isBlank()) {
                throw new ConfigurationException("path", "is " + (path == null ? "missing" : "blank")
                        + "; give the port's path, e.g. /dev/ttyS0, /dev/ttyUSB0 or COM3");
            }
            if (scheduler == null) {
                throw new ConfigurationException("scheduler", "is required: reconnection attempts run on it");
            }
            return new JSerialCommLink(this);
        }
    }
}
