package dev.tenderkit.core.payment;

/** How the buyer pays. */
public enum TradeKind {
    /** The buyer shows a payment code; the terminal scans it. */
    BARCODE,
    /** The terminal shows a QR code; the buyer scans it. */
    QR
}
