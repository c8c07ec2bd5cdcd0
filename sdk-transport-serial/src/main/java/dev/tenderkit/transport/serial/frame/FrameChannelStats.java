package dev.tenderkit.transport.serial.frame;

/**
 * What a {@link FrameChannel} has done since it was built, for logs, health checks and tests: an
 * immutable snapshot, taken by {@link FrameChannel#stats()}; later traffic does not change it.
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

    /**
     * The live counts behind the snapshots, kept by one channel. Not thread-safe: the channel
     * updates and reads them under its lock.
     */
    static final class Counters {
        long framesSent;
        long retransmissions;
        long delivered;
        long unconfirmed;
        long received;
        long duplicatesDropped;
        long naksSent;
        long naksReceived;
        long partialFramesAbandoned;

        /** @param bytesDiscarded the decoder's count, which it keeps itself @return the counts now */
        FrameChannelStats snapshot(long bytesDiscarded) {
            return new FrameChannelStats(framesSent, retransmissions, delivered, unconfirmed, received,
                    duplicatesDropped, naksSent, naksReceived, partialFramesAbandoned, bytesDiscarded);
        }
    }
}
