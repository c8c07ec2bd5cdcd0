package dev.tenderkit.transport.serial.frame;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.serial.LinkState;
import dev.tenderkit.transport.serial.LinkStateChange;
import dev.tenderkit.transport.serial.LinkStateListener;
import dev.tenderkit.transport.serial.SerialLink;
import dev.tenderkit.transport.serial.SerialTransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliable delivery of payloads over a {@link SerialLink}, frame by frame: the layer the ECR link
 * is built on, reusable for any framed device.
 *
 * <p>Every payload travels in a {@link FrameFormat} frame whose body starts with a kind byte and a
 * sequence number; see {@link ChannelBody} for the exact layout. The protocol is stop-and-wait:
 *
 * <ul>
 *   <li>One data frame is outstanding at a time; later {@link #send}s queue behind it (at most
 *       {@code maxQueuedFrames}).
 *   <li>The receiver of an intact data frame answers ACK with its sequence number; of a damaged
 *       one (layout intact, check wrong, or cut short by a frame that began inside it), NAK.
 *   <li>The sender retransmits on NAK or when no ACK came within {@code ackTimeout}, at most
 *       {@code maxRetransmissions} times, marking each retransmission as such. Then it gives up:
 *       {@link SendOutcome.Unconfirmed}.
 *   <li>A retransmission whose sequence number equals that of the last data frame accepted from
 *       the peer is a duplicate (the ACK was lost): it is acknowledged again and not delivered. A
 *       first transmission is never a duplicate.
 *   <li>When the line goes quiet for {@code interByteTimeout} in the middle of a frame, the
 *       partial frame is dropped and the decoder resynchronises.
 *   <li>When the link leaves {@link LinkState#OPEN}, the outstanding frame ends
 *       {@link SendOutcome.Unconfirmed} ({@code LINK_LOST}) and queued ones
 *       {@link SendOutcome.NotSent}; nothing is retransmitted across a reconnection.
 * </ul>
 *
 * <p>Time comes only from the injected {@link TaskScheduler} and its clock (tests pass a
 * {@link dev.tenderkit.core.time.ManualTaskScheduler}, so they never sleep).
 *
 * <p>Thread-safe. Received payloads and send outcomes are handed over one at a time, in order,
 * never while the channel holds its lock.
 */
public final class FrameChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FrameChannel.class);

    private final SerialLink link;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final FrameChannelSettings settings;
    private final PayloadReceiver receiver;
    private final FrameChannelStats.Counters counts = new FrameChannelStats.Counters();

    private final Object lock = new Object();
    private final FrameDecoder decoder;
    private final HandOver handOver = new HandOver();
    private final FrameSender sender;
    private final LinkStateListener linkWatcher = this::linkChanged;

    private int lastAcceptedSequence = -1;
    private long lastByteAtMillis;
    private TaskScheduler.Cancellable quietTimer;
    private boolean started;
    private boolean closed;

    private FrameChannel(Builder b) {
        this.link = b.link;
        this.scheduler = b.scheduler;
        this.clock = b.scheduler.clock();
        this.settings = b.settings;
        this.receiver = b.receiver;
        this.sender = new FrameSender(lock, link, scheduler, settings, counts, handOver);
        this.decoder = new FrameDecoder(settings.maxPayloadLength() + ChannelBody.HEADER_LENGTH, new FrameDecoder.Listener() {
            @Override
            public void frame(byte[] body) {
                onBody(body);
            }

            @Override
            public void checkFailed() {
                sendNak();
            }

            @Override
            public void cutShort() {
                sendNak();
            }
        });
    }

    /**
     * @param link the link to speak over; {@link #start()} opens it
     * @return a builder with {@link FrameChannelSettings#DEFAULT}
     */
    public static Builder builder(SerialLink link) {
        return new Builder(link);
    }

    /**
     * Opens the link and starts receiving.
     *
     * @throws SerialTransportException if the link cannot be opened
     * @throws IllegalStateException if called twice
     */
    public void start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("start: the channel on " + link.name() + " was started before");
            }
            started = true;
        }
        link.addStateListener(linkWatcher);
        link.open(this::onBytes);
    }

    /**
     * Sends a payload reliably.
     *
     * @param payload at most {@code maxPayloadLength} bytes; copied
     * @return completes with the outcome, never exceptionally
     * @throws IllegalArgumentException if the payload is longer than {@code maxPayloadLength}
     */
    public CompletableFuture<SendOutcome> send(byte[] payload) {
        if (payload.length > settings.maxPayloadLength()) {
            throw new IllegalArgumentException("payload: " + payload.length + " bytes is above maxPayloadLength "
                    + settings.maxPayloadLength());
        }
        CompletableFuture<SendOutcome> result;
        synchronized (lock) {
            if (closed) {
                result = sender.refuse(SendOutcome.NotSentReason.CLOSED);
            } else if (link.state() != LinkState.OPEN) {
                result = sender.refuse(SendOutcome.NotSentReason.LINK_DOWN);
            } else {
                result = sender.send(payload.clone());
            }
        }
        handOver.run();
        return result;
    }

    /** @return a snapshot of what the channel has done so far */
    public FrameChannelStats stats() {
        synchronized (lock) {
            return counts.snapshot(decoder.bytesDiscarded());
        }
    }

    /** @return the settings this channel runs with */
    public FrameChannelSettings settings() {
        return settings;
    }

    /** @return the link this channel speaks over */
    public SerialLink link() {
        return link;
    }

    /**
     * Stops the channel and closes the link. The outstanding frame ends
     * {@link SendOutcome.Unconfirmed} ({@code CLOSED}), queued ones {@link SendOutcome.NotSent}.
     * Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            sender.abandonAll(SendOutcome.UnconfirmedReason.CLOSED, SendOutcome.NotSentReason.CLOSED);
            cancelQuietTimer();
        }
        handOver.run();
        link.removeStateListener(linkWatcher);
        link.close();
    }

    // ---- receiving (the sending half is the FrameSender) ----

    private void onBytes(byte[] bytes) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            lastByteAtMillis = clock.millis();
            decoder.feed(bytes, 0, bytes.length);
            if (decoder.isMidFrame() && quietTimer == null) {
                quietTimer = scheduler.schedule(this::lineWentQuiet, settings.interByteTimeout());
            }
        }
        handOver.run();
    }

    private void lineWentQuiet() {
        synchronized (lock) {
            quietTimer = null;
            if (closed || !decoder.isMidFrame()) {
                return;
            }
            long quietFor = clock.millis() - lastByteAtMillis;
            long timeout = settings.interByteTimeout().toMillis();
            if (quietFor < timeout) {
                quietTimer = scheduler.schedule(this::lineWentQuiet, Duration.ofMillis(timeout - quietFor));
                return;
            }
            counts.partialFramesAbandoned++;
            log.debug("{}: line quiet for {} ms in the middle of a frame; dropping the partial frame", link.name(),
                    quietFor);
            decoder.discardPartialFrame();
        }
        handOver.run();
    }

    /** Called by the decoder, under the lock. */
    private void onBody(byte[] body) {
        if (body.length < ChannelBody.HEADER_LENGTH) {
            log.debug("{}: ignoring a frame of {} bytes, too short for a channel body", link.name(), body.length);
            return;
        }
        byte kind = body[0];
        int sequence = body[1] & 0xFF;
        switch (kind) {
            case ChannelBody.ACK -> sender.acknowledged(sequence);
            case ChannelBody.NAK -> sender.negativelyAcknowledged();
            case ChannelBody.DATA, ChannelBody.DATA_AGAIN -> onData(kind == ChannelBody.DATA_AGAIN, sequence, body);
            default -> log.debug("{}: ignoring a frame of unknown kind 0x{}", link.name(),
                    Integer.toHexString(kind & 0xFF));
        }
    }

    private void onData(boolean retransmission, int sequence, byte[] body) {
        writeQuietly(ChannelBody.ack(sequence), "ACK");
        if (retransmission && sequence == lastAcceptedSequence) {
            counts.duplicatesDropped++;
            log.debug("{}: dropped a duplicate of frame {} (our ACK was lost); acknowledged it again", link.name(),
                    sequence);
            return;
        }
        lastAcceptedSequence = sequence;
        counts.received++;
        byte[] payload = ChannelBody.data(body);
        handOver.add(() -> receiver.received(payload));
    }

    /** Under the lock. */
    private void sendNak() {
        counts.naksSent++;
        writeQuietly(ChannelBody.nak(), "NAK");
    }

    private void writeQuietly(byte[] frame, String what) {
        try {
            link.write(frame);
        } catch (SerialTransportException e) {
            log.debug("{}: could not send {}: {}", link.name(), what, e.getMessage());
        }
    }

    // ---- link state ----

    private void linkChanged(LinkStateChange change) {
        if (change.current() == LinkState.OPEN) {
            return;
        }
        synchronized (lock) {
            sender.abandonAll(SendOutcome.UnconfirmedReason.LINK_LOST, SendOutcome.NotSentReason.LINK_DOWN);
            cancelQuietTimer();
            if (decoder.isMidFrame()) {
                decoder.discardPartialFrame();
            }
        }
        handOver.run();
    }

    private void cancelQuietTimer() {
        if (quietTimer != null) {
            quietTimer.cancel();
            quietTimer = null;
        }
    }

    /**
     * Builds a {@link FrameChannel}. Not thread-safe; {@link #build()} names the first setting that
     * cannot work.
     */
    public static final class Builder {
        private final SerialLink link;
        private TaskScheduler scheduler;
        private FrameChannelSettings settings = FrameChannelSettings.DEFAULT;
        private PayloadReceiver receiver;

        private Builder(SerialLink link) {
            this.link = Objects.requireNonNull(link, "link");
        }

        /**
         * @param scheduler runs the ACK and inter-byte timers; its clock measures the quiet time on
         *     the line; required
         * @return this builder
         */
        public Builder scheduler(TaskScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** @param settings timeouts and limits, already validated; default {@link FrameChannelSettings#DEFAULT} @return this builder */
        public Builder settings(FrameChannelSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** @param receiver gets every payload received, once, in order; required @return this builder */
        public Builder receiver(PayloadReceiver receiver) {
            this.receiver = Objects.requireNonNull(receiver, "receiver");
            return this;
        }

        /**
         * @return the channel, not started
         * @throws ConfigurationException ({@code "scheduler"} or {@code "receiver"}) if one is missing
         */
        public FrameChannel build() {
            if (scheduler == null) {
                throw new ConfigurationException("scheduler", "is required: pass the TaskScheduler that runs the "
                        + "ACK and inter-byte timers");
            }
            if (receiver == null) {
                throw new ConfigurationException("receiver", "is required: pass what gets the received payloads");
            }
            return new FrameChannel(this);
        }
    }
}
