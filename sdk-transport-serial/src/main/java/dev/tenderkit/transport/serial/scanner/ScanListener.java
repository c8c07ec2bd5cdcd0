package dev.tenderkit.transport.serial.scanner;

/**
 * Gets every line a {@link BarcodeScanner} reads, in order. Called on the link's or the
 * scheduler's thread; must return quickly and not throw.
 */
@FunctionalInterface
public interface ScanListener {

    /** @param scan a payment code, another barcode, or a discarded line */
    void scanned(Scan scan);
}
