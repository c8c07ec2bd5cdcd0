package dev.tenderkit.transport.serial.printer;

/** QR code error-correction level, as ESC/POS {@code GS ( k} function 169 sets it. */
public enum QrErrorCorrection {
    /** About 7% of the code can be restored. */
    L(48),
    /** About 15%: the usual choice for payment and invoice links. */
    M(49),
    /** About 25%. */
    Q(50),
    /** About 30%. */
    H(51);

    private final int code;

    QrErrorCorrection(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
