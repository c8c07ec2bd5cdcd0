package dev.tenderkit.transport.serial.scanner;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentCodeMask;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.serial.SerialLink;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a serial barcode scanner: each line (ended by the configured {@link LineTerminator})
 * becomes one {@link Scan}. A payment code of a known wallet becomes {@link Scan.Payment}, already
 * classified by {@link PaymentCodeClassifier}; any other clean line {@link Scan.Barcode}; anything
 * doubtful {@link Scan.Discarded}.
 *
 * <p>Line noise never becomes a payment code: a line with any control character, without the
 * configured prefix or suffix, too long, or not valid text is discarded; a line that stops in the
 * middle for longer than {@code lineTimeout} is discarded, and so is the line after it, which may
 * be the rest of the broken code. Codes are logged only masked ({@link PaymentCodeMask}).
 *
 * <p>Thread-safe. The link is typically a {@link dev.tenderkit.transport.serial.JSerialCommLink}
 * at {@link dev.tenderkit.transport.serial.SerialPortSettings#DEFAULT} (9600 8N1).
 */
public final class BarcodeScanner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BarcodeScanner.class);
    private static final byte CR = 0x0D;
    private static final byte LF = 0x0A;

    private final SerialLink link;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final LineTerminator terminator;
    private final byte[] prefix;
    private final byte[] suffix;
    private final Duration lineTimeout;
    private final int maxLineLength;
    private final PaymentCodeClassifier classifier;
    private final Charset charset;
    private final ScanListener listener;

    private final Object lock = new Object();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int lineLength;
    private boolean noisy;
    private boolean afterBrokenLine;
    private boolean lastWasCr;
    private long lastByteAtMillis;
    private TaskScheduler.Cancellable quietTimer;

    private BarcodeScanner(Builder b) {
        this.link = b.link;
        this.scheduler = b.scheduler;
        this.clock = b.scheduler.clock();
        this.terminator = b.terminator;
        this.prefix = b.prefix.getBytes(b.charset);
        this.suffix = b.suffix.getBytes(b.charset);
        this.lineTimeout = b.lineTimeout;
        this.maxLineLength = b.maxLineLength;
        this.classifier = b.classifier;
        this.charset = b.charset;
        this.listener = b.listener;
    }

    /** @param link the scanner's serial link @return a builder */
    public static Builder builder(SerialLink link) {
        return new Builder(link);
    }

    /** Opens the link and starts reading. */
    public void start() {
        link.open(this::onBytes);
    }

    /** @return the link, for its state */
    public SerialLink link() {
        return link;
    }

    private void onBytes(byte[] bytes) {
        List<Scan> scans = new ArrayList<>();
        synchronized (lock) {
            lastByteAtMillis = clock.millis();
            for (byte b : bytes) {
                accept(b, scans);
            }
            if (lineLength > 0 && quietTimer == null) {
                quietTimer = scheduler.schedule(this::lineWentQuiet, lineTimeout);
            }
        }
        tell(scans);
    }

    /** Under the lock. */
    private void accept(byte b, List<Scan> scans) {
        boolean previousWasCr = lastWasCr;
        lastWasCr = b == CR;
        switch (terminator) {
            case CR -> {
                if (b == CR) {
                    endLine(scans);
                    return;
                }
                if (b == LF && previousWasCr) {
                    return;
                }
            }
            case LF -> {
                if (b == LF) {
                    endLine(scans);
                    return;
                }
            }
            case CRLF -> {
                if (b == CR) {
                    return;
                }
                if (b == LF && previousWasCr) {
                    endLine(scans);
                    return;
                }
                if (previousWasCr) {
                    noisy = true; // a CR inside the line
                }
            }
        }
        if (b == LF || b == CR || (b >= 0 && b < 0x20) || b == 0x7F) {
            noisy = true;
        }
        lineLength++;
        if (lineLength <= maxLineLength) {
            line.write(b);
        }
    }

    /** Under the lock. */
    private void endLine(List<Scan> scans) {
        int length = lineLength;
        byte[] bytes = line.toByteArray();
        boolean wasNoisy = noisy;
        resetLine();
        if (afterBrokenLine) {
            afterBrokenLine = false;
            scans.add(discard(DiscardReason.AFTER_BROKEN_LINE, length));
            return;
        }
        if (length == 0) {
            return;
        }
        if (wasNoisy) {
            scans.add(discard(DiscardReason.CONTROL_CHARACTER, length));
        } else if (length > maxLineLength) {
            scans.add(discard(DiscardReason.TOO_LONG, length));
        } else if (!startsWith(bytes, prefix)) {
            scans.add(discard(DiscardReason.MISSING_PREFIX, length));
        } else if (!endsWith(bytes, suffix) || bytes.length < prefix.length + suffix.length) {
            scans.add(discard(DiscardReason.MISSING_SUFFIX, length));
        } else {
            scans.add(interpret(Arrays.copyOfRange(bytes, prefix.length, bytes.length - suffix.length), length));
        }
    }

    private Scan interpret(byte[] body, int length) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return discard(DiscardReason.UNDECODABLE, length);
        }
        if (text.isEmpty()) {
            return discard(DiscardReason.MISSING_SUFFIX, length);
        }
        if (classifier.walletOf(text).isPresent()) {
            Scan.Payment payment = new Scan.Payment(classifier.classify(text), clock.instant());
            log.debug("{}: scanned {}", link.name(), payment.code());
            return payment;
        }
        log.debug("{}: scanned a barcode that is no payment code: {}", link.name(), PaymentCodeMask.mask(text));
        return new Scan.Barcode(text, clock.instant());
    }

    private Scan discard(DiscardReason reason, int length) {
        log.debug("{}: discarded a line of {} bytes: {}", link.name(), length, reason);
        return new Scan.Discarded(reason, length, clock.instant());
    }

    private void lineWentQuiet() {
        List<Scan> scans = new ArrayList<>();
        synchronized (lock) {
            quietTimer = null;
            if (lineLength == 0) {
                return;
            }
            long quietFor = clock.millis() - lastByteAtMillis;
            if (quietFor < lineTimeout.toMillis()) {
                quietTimer = scheduler.schedule(this::lineWentQuiet,
                        Duration.ofMillis(lineTimeout.toMillis() - quietFor));
                return;
            }
            int length = lineLength;
            boolean alreadyBroken = afterBrokenLine;
            resetLine();
            afterBrokenLine = true;
            scans.add(discard(alreadyBroken ? DiscardReason.AFTER_BROKEN_LINE : DiscardReason.TIMED_OUT, length));
        }
        tell(scans);
    }

    /** Under the lock. */
    private void resetLine() {
        line.reset();
        lineLength = 0;
        noisy = false;
    }

    private void tell(List<Scan> scans) {
        for (Scan scan : scans) {
            listener.scanned(scan);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] start) {
        return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
    }

    private static boolean endsWith(byte[] bytes, byte[] end) {
        return bytes.length >= end.length
                && Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length);
    }

    /** Stops reading and closes the link. */
    @Override
    public void close() {
        synchronized (lock) {
            if (quietTimer != null) {
                quietTimer.cancel();
                quietTimer = null;
            }
        }
        link.close();
    }

    /** Builds a {@link BarcodeScanner}; {@link #build()} validates and names the setting at fault. */
    public static final class Builder {
        private final SerialLink link;
        private TaskScheduler scheduler;
        private LineTerminator terminator = LineTerminator.CR;
        private String prefix = "";
        private String suffix = "";
        private Duration lineTimeout = Duration.ofMillis(500);
        private int maxLineLength = 256;
        private PaymentCodeClassifier classifier = PaymentCodeClassifier.standard();
        private Charset charset = StandardCharsets.UTF_8;
        private ScanListener listener;

        private Builder(SerialLink link) {
            this.link = Objects.requireNonNull(link, "link");
        }

        /**
         * @param scheduler runs the line timeout; its clock stamps the scans; required
         * @return this builder
         */
        public Builder scheduler(TaskScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** @param terminator what ends each code, default {@link LineTerminator#CR} (accepts CR LF too) @return this builder */
        public Builder terminator(LineTerminator terminator) {
            this.terminator = Objects.requireNonNull(terminator, "terminator");
            return this;
        }

        /** @param prefix what the scanner sends before each code, default none @return this builder */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** @param suffix what the scanner sends after each code, before the terminator, default none @return this builder */
        public Builder suffix(String suffix) {
            this.suffix = Objects.requireNonNull(suffix, "suffix");
            return this;
        }

        /** @param lineTimeout quiet time after which a half-received line is dropped, 10 ms to 10 s, default 500 ms @return this builder */
        public Builder lineTimeout(Duration lineTimeout) {
            this.lineTimeout = Objects.requireNonNull(lineTimeout, "lineTimeout");
            return this;
        }

        /** @param maxLineLength longest line accepted, 8 to 8192 bytes, default 256 @return this builder */
        public Builder maxLineLength(int maxLineLength) {
            this.maxLineLength = maxLineLength;
            return this;
        }

        /** @param classifier recognises payment codes, default {@link PaymentCodeClassifier#standard()} @return this builder */
        public Builder classifier(PaymentCodeClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** @param charset how the scanner encodes text, default UTF-8 @return this builder */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /** @param listener gets every scan; required @return this builder */
        public Builder listener(ScanListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @return the scanner, not started
         * @throws ConfigurationException naming the first setting that cannot work
         */
        public BarcodeScanner build() {
            if (scheduler == null) {
                throw new ConfigurationException("scheduler", "is required: the line timeout runs on it");
            }
            if (listener == null) {
                throw new ConfigurationException("listener", "is required: it gets the scans");
            }
            if (lineTimeout.toMillis() < 10 || lineTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new ConfigurationException("lineTimeout", lineTimeout + " is outside 10 ms..10 s");
            }
            if (maxLineLength < 8 || maxLineLength > 8192) {
                throw new ConfigurationException("maxLineLength", maxLineLength + " is outside 8..8192");
            }
            checkAffix("prefix", prefix);
            checkAffix("suffix", suffix);
            return new BarcodeScanner(this);
        }

        private static void checkAffix(String setting, String value) {
            if (value.length() > 16) {
                throw new ConfigurationException(setting, "is " + value.length() + " characters; at most 16");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == 0x7F) {
                    throw new ConfigurationException(setting, "contains a control character at position " + (i + 1)
                            + "; terminators are set with terminator(...)");
                }
            }
        }
    }
}
