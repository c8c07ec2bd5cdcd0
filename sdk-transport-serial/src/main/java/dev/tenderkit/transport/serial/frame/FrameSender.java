package dev.tenderkit.transport.serial.frame;

import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.serial.SerialLink;
import dev.tenderkit.transport.serial.SerialTransportException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending half of a {@link FrameChannel}'s stop-and-wait protocol: one data frame outstanding,
 * a bounded queue behind it, a retransmission on NAK or when no ACK came within the ACK timeout,
 * and an {@link SendOutcome.Unconfirmed} outcome once the retransmissions are spent.
 *
 * <p>Guarded by the channel's lock: every method but the ACK timer's callback is called with the
 * lock held, and that callback takes it. Outcomes go through the channel's {@link HandOver}, so
 * they complete after the lock is released.
 */
final class FrameSender {

    // Logged as the channel, the category operators already watch.
    private static final Logger log = LoggerFactory.getLogger(FrameChannel.class);

    private final Object lock;
    private final SerialLink link;
    private final TaskScheduler scheduler;
    private final FrameChannelSettings settings;
    private final FrameChannelStats.Counters counts;
    private final HandOver handOver;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();

    private Outgoing outstanding;
    private int nextSequence;

    FrameSender(Object lock, SerialLink link, TaskScheduler scheduler, FrameChannelSettings settings,
            FrameChannelStats.Counters counts, HandOver handOver) {
        this.lock = lock;
        this.link = link;
        this.scheduler = scheduler;
        this.settings = settings;
        this.counts = counts;
        this.handOver = handOver;
    }

    /** Transmits the payload now if nothing is outstanding, else queues it if there is room. */
    CompletableFuture<SendOutcome> send(byte[] payload) {
        Outgoing out = new Outgoing(payload);
        if (outstanding == null) {
            transmit(out);
        } else if (queue.size() >= settings.maxQueuedFrames()) {
            finish(out, new SendOutcome.NotSent(SendOutcome.NotSentReason.QUEUE_FULL));
        } else {
            queue.add(out);
        }
        return out.result;
    }

    /** @return an outcome of {@link SendOutcome.NotSent} for a payload the channel will not send */
    CompletableFuture<SendOutcome> refuse(SendOutcome.NotSentReason reason) {
        Outgoing out = new Outgoing(new byte[0]);
        finish(out, new SendOutcome.NotSent(reason));
        return out.result;
    }

    /** The peer acknowledged a frame: delivered, if it is the outstanding one. */
    void acknowledged(int sequence) {
        Outgoing out = outstanding;
        if (out == null || out.sequence != sequence) {
            log.debug("{}: ignoring an ACK for frame {} that is not outstanding", link.name(), sequence);
            return;
        }
        counts.delivered++;
        outstanding = null;
        out.cancelTimer();
        finish(out, new SendOutcome.Delivered(out.attempts));
        transmitNext();
    }

    /** The peer received a damaged frame: the outstanding one goes again, if any retransmission is left. */
    void negativelyAcknowledged() {
        counts.naksReceived++;
        Outgoing out = outstanding;
        if (out != null) {
            out.cancelTimer();
            retryOrGiveUp(out);
        }
    }

    /** Ends the outstanding frame as unconfirmed and every queued one as not sent. */
    void abandonAll(SendOutcome.UnconfirmedReason outstandingReason, SendOutcome.NotSentReason queuedReason) {
        Outgoing out = outstanding;
        if (out != null) {
            outstanding = null;
            out.cancelTimer();
            counts.unconfirmed++;
            finish(out, new SendOutcome.Unconfirmed(out.attempts, outstandingReason));
        }
        abandonQueue(queuedReason);
    }

    private void transmit(Outgoing out) {
        out.sequence = nextSequence;
        nextSequence = (nextSequence + 1) & 0xFF;
        outstanding = out;
        counts.framesSent++;
        writeOutstanding(out, false);
    }

    private void writeOutstanding(Outgoing out, boolean again) {
        out.attempts++;
        try {
            link.write(ChannelBody.dataFrame(again, out.sequence, out.payload));
        } catch (SerialTransportException e) {
            log.debug("{}: write of frame {} failed: {}", link.name(), out.sequence, e.getMessage());
            outstanding = null;
            counts.unconfirmed++;
            finish(out, new SendOutcome.Unconfirmed(out.attempts, SendOutcome.UnconfirmedReason.WRITE_FAILED));
            abandonQueue(SendOutcome.NotSentReason.LINK_DOWN);
            return;
        }
        int generation = ++out.generation;
        out.timer = scheduler.schedule(() -> ackTimedOut(out, generation), settings.ackTimeout());
    }

    /** The ACK timer's callback: the only entry that takes the lock itself. */
    private void ackTimedOut(Outgoing out, int generation) {
        synchronized (lock) {
            if (outstanding != out || out.generation != generation) {
                return;
            }
            log.debug("{}: no ACK for frame {} within {} ms (attempt {})", link.name(), out.sequence,
                    settings.ackTimeout().toMillis(), out.attempts);
            retryOrGiveUp(out);
        }
        handOver.run();
    }

    private void retryOrGiveUp(Outgoing out) {
        if (out.attempts <= settings.maxRetransmissions()) {
            counts.retransmissions++;
            writeOutstanding(out, true);
            return;
        }
        outstanding = null;
        counts.unconfirmed++;
        log.warn("{}: frame {} unconfirmed after {} transmissions", link.name(), out.sequence, out.attempts);
        finish(out, new SendOutcome.Unconfirmed(out.attempts, SendOutcome.UnconfirmedReason.NO_ACKNOWLEDGEMENT));
        transmitNext();
    }

    private void transmitNext() {
        Outgoing next = queue.poll();
        if (next != null) {
            transmit(next);
        }
    }

    private void abandonQueue(SendOutcome.NotSentReason reason) {
        Outgoing queued;
        while ((queued = queue.poll()) != null) {
            finish(queued, new SendOutcome.NotSent(reason));
        }
    }

    private void finish(Outgoing out, SendOutcome outcome) {
        handOver.add(() -> out.result.complete(outcome));
    }

    /** A payload on its way out. Fields guarded by the channel's lock. */
    private static final class Outgoing {
        final byte[] payload;
        final CompletableFuture<SendOutcome> result = new CompletableFuture<>();
        int sequence;
        int attempts;
        int generation;
        TaskScheduler.Cancellable timer;

        Outgoing(byte[] payload) {
            this.payload = payload;
        }

        void cancelTimer() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }
}
