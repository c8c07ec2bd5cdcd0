package dev.tenderkit.transport.serial;

/** How a serial line paces the sender. */
public enum FlowControl {
    /** None: the usual setting for scanners, printers and ECR links. */
    NONE,
    /** Hardware RTS/CTS handshake in both directions. */
    RTS_CTS,
    /** Hardware DSR/DTR handshake in both directions. */
    DSR_DTR,
    /**
     * Software XON/XOFF in both directions. The line then swallows bytes 0x11 and 0x13, so do not
     * use it under binary framing ({@link dev.tenderkit.transport.serial.frame.FrameChannel}).
     */
    XON_XOFF
}
