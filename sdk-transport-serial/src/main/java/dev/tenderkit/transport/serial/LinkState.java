package dev.tenderkit.transport.serial;

/**
 * Where a {@link SerialLink} is in its life. A health check maps {@link #OPEN} to healthy and
 * {@link #RECONNECTING} to "port not answering".
 */
public enum LinkState {
    /** Not opened yet, or closed by its owner. No bytes move and no reconnection is attempted. */
    CLOSED,
    /** Bytes can move. */
    OPEN,
    /** The device went away; the link is trying to open it again with backoff until it comes back or is closed. */
    RECONNECTING
}
