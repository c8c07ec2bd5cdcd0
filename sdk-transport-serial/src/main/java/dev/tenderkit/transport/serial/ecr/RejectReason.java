package dev.tenderkit.transport.serial.ecr;

/** Why the terminal refused to act on a request at all (nothing was run). */
public enum RejectReason {
    /** The message could not be read: unknown type, missing or malformed field. */
    BAD_REQUEST,
    /** Another transaction is running; try again when it is done. */
    BUSY
}
