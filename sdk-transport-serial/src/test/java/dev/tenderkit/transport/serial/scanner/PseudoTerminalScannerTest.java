package dev.tenderkit.transport.serial.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.transport.serial.JSerialCommLink;
import dev.tenderkit.transport.serial.SocatPair;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A scanner at 9600 8N1 on one end of a socat pseudo-terminal pair, the driver on the other. */
class PseudoTerminalScannerTest {

    @Test
    void scannedLinesRoundTripIncludingNoiseBetweenThem() throws Exception {
        ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create();
        BlockingQueue<Scan> scans = new LinkedBlockingQueue<>();
        try (SocatPair socat = SocatPair.start()) {
            BarcodeScanner scanner = BarcodeScanner.builder(JSerialCommLink.builder(socat.a()).scheduler(scheduler).build())
                    .scheduler(scheduler).listener(scans::add).build();
            JSerialCommLink device = JSerialCommLink.builder(socat.b()).scheduler(scheduler).build();
            scanner.start();
            device.open(bytes -> { });
            try {
                device.write("134567890123456789\r\n".getBytes(StandardCharsets.US_ASCII));
                device.write(new byte[] {0x28, 0x00, (byte) 0xFE, 0x0D});
                device.write("6901234567892\r\n".getBytes(StandardCharsets.US_ASCII));
                Scan.Payment payment = assertInstanceOf(Scan.Payment.class, scans.poll(5, TimeUnit.SECONDS));
                assertEquals(Wallet.WECHAT_PAY, payment.code().wallet());
                assertEquals(DiscardReason.CONTROL_CHARACTER,
                        assertInstanceOf(Scan.Discarded.class, scans.poll(5, TimeUnit.SECONDS)).reason());
                assertEquals("6901234567892",
                        assertInstanceOf(Scan.Barcode.class, scans.poll(5, TimeUnit.SECONDS)).text());
            } finally {
                scanner.close();
                device.close();
            }
        } finally {
            scheduler.close();
        }
    }
}
