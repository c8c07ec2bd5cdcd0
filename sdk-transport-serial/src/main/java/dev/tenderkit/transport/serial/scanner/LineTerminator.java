package dev.tenderkit.transport.serial.scanner;

/** What ends each code a scanner sends. */
public enum LineTerminator {
    /** CR (0x0D); an LF right after the CR is ignored, so scanners sending CR LF work too. */
    CR,
    /** CR LF (0x0D 0x0A), strictly: a CR not followed by LF makes the line noise. */
    CRLF,
    /** LF (0x0A). */
    LF
}
