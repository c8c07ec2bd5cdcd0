package dev.tenderkit.transport.serial.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.health.CheckDepth;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.health.HealthMonitor;
import dev.tenderkit.core.health.HealthReport;
import dev.tenderkit.core.health.HealthStatus;
import dev.tenderkit.core.health.checks.PeripheralCondition;
import dev.tenderkit.core.health.checks.PeripheralState;
import dev.tenderkit.core.health.checks.PeripheralStatusCheck;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.transport.serial.InMemoryLinkPair;
import dev.tenderkit.transport.serial.health.SerialPeripheralStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serial drivers feed core's peripheral health check: link state and the printer's last status. */
class PrinterHealthTest {
    private final ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.parse("2026-11-25T02:00:00Z"));
    private final InMemoryLinkPair printerPair = InMemoryLinkPair.create(scheduler);
    private final InMemoryLinkPair scannerPair = InMemoryLinkPair.create(scheduler);
    private final ReceiptPrinter printer = ReceiptPrinter.builder(printerPair.hostEnd()).scheduler(scheduler).build();
    private final SimulatedPrinter device = new SimulatedPrinter(printerPair.deviceEnd());
    private final SerialPeripheralStatus status = SerialPeripheralStatus.builder()
            .printer("printer", printer).link("scanner", Peripheral.BARCODE_SCANNER, scannerPair.hostEnd()).build();

    private PeripheralCondition condition(String name) {
        return status.peripherals().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().condition();
    }

    @Test
    void aPortNotOpenIsDisconnectedAndAnOpenOneReady() {
        assertEquals(PeripheralCondition.DISCONNECTED, condition("scanner"));
        scannerPair.hostEnd().open(bytes -> { });
        assertEquals(PeripheralCondition.READY, condition("scanner"));
        assertEquals(List.of("printer", "scanner"), status.peripherals().stream().map(PeripheralState::name).toList());
    }

    @Test
    void thePrintersLastStatusIsReportedWithItsRemedyWithoutAskingTheDeviceAgain() {
        printer.start();
        assertEquals(PeripheralCondition.READY, condition("printer"), "not queried yet: the port is open");
        device.paperStatus = 0x12 | 0x60;
        printer.queryStatus();
        scheduler.runDueTasks();
        int bytesSent = device.received.size();
        PeripheralState paperOut = status.peripherals().get(0);
        assertEquals(PeripheralCondition.FAULT, paperOut.condition());
        assertEquals("load a new paper roll", paperOut.remedy().orElseThrow().en());
        assertEquals(bytesSent, device.received.size(), "reporting health sent nothing to the printer");
    }

    @Test
    void aPrinterOutOfPaperFailsThePeripheralHealthCheck() {
        printer.start();
        device.paperStatus = 0x12 | 0x60;
        printer.queryStatus();
        scheduler.runDueTasks();
        try (HealthMonitor monitor = HealthMonitor.builder()
                .check(CheckDepth.QUICK,
                        PeripheralStatusCheck.builder().source(status).essential(Peripheral.RECEIPT_PRINTER).build())
                .build()) {
            HealthReport report = monitor.run(CheckDepth.FULL);
            HealthItem item = report.item("peripheral.printer").orElseThrow();
            assertTrue(item.status() != HealthStatus.OK, item.toString());
        }
    }
}
