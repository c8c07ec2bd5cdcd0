package dev.tenderkit.core.payment.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * How the journal forces its file's written bytes to the storage device ({@code fdatasync}). The
 * default is {@link FileChannel#force(boolean) force(false)}; tests put one in its place that
 * counts the forces, holds one until they release it, or fails it, to prove group commit and the
 * fail-stop rule without timing anything.
 */
@FunctionalInterface
interface DeviceSync {
    /** The real thing: the file's data (and the metadata needed to read it back) reach the device. */
    DeviceSync FORCE = channel -> channel.force(false);

    /**
     * Forces every byte written to {@code channel} so far to the device.
     *
     * @param channel the journal file
     * @throws IOException if the device did not confirm it: those bytes may be lost, and the
     *     journal must not assume a later force would save them (the kernel may have dropped them)
     */
    void force(FileChannel channel) throws IOException;
}
