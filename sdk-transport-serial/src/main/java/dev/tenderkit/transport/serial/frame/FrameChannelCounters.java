package dev.tenderkit.transport.serial.frame;

/**
 * The running counts behind {@link FrameChannelStats}, kept by one {@link FrameChannel}. Not
 * thread-safe: the channel updates and reads them under its lock.
 */
final class FrameChannelCounters {
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
        return new FrameChannelStats(framesSent, retransmissions, delivered, unconfirmed, received, duplicatesDropped,
                naksSent, naksReceived, partialFramesAbandoned, bytesDiscarded);
    }
}
