package dev.tenderkit.transport.serial.scanner;

/** Why a scanner line was thrown away instead of becoming a {@link Scan.Barcode} or {@link Scan.Payment}. */
public enum DiscardReason {
    /** Part of a line arrived and then nothing for longer than the line timeout. */
    TIMED_OUT,
    /**
     * The line that followed a timed-out one: it may be the rest of a broken code, and the rest of
     * a payment code can look like another payment code, so it is never used. Ask for a new scan.
     */
    AFTER_BROKEN_LINE,
    /** Longer than the configured maximum. */
    TOO_LONG,
    /** Contained a control character (line noise, or a stray terminator byte). */
    CONTROL_CHARACTER,
    /** Did not start with the configured prefix. */
    MISSING_PREFIX,
    /** Did not end with the configured suffix. */
    MISSING_SUFFIX,
    /** Not valid text in the configured character set. */
    UNDECODABLE
}
