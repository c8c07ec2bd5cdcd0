package dev.tenderkit.core.terminal;

/** A device attached to or built into a terminal that some payment methods need. */
public enum Peripheral {
    /** A 1D/2D barcode scanner that reads buyers' payment codes. */
    BARCODE_SCANNER,
    /** A camera that can read payment codes. */
    CAMERA,
    /** A contact/magnetic-stripe bank card reader. */
    CARD_READER,
    /** A contactless (NFC / QuickPass) reader. */
    NFC_READER,
    /** A PIN pad for card PIN entry. */
    PIN_PAD,
    /** A receipt printer. */
    RECEIPT_PRINTER,
    /** A display facing the buyer, able to show a QR code. */
    CUSTOMER_DISPLAY
}
