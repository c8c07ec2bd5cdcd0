package dev.tenderkit.transport.serial;

/** Stop bits after each character on a serial line. */
public enum StopBits {
    /** One stop bit (the "1" of 8N1). */
    ONE,
    /** One and a half stop bits; only valid with 5 data bits. */
    ONE_POINT_FIVE,
    /** Two stop bits (ZVT terminals use 8N2). */
    TWO
}
