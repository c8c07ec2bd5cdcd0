package dev.tenderkit.transport.serial.frame;

/**
 * Gets the payloads a {@link FrameChannel} received intact, each once, in order, one call at a
 * time. Must return quickly (the channel does not hand over the next payload or send outcome
 * until it returns) and must not throw.
 */
@FunctionalInterface
public interface PayloadReceiver {

    /** @param payload the data frame's payload; the array is the receiver's to keep */
    void received(byte[] payload);
}
