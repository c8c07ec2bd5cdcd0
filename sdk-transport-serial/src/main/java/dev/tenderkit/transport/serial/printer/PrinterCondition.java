package dev.tenderkit.transport.serial.printer;

/** The printer's condition for a health check, most urgent first. */
public enum PrinterCondition {
    /** The printer did not answer the status request (or does not support it). */
    NOT_ANSWERING,
    /** The cover is open: nothing prints until it is closed. */
    COVER_OPEN,
    /** The paper ran out: load a new roll. */
    PAPER_OUT,
    /** The roll is nearly used up: replace it soon. */
    PAPER_NEAR_END,
    /** Ready to print. */
    READY
}
