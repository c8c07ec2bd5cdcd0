package dev.tenderkit.transport.serial;

/** The parity bit of each character on a serial line. */
public enum Parity {
    /** No parity bit (the "N" of 8N1). */
    NONE,
    /** Odd parity. */
    ODD,
    /** Even parity. */
    EVEN,
    /** Parity bit always 1. */
    MARK,
    /** Parity bit always 0. */
    SPACE
}
