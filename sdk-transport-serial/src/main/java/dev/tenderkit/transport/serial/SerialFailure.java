package dev.tenderkit.transport.serial;

/**
 * Why a serial operation failed: the stable reason carried by every
 * {@link SerialTransportException}. Names are never renamed or reused; new reasons are appended.
 */
public enum SerialFailure {
    /** The port does not exist or could not be opened (missing device, permissions, held by another process). */
    PORT_UNAVAILABLE,
    /** {@link SerialLink#open} was called on a link that was opened before. */
    ALREADY_OPENED,
    /** The operation needs an open link and the link is closed or reconnecting. */
    NOT_OPEN,
    /** The device went away while bytes were being written. */
    WRITE_FAILED
}
