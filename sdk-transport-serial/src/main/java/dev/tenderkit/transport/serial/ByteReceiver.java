package dev.tenderkit.transport.serial;

/**
 * Receives the bytes a {@link SerialLink} reads, in order, one call at a time, on the link's
 * reading thread. A receiver should return quickly: the link does not read while it runs.
 */
@FunctionalInterface
public interface ByteReceiver {

    /**
     * @param bytes the bytes just received, at least one; the array is the receiver's to keep
     */
    void received(byte[] bytes);
}
