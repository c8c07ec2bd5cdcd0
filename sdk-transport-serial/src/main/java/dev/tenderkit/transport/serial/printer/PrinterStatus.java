package dev.tenderkit.transport.serial.printer;

/**
 * What the printer reported to {@code DLE EOT 2} (offline status) and {@code DLE EOT 4} (paper roll
 * sensor). Each answer is one byte whose bits 0 and 7 are 0 and bits 1 and 4 are 1; other bytes
 * are not status answers and are ignored.
 *
 * <pre>
 *   DLE EOT 2 (10 04 02): bit 2 (0x04) cover open; bit 5 (0x20) printing stopped by paper end
 *   DLE EOT 4 (10 04 04): bits 2-3 (0x0C) paper near end; bits 5-6 (0x60) paper end
 * </pre>
 *
 * @param answered whether the printer answered both requests in time
 * @param coverOpen the cover is open
 * @param paperOut the paper ran out
 * @param paperNearEnd the roll is nearly used up
 */
public record PrinterStatus(boolean answered, boolean coverOpen, boolean paperOut, boolean paperNearEnd) {

    /** The status of a printer that did not answer. */
    public static final PrinterStatus NOT_ANSWERING = new PrinterStatus(false, false, false, false);

    /** @return the most urgent condition */
    public PrinterCondition condition() {
        if (!answered) {
            return PrinterCondition.NOT_ANSWERING;
        }
        if (coverOpen) {
            return PrinterCondition.COVER_OPEN;
        }
        if (paperOut) {
            return PrinterCondition.PAPER_OUT;
        }
        return paperNearEnd ? PrinterCondition.PAPER_NEAR_END : PrinterCondition.READY;
    }

    static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }

    static PrinterStatus of(int offline, int paper) {
        return new PrinterStatus(true, (offline & 0x04) != 0, (offline & 0x20) != 0 || (paper & 0x60) != 0,
                (paper & 0x0C) != 0);
    }
}
