package dev.tenderkit.transport.serial.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.transport.serial.InMemoryLinkPair;
import dev.tenderkit.transport.serial.SerialTransportException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReceiptPrinterTest {

    private final ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.parse("2026-11-25T02:00:00Z"));
    private final InMemoryLinkPair pair = InMemoryLinkPair.create(scheduler);
    private final ReceiptPrinter printer = ReceiptPrinter.builder(pair.hostEnd()).scheduler(scheduler).build();
    private final SimulatedPrinter device = new SimulatedPrinter(pair.deviceEnd());

    private static SalesReceipt receipt() {
        return new SalesReceipt("星巴克（国贸店）",
                List.of(new ReceiptItem("拿铁咖啡 Latte", 2, Money.parse("32.00")),
                        new ReceiptItem("蓝莓麦芬", 1, Money.parse("18.00"))),
                Money.parse("82.00"), "花呗分期(3期免息)", Money.parse("82.00"), "2026112522001456789012",
                LocalDateTime.of(2026, 11, 25, 10, 30, 5), Optional.of("https://fp.example.cn/i/ABC123"));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return HexFormat.of().formatHex(haystack).contains(HexFormat.of().formatHex(needle));
    }

    @Test
    void aSalesReceiptIsPrintedInGb18030WithItsQrCodeAndACut() {
        printer.start();
        printer.print(receipt());
        scheduler.runDueTasks();
        byte[] job = device.received.toByteArray();
        assertTrue(contains(job, new byte[] {0x1B, 0x40, 0x1C, 0x26}), "initialise, then Chinese mode");
        assertTrue(contains(job, "花呗分期(3期免息)".getBytes(EscPosDocument.GB18030)), "funding source in GB18030");
        assertTrue(contains(job, "星巴克".getBytes(EscPosDocument.GB18030)));
        assertFalse(contains(job, "花呗".getBytes(StandardCharsets.UTF_8)), "no UTF-8 text reaches the printer");
        assertTrue(contains(job, "2026112522001456789012".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(contains(job, "82.00".getBytes(StandardCharsets.US_ASCII)));
        byte[] url = "https://fp.example.cn/i/ABC123".getBytes(StandardCharsets.US_ASCII);
        byte[] store = new byte[8 + url.length];
        System.arraycopy(new byte[] {0x1D, 0x28, 0x6B, (byte) (url.length + 3), 0x00, 0x31, 0x50, 0x30}, 0, store, 0, 8);
        System.arraycopy(url, 0, store, 8, url.length);
        assertTrue(contains(job, store), "GS ( k store function with pL pH = length + 3");
        assertTrue(contains(job, new byte[] {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30}), "GS ( k print");
        assertEquals("1d564204", HexFormat.of().formatHex(job, job.length - 4, job.length), "ends with feed and cut");
    }

    @Test
    void itemLinesFitThePaperWidthCountingChineseAsTwoColumns() {
        EscPosDocument doc = ReceiptLayout.paper58mm().render(receipt(), false);
        String text = new String(doc.toBytes(), EscPosDocument.GB18030)
                .replaceAll("\u001b@|\u001c&|\u001b[aEd].|\u001d!.", "");
        for (String line : text.split("\n")) {
            if (!line.contains("\u001d(k")) {
                assertTrue(ReceiptLayout.width(line) <= 32, "too wide: " + line);
            }
        }
        assertTrue(text.contains("拿铁咖啡 Latte"));
    }

    @Test
    void aReceiptWhoseItemsDoNotAddUpIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SalesReceipt("店",
                List.of(new ReceiptItem("A", 1, Money.parse("1.00"))), Money.parse("2.00"), "余额", Money.parse("2.00"),
                "T1", LocalDateTime.of(2026, 1, 1, 0, 0), Optional.empty()));
        assertEquals("items", e.field());
    }

    @Test
    void aReadyPrinterReportsReady() {
        printer.start();
        CompletableFuture<PrinterStatus> status = printer.queryStatus();
        scheduler.runDueTasks();
        assertEquals(PrinterCondition.READY, status.join().condition());
    }

    @Test
    void coverOpenAndPaperOutAreReadBack() {
        printer.start();
        device.offlineStatus = 0x12 | 0x04;
        CompletableFuture<PrinterStatus> cover = printer.queryStatus();
        scheduler.runDueTasks();
        assertEquals(PrinterCondition.COVER_OPEN, cover.join().condition());

        device.offlineStatus = 0x12;
        device.paperStatus = 0x12 | 0x60;
        CompletableFuture<PrinterStatus> paper = printer.queryStatus();
        scheduler.runDueTasks();
        assertEquals(PrinterCondition.PAPER_OUT, paper.join().condition());

        device.paperStatus = 0x12 | 0x0C;
        CompletableFuture<PrinterStatus> nearEnd = printer.queryStatus();
        scheduler.runDueTasks();
        assertEquals(PrinterCondition.PAPER_NEAR_END, nearEnd.join().condition());
    }

    @Test
    void bytesThatAreNotStatusAnswersAreIgnored() {
        printer.start();
        device.noiseBeforeAnswer = new byte[] {(byte) 0xFF, 0x00, 0x13};
        device.paperStatus = 0x12 | 0x60;
        CompletableFuture<PrinterStatus> status = printer.queryStatus();
        scheduler.runDueTasks();
        assertEquals(PrinterCondition.PAPER_OUT, status.join().condition());
    }

    @Test
    void aPrinterThatDoesNotAnswerIsReportedNotAnsweringAfterTheTimeout() {
        printer.start();
        device.answers = false;
        CompletableFuture<PrinterStatus> status = printer.queryStatus();
        scheduler.advance(Duration.ofMillis(499));
        assertFalse(status.isDone());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(PrinterCondition.NOT_ANSWERING, status.join().condition());
    }

    @Test
    void printingWithTheCableUnpluggedFailsLoudly() {
        printer.start();
        pair.unplug();
        assertThrows(SerialTransportException.class, () -> printer.print(receipt()));
        CompletableFuture<PrinterStatus> status = printer.queryStatus();
        scheduler.runDueTasks();
        assertEquals(PrinterCondition.NOT_ANSWERING, status.join().condition());
    }

    @Test
    void textWithAControlCharacterIsRefusedBecauseItWouldBeACommand() {
        assertThrows(IllegalArgumentException.class, () -> new EscPosDocument().line("a\u001bb"));
    }

    @Test
    void theBuilderNamesTheSettingThatCannotWork() {
        assertEquals("columns", assertThrows(ConfigurationException.class,
                () -> ReceiptPrinter.builder(pair.hostEnd()).scheduler(scheduler).columns(100).build()).setting());
        assertEquals("scheduler", assertThrows(ConfigurationException.class,
                () -> ReceiptPrinter.builder(pair.hostEnd()).build()).setting());
    }
}
