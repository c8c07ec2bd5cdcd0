package dev.tenderkit.transport.serial.frame;

/**
 * Counters of a {@link FrameChannel} since it was built, for logs, health checks and tests.
 *
 * @param framesSent data frames transmitted for the first time
 * @param retransmissions data frames transmitted again after a timeout or a NAK
 * @param delivered data frames the peer acknowledged
 * @param unconfirmed data frames given up on without an acknowledgement
 * @param received data frames received and handed to the receiver
 * @param duplicatesDropped retransmitted data frames received again and not handed on
 * @param naksSent NAKs sent for frames that arrived damaged
 * @param naksReceived NAKs received
 * @param partialFramesAbandoned times the line went quiet in the middle of a frame
 * @param bytesDiscarded bytes received that belonged to no intact frame
 */
public record FrameChannelStats(long framesSent, long retransmissions, long delivered, long unconfirmed, long received,
        long duplicatesDropped, long naksSent, long naksReceived, long partialFramesAbandoned, long bytesDiscarded) {
}
