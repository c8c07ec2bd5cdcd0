package dev.tenderkit.transport.serial;

/**
 * A byte pipe to one serial device: what every driver in this module (scanner, printer, ECR) is
 * written against, so the same driver runs on a real port ({@link JSerialCommLink}) and in memory
 * ({@link InMemoryLinkPair}).
 *
 * <p>Reads are event-driven: bytes arrive at the {@link ByteReceiver} given to {@link #open}, on a
 * thread the link owns, in the order they came off the wire, one call at a time. Writes are
 * synchronous and may come from any thread; concurrent writes are not interleaved within one call.
 *
 * <p>The link's {@link #state()} is observable: {@link LinkState#OPEN} while bytes can move,
 * {@link LinkState#RECONNECTING} after the device went away (unplugged, peer vanished) while the
 * link tries to get it back, {@link LinkState#CLOSED} before {@link #open} and after
 * {@link #close()}. Every change is reported to the {@link LinkStateListener}s, which is what a
 * health check watches.
 *
 * <p>Implementations are thread-safe. No method returns {@code null}.
 */
public interface SerialLink extends AutoCloseable {

    /** @return a short name for logs and health reports, e.g. the port path {@code /dev/ttyS1} */
    String name();

    /**
     * Opens the link and starts delivering received bytes to {@code receiver}. A link is opened
     * once; after {@link #close()} it stays closed.
     *
     * @param receiver gets every byte received from now on
     * @throws SerialTransportException ({@link SerialFailure#PORT_UNAVAILABLE}) if the device cannot
     *     be opened now; ({@link SerialFailure#ALREADY_OPENED}) if {@code open} was called before
     */
    void open(ByteReceiver receiver);

    /**
     * Writes bytes to the device. Returns when the bytes were handed to the operating system (for
     * a real port) or to the peer (in memory), not when they left the wire.
     *
     * @param bytes the data
     * @param offset where the data starts in {@code bytes}
     * @param length how many bytes to write
     * @throws SerialTransportException ({@link SerialFailure#NOT_OPEN}) if the link is not
     *     {@link LinkState#OPEN}; ({@link SerialFailure#WRITE_FAILED}) if the device went away
     *     during the write, in which case the link also moves to {@link LinkState#RECONNECTING}
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not fit {@code bytes}
     */
    void write(byte[] bytes, int offset, int length);

    /**
     * Writes all of {@code bytes}; see {@link #write(byte[], int, int)}.
     *
     * @param bytes the data
     */
    default void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    /** @return the current state */
    LinkState state();

    /**
     * @param listener told of every state change from now on, on the thread that made the change;
     *     must return quickly and not throw
     */
    void addStateListener(LinkStateListener listener);

    /** @param listener a listener added before; unknown listeners are ignored */
    void removeStateListener(LinkStateListener listener);

    /** Closes the link for good and stops any reconnection. Idempotent; never throws. */
    @Override
    void close();
}
