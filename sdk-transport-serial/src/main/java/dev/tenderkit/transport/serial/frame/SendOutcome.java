package dev.tenderkit.transport.serial.frame;

import java.util.Objects;

/**
 * What became of a payload given to {@link FrameChannel#send(byte[])}. The three cases keep the
 * one distinction that matters when money is involved: {@link NotSent} means no byte of it left,
 * so sending it again is safe; {@link Unconfirmed} means it may have arrived, so the peer must be
 * asked (for the ECR link: a last-result query) before anything is assumed.
 */
public sealed interface SendOutcome {

    /**
     * The peer acknowledged the frame.
     *
     * @param attempts how many times it was transmitted, 1 if the first transmission got through
     */
    record Delivered(int attempts) implements SendOutcome {
    }

    /**
     * The frame was transmitted at least once but no acknowledgement came: the peer may or may not
     * have it.
     *
     * @param attempts how many times it was transmitted
     * @param reason why the channel stopped trying
     */
    record Unconfirmed(int attempts, UnconfirmedReason reason) implements SendOutcome {
        /** Checks the reason is present. */
        public Unconfirmed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * No byte of the frame left: safe to send again.
     *
     * @param reason why
     */
    record NotSent(NotSentReason reason) implements SendOutcome {
        /** Checks the reason is present. */
        public NotSent {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a transmitted frame was left {@link Unconfirmed}. */
    enum UnconfirmedReason {
        /** Every transmission allowed timed out or was refused (NAK). */
        NO_ACKNOWLEDGEMENT,
        /** The link went down while waiting for the acknowledgement. */
        LINK_LOST,
        /** The link failed during a write, so part of the frame may have gone out. */
        WRITE_FAILED,
        /** The channel was closed while waiting for the acknowledgement. */
        CLOSED
    }

    /** Why a frame was {@link NotSent}. */
    enum NotSentReason {
        /** The link was not open. */
        LINK_DOWN,
        /** Too many frames were already waiting their turn. */
        QUEUE_FULL,
        /** The channel was closed. */
        CLOSED
    }
}
