package dev.tenderkit.transport.serial.printer;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.serial.SerialLink;
import dev.tenderkit.transport.serial.SerialTransportException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on a serial link: prints receipts and documents, and reads the
 * printer's status back with {@code DLE EOT} for the health checks.
 *
 * <p>Printing is a write: it returns when the bytes were handed to the port, not when the paper
 * came out. Whether the printer can print is what {@link #queryStatus()} tells, where the printer
 * answers; one that never answers is reported {@link PrinterCondition#NOT_ANSWERING} after
 * {@code statusTimeout}, not assumed ready.
 *
 * <p>Thread-safe.
 */
public final class ReceiptPrinter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPrinter.class);
    private static final byte[] OFFLINE_STATUS = {0x10, 0x04, 0x02};
    private static final byte[] PAPER_STATUS = {0x10, 0x04, 0x04};

    private final SerialLink link;
    private final TaskScheduler scheduler;
    private final Duration statusTimeout;
    private final ReceiptLayout layout;
    private final Object lock = new Object();

    private StatusQuery query;
    private volatile PrinterStatus lastStatus;

    private ReceiptPrinter(Builder b) {
        this.link = b.link;
        this.scheduler = b.scheduler;
        this.statusTimeout = b.statusTimeout;
        this.layout = new ReceiptLayout(b.columns);
    }

    /** @param link the printer's serial link @return a builder */
    public static Builder builder(SerialLink link) {
        return new Builder(link);
    }

    /** Opens the link. */
    public void start() {
        link.open(this::onBytes);
    }

    /** @return the link, for its state */
    public SerialLink link() {
        return link;
    }

    /**
     * Prints a sales receipt and cuts.
     *
     * @param receipt what to print
     * @throws SerialTransportException if the link is down or the write fails
     */
    public void print(SalesReceipt receipt) {
        print(layout.render(receipt, true));
    }

    /**
     * @param document any print job
     * @throws SerialTransportException if the link is down or the write fails
     */
    public void print(EscPosDocument document) {
        link.write(document.toBytes());
    }

    /**
     * @return the answer to the latest finished {@link #queryStatus()}, for health checks that must
     *     not talk to the device; empty before the first
     */
    public java.util.Optional<PrinterStatus> lastStatus() {
        return java.util.Optional.ofNullable(lastStatus);
    }

    /**
     * Asks the printer for its offline and paper-sensor status. A query already running is shared.
     *
     * @return completes with the status, {@link PrinterStatus#NOT_ANSWERING} if the printer did not
     *     answer within {@code statusTimeout} or the link is down; never exceptionally
     */
    public CompletableFuture<PrinterStatus> queryStatus() {
        StatusQuery q;
        synchronized (lock) {
            if (query != null) {
                return query.result;
            }
            q = new StatusQuery();
            query = q;
            q.timer = scheduler.schedule(() -> end(q, PrinterStatus.NOT_ANSWERING), statusTimeout);
        }
        if (!send(OFFLINE_STATUS)) {
            end(q, PrinterStatus.NOT_ANSWERING);
        }
        return q.result;
    }

    private boolean send(byte[] request) {
        try {
            link.write(request);
            return true;
        } catch (SerialTransportException e) {
            log.debug("{}: status request not sent: {}", link.name(), e.getMessage());
            return false;
        }
    }

    private void onBytes(byte[] bytes) {
        for (byte b : bytes) {
            int value = b & 0xFF;
            boolean askPaper = false;
            StatusQuery done = null;
            PrinterStatus status = null;
            synchronized (lock) {
                StatusQuery q = query;
                if (q == null || !PrinterStatus.isStatusByte(value)) {
                    continue; // not an answer to anything we asked: noise or an unsolicited byte
                }
                if (q.offline < 0) {
                    q.offline = value;
                    askPaper = true;
                } else {
                    done = q;
                    status = PrinterStatus.of(q.offline, value);
                }
            }
            if (askPaper && !send(PAPER_STATUS)) {
                synchronized (lock) {
                    done = query;
                }
                status = PrinterStatus.NOT_ANSWERING;
            }
            if (done != null) {
                end(done, status);
            }
        }
    }

    private void end(StatusQuery q, PrinterStatus status) {
        synchronized (lock) {
            if (query != q) {
                return;
            }
            query = null;
            q.timer.cancel();
            lastStatus = status;
        }
        if (status.condition() != PrinterCondition.READY) {
            log.warn("{}: printer {}", link.name(), status.condition());
        }
        q.result.complete(status);
    }

    /** Closes the link. */
    @Override
    public void close() {
        link.close();
    }

    /** A status query in progress. */
    private static final class StatusQuery {
        final CompletableFuture<PrinterStatus> result = new CompletableFuture<>();
        int offline = -1;
        TaskScheduler.Cancellable timer;
    }

    /** Builds a {@link ReceiptPrinter}; {@link #build()} validates and names the setting at fault. */
    public static final class Builder {
        private final SerialLink link;
        private TaskScheduler scheduler;
        private Duration statusTimeout = Duration.ofMillis(500);
        private int columns = 32;

        private Builder(SerialLink link) {
            this.link = Objects.requireNonNull(link, "link");
        }

        /** @param scheduler runs the status timeout; required @return this builder */
        public Builder scheduler(TaskScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** @param timeout how long to wait for the status answers, 10 ms to 10 s, default 500 ms @return this builder */
        public Builder statusTimeout(Duration timeout) {
            this.statusTimeout = Objects.requireNonNull(timeout, "statusTimeout");
            return this;
        }

        /** @param columns paper width in columns: 32 for 58 mm (default), 48 for 80 mm; 24 to 64 @return this builder */
        public Builder columns(int columns) {
            this.columns = columns;
            return this;
        }

        /**
         * @return the printer, not started
         * @throws ConfigurationException naming the first setting that cannot work
         */
        public ReceiptPrinter build() {
            if (scheduler == null) {
                throw new ConfigurationException("scheduler", "is required: the status timeout runs on it");
            }
            if (statusTimeout.toMillis() < 10 || statusTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new ConfigurationException("statusTimeout", statusTimeout + " is outside 10 ms..10 s");
            }
            if (columns < 24 || columns > 64) {
                throw new ConfigurationException("columns", columns + " is outside 24..64; 32 for 58 mm paper, "
                        + "48 for 80 mm");
            }
            return new ReceiptPrinter(this);
        }
    }
}
