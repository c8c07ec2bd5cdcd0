package dev.tenderkit.transport.serial.ecr;

/** Whether the terminal can take a transaction now, as a status query reports it. */
public enum TerminalState {
    /** Ready for a transaction. */
    READY,
    /** Running a transaction. */
    BUSY,
    /** Cannot take transactions (not configured, network down, ...). */
    OUT_OF_SERVICE
}
