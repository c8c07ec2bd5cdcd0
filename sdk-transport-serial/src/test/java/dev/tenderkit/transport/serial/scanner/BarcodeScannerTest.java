package dev.tenderkit.transport.serial.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.transport.serial.InMemoryLinkPair;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The scanner driver reading from the device end of an in-memory pair, with virtual time. */
class BarcodeScannerTest {

    private static final String ALIPAY = "285512345678901234";
    private static final String WECHAT = "134567890123456789";

    private final ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.parse("2026-11-25T02:00:00Z"));
    private final InMemoryLinkPair pair = InMemoryLinkPair.create(scheduler);
    private final List<Scan> scans = new ArrayList<>();

    private BarcodeScanner start(UnaryOperator<BarcodeScanner.Builder> settings) {
        BarcodeScanner scanner = settings.apply(BarcodeScanner.builder(pair.hostEnd()).scheduler(scheduler)
                .listener(scans::add)).build();
        scanner.start();
        pair.deviceEnd().open(bytes -> { });
        return scanner;
    }

    private void send(String text) {
        pair.deviceEnd().write(text.getBytes(StandardCharsets.ISO_8859_1));
        scheduler.runDueTasks();
    }

    @Test
    void aPaymentCodeEndedByCrArrivesClassifiedByWallet() {
        start(b -> b);
        send(ALIPAY + "\r");
        Scan.Payment payment = assertInstanceOf(Scan.Payment.class, scans.get(0));
        assertEquals(Wallet.ALIPAY, payment.code().wallet());
        assertEquals(ALIPAY, payment.code().value());
    }

    @Test
    void crLfScannersWorkWithTheDefaultCrTerminatorAndSplitReads() {
        start(b -> b);
        send(WECHAT.substring(0, 5));
        send(WECHAT.substring(5) + "\r");
        send("\n" + ALIPAY + "\r\n");
        assertEquals(Wallet.WECHAT_PAY, ((Scan.Payment) scans.get(0)).code().wallet());
        assertEquals(Wallet.ALIPAY, ((Scan.Payment) scans.get(1)).code().wallet());
        assertEquals(2, scans.size());
    }

    @Test
    void aStrictCrLfScannerRefusesALoneCrInsideALine() {
        start(b -> b.terminator(LineTerminator.CRLF));
        send(ALIPAY + "\r\n");
        send("2855\r12345678901234\r\n");
        assertInstanceOf(Scan.Payment.class, scans.get(0));
        assertEquals(DiscardReason.CONTROL_CHARACTER, ((Scan.Discarded) scans.get(1)).reason());
    }

    @Test
    void aProductBarcodeIsReportedAsABarcodeAndMaskedWhenPrinted() {
        start(b -> b);
        send("6901234567892\r");
        Scan.Barcode barcode = assertInstanceOf(Scan.Barcode.class, scans.get(0));
        assertEquals("6901234567892", barcode.text());
        assertFalse(barcode.toString().contains("6901234567892"), barcode.toString());
    }

    @Test
    void aPaymentScanNeverPrintsTheWholeCode() {
        start(b -> b);
        send(ALIPAY + "\r");
        assertFalse(scans.get(0).toString().contains(ALIPAY), scans.get(0).toString());
    }

    @Test
    void prefixAndSuffixAreRequiredAndRemoved() {
        start(b -> b.prefix("]E0").suffix("#"));
        send("]E0" + WECHAT + "#\r");
        send(WECHAT + "#\r");
        send("]E0" + WECHAT + "\r");
        assertEquals(WECHAT, ((Scan.Payment) scans.get(0)).code().value());
        assertEquals(DiscardReason.MISSING_PREFIX, ((Scan.Discarded) scans.get(1)).reason());
        assertEquals(DiscardReason.MISSING_SUFFIX, ((Scan.Discarded) scans.get(2)).reason());
    }

    @Test
    void lineNoiseNeverBecomesAPaymentCode() {
        start(b -> b);
        send("2855123\u0000456789\u00ff01234\r");
        send("28551234567890\u00071234\r");
        assertEquals(DiscardReason.CONTROL_CHARACTER, ((Scan.Discarded) scans.get(1)).reason());
        assertEquals(2, scans.stream().filter(s -> !(s instanceof Scan.Payment)).count());
    }

    @Test
    void aHalfReceivedLineTimesOutAndTheLineAfterItIsNotTrusted() {
        start(b -> b.lineTimeout(Duration.ofMillis(300)));
        send("285512345678");
        scheduler.advance(Duration.ofMillis(299));
        assertEquals(0, scans.size());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(DiscardReason.TIMED_OUT, ((Scan.Discarded) scans.get(0)).reason());
        // The rest of the broken code arrives: alone it looks like a WeChat Pay code, so it must be dropped.
        send("901234567890123456\r");
        assertEquals(DiscardReason.AFTER_BROKEN_LINE, ((Scan.Discarded) scans.get(1)).reason());
        send(ALIPAY + "\r");
        assertInstanceOf(Scan.Payment.class, scans.get(2));
    }

    @Test
    void aTooLongLineIsDiscarded() {
        start(b -> b.maxLineLength(20));
        send("1".repeat(25) + "\r");
        assertEquals(new Scan.Discarded(DiscardReason.TOO_LONG, 25, scheduler.clock().instant()), scans.get(0));
    }

    @Test
    void textThatIsNotValidInTheCharsetIsDiscarded() {
        start(b -> b);
        pair.deviceEnd().write(new byte[] {(byte) 0xC3, 0x28, 0x0D});
        scheduler.runDueTasks();
        assertEquals(DiscardReason.UNDECODABLE, ((Scan.Discarded) scans.get(0)).reason());
    }

    @Test
    void theBuilderNamesTheSettingThatCannotWork() {
        assertEquals("listener", assertThrows(ConfigurationException.class,
                () -> BarcodeScanner.builder(pair.hostEnd()).scheduler(scheduler).build()).setting());
        assertEquals("lineTimeout", assertThrows(ConfigurationException.class,
                () -> BarcodeScanner.builder(pair.hostEnd()).scheduler(scheduler).listener(s -> { })
                        .lineTimeout(Duration.ofMillis(1)).build()).setting());
        assertEquals("prefix", assertThrows(ConfigurationException.class,
                () -> BarcodeScanner.builder(pair.hostEnd()).scheduler(scheduler).listener(s -> { })
                        .prefix("\r").build()).setting());
    }
}
