package dev.tenderkit.transport.serial.printer;

import dev.tenderkit.transport.serial.SerialLink;
import java.io.ByteArrayOutputStream;

/**
 * A real in-memory ESC/POS printer for tests, on the device end of a link: it keeps every byte it
 * is sent, and answers DLE EOT 2 and DLE EOT 4 with the status bytes it is set to, or stays silent
 * like a printer that does not report status.
 */
final class SimulatedPrinter {

    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final SerialLink link;
    volatile boolean answers = true;
    volatile int offlineStatus = 0x12;
    volatile int paperStatus = 0x12;
    volatile byte[] noiseBeforeAnswer = new byte[0];
    private int matched;

    SimulatedPrinter(SerialLink link) {
        this.link = link;
        link.open(this::onBytes);
    }

    private synchronized void onBytes(byte[] bytes) {
        for (byte b : bytes) {
            received.write(b);
            if (matched == 0 && b == 0x10 || matched == 1 && b == 0x04) {
                matched++;
            } else if (matched == 2) {
                matched = 0;
                if (answers && (b == 2 || b == 4)) {
                    link.write(noiseBeforeAnswer);
                    link.write(new byte[] {(byte) (b == 2 ? offlineStatus : paperStatus)});
                }
            } else {
                matched = b == 0x10 ? 1 : 0;
            }
        }
    }
}
