/**
 * The barcode-scanner driver: lines from a serial scanner (9600 8N1, CR or CR LF, optional
 * prefix and suffix) become {@link dev.tenderkit.transport.serial.scanner.Scan} events, payment
 * codes already classified by wallet and masked in every log line; broken or noisy lines are
 * discarded and reported, never turned into a payment code.
 */
package dev.tenderkit.transport.serial.scanner;
