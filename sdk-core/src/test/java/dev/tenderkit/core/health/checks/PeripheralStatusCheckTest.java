package dev.tenderkit.core.health.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.health.HealthStatus;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.terminal.Peripheral;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Drivers are stood in for by an in-memory source holding what they would report. */
class PeripheralStatusCheckTest {
    private final List<PeripheralState> reported = new CopyOnWriteArrayList<>();
    private final PeripheralStatusSource drivers = () -> List.copyOf(reported);

    private static PeripheralState state(String name, Peripheral kind, PeripheralCondition c, String en) {
        return PeripheralState.of(name, kind, c, LocalizedText.of(en + "（中文）", en));
    }

    private List<HealthItem> check(PeripheralStatusCheck.Builder b) {
        return b.source(drivers).build().check(Contexts.fixed());
    }

    private List<HealthItem> check() {
        return check(PeripheralStatusCheck.builder());
    }

    @Test
    void readyIsOkAndDegradedWarns() {
        reported.add(state("scanner", Peripheral.BARCODE_SCANNER, PeripheralCondition.READY, "online"));
        reported.add(state("printer", Peripheral.RECEIPT_PRINTER, PeripheralCondition.DEGRADED, "paper low"));
        List<HealthItem> items = check();
        assertEquals(List.of("peripheral.scanner", "peripheral.printer"), items.stream().map(HealthItem::id).toList());
        assertEquals(HealthStatus.OK, items.get(0).status());
        assertEquals(HealthStatus.WARN, items.get(1).status());
        assertEquals("printer (receipt printer) needs attention: paper low", items.get(1).detail().en());
    }

    @Test
    void aDisconnectedEssentialScannerFailsForEveryWalletWithAReconnectRemedy() {
        reported.add(state("scanner", Peripheral.BARCODE_SCANNER, PeripheralCondition.DISCONNECTED, "no USB device"));
        HealthItem item = check().get(0);
        assertEquals(HealthStatus.FAIL, item.status());
        assertEquals(Set.of(), item.affectedWallets());
        assertTrue(item.remedy().orElseThrow().en().startsWith("reconnect the barcode scanner"));
    }

    @Test
    void aBrokenPeripheralThatIsNotEssentialOnlyWarnsAndTheDriversRemedyWins() {
        reported.add(state("scanner", Peripheral.BARCODE_SCANNER, PeripheralCondition.READY, "online"));
        reported.add(new PeripheralState("printer", Peripheral.RECEIPT_PRINTER, PeripheralCondition.FAULT,
                LocalizedText.of("缺纸", "paper out"), Optional.of(LocalizedText.of("装入 57 毫米纸卷", "load 57 mm paper"))));
        HealthItem printer = check().get(1);
        assertEquals(HealthStatus.WARN, printer.status());
        assertEquals("load 57 mm paper", printer.remedy().orElseThrow().en());

        HealthItem essential = check(PeripheralStatusCheck.builder().essential(Peripheral.BARCODE_SCANNER,
                Peripheral.RECEIPT_PRINTER)).get(1);
        assertEquals(HealthStatus.FAIL, essential.status());
    }

    @Test
    void aCardReaderFaultAffectsUnionPayOnly() {
        reported.add(state("reader", Peripheral.CARD_READER, PeripheralCondition.FAULT, "chip contact error"));
        HealthItem item = check(PeripheralStatusCheck.builder().essential(Peripheral.CARD_READER)).get(0);
        assertEquals(HealthStatus.FAIL, item.status());
        assertEquals(Set.of(Wallet.UNIONPAY), item.affectedWallets());
    }

    @Test
    void anEssentialKindNoDriverReportsFails() {
        reported.add(state("printer", Peripheral.RECEIPT_PRINTER, PeripheralCondition.READY, "online"));
        List<HealthItem> items = check();
        HealthItem missing = items.get(1);
        assertEquals("peripheral.missing.barcode-scanner", missing.id());
        assertEquals(HealthStatus.FAIL, missing.status());
    }

    @Test
    void nothingReportedAndNothingEssentialIsOk() {
        List<HealthItem> items = check(PeripheralStatusCheck.builder().essential());
        assertEquals(List.of("peripheral"), items.stream().map(HealthItem::id).toList());
        assertEquals(HealthStatus.OK, items.get(0).status());
    }

    @Test
    void twoPeripheralsWithOneNameAreRefused() {
        reported.add(state("dev", Peripheral.BARCODE_SCANNER, PeripheralCondition.READY, "online"));
        reported.add(state("dev", Peripheral.RECEIPT_PRINTER, PeripheralCondition.READY, "online"));
        assertEquals("peripherals", assertThrows(InvalidInputException.class, this::check).field());
        assertEquals("source", assertThrows(ConfigurationException.class,
                () -> PeripheralStatusCheck.builder().build()).setting());
    }
}
