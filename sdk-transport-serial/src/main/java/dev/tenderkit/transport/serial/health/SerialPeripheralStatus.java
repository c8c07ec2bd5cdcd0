package dev.tenderkit.transport.serial.health;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.checks.PeripheralCondition;
import dev.tenderkit.core.health.checks.PeripheralState;
import dev.tenderkit.core.health.checks.PeripheralStatusSource;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.transport.serial.LinkState;
import dev.tenderkit.transport.serial.SerialLink;
import dev.tenderkit.transport.serial.printer.PrinterStatus;
import dev.tenderkit.transport.serial.printer.ReceiptPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The serial drivers' report to core's peripheral health check: each registered port's link state
 * and, for a receipt printer, what its latest status query found. Answers from state the drivers
 * already track, never by talking to a device. Thread-safe once built.
 */
public final class SerialPeripheralStatus implements PeripheralStatusSource {
    private final Map<String, Entry> entries;

    private record Entry(Peripheral kind, SerialLink link, Optional<ReceiptPrinter> printer) {
    }

    private SerialPeripheralStatus(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<PeripheralState> peripherals() {
        List<PeripheralState> out = new ArrayList<>();
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(state(e.getKey(),
                e.getValue())));
        return out;
    }

    private static PeripheralState state(String name, Entry e) {
        LinkState link = e.link().state();
        if (link != LinkState.OPEN) {
            String port = e.link().name();
            return PeripheralState.of(name, e.kind(), PeripheralCondition.DISCONNECTED, link == LinkState.RECONNECTING
                    ? LocalizedText.of("串口 " + port + " 已断开，正在重连", "port " + port + " went away; reconnecting")
                    : LocalizedText.of("串口 " + port + " 未打开", "port " + port + " is not open"));
        }
        if (e.printer().isEmpty()) {
            return PeripheralState.of(name, e.kind(), PeripheralCondition.READY,
                    LocalizedText.of("串口已连接", "port open"));
        }
        Optional<PrinterStatus> status = e.printer().get().lastStatus();
        if (status.isEmpty()) {
            return PeripheralState.of(name, e.kind(), PeripheralCondition.READY,
                    LocalizedText.of("串口已连接，尚未查询打印机状态", "port open; printer status not queried yet"));
        }
        return switch (status.get().condition()) {
            case READY -> PeripheralState.of(name, e.kind(), PeripheralCondition.READY,
                    LocalizedText.of("打印机就绪", "printer ready"));
            case PAPER_NEAR_END -> new PeripheralState(name, e.kind(), PeripheralCondition.DEGRADED,
                    LocalizedText.of("打印纸即将用完", "paper nearly out"),
                    Optional.of(LocalizedText.of("尽快更换纸卷", "replace the paper roll soon")));
            case PAPER_OUT -> new PeripheralState(name, e.kind(), PeripheralCondition.FAULT,
                    LocalizedText.of("打印纸已用完", "paper out"),
                    Optional.of(LocalizedText.of("装入新纸卷", "load a new paper roll")));
            case COVER_OPEN -> new PeripheralState(name, e.kind(), PeripheralCondition.FAULT,
                    LocalizedText.of("打印机盖未关", "printer cover open"),
                    Optional.of(LocalizedText.of("关好打印机盖", "close the printer cover")));
            case NOT_ANSWERING -> new PeripheralState(name, e.kind(), PeripheralCondition.FAULT,
                    LocalizedText.of("打印机未响应状态查询", "printer did not answer the status query"),
                    Optional.of(LocalizedText.of("检查打印机电源与串口线", "check the printer's power and serial cable")));
        };
    }

    /** Registers the ports to report. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param name the peripheral's name in health items, e.g. {@code scanner}
         * @param kind what it is
         * @param link its serial link
         * @return this builder
         */
        public Builder link(String name, Peripheral kind, SerialLink link) {
            return add(name, new Entry(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(link, "link"),
                    Optional.empty()));
        }

        /**
         * @param name the printer's name in health items, e.g. {@code printer}
         * @param printer the receipt printer driver
         * @return this builder
         */
        public Builder printer(String name, ReceiptPrinter printer) {
            return add(name, new Entry(Peripheral.RECEIPT_PRINTER, printer.link(), Optional.of(printer)));
        }

        private Builder add(String name, Entry entry) {
            PeripheralState.of(name, entry.kind(), PeripheralCondition.READY, LocalizedText.of("-", "-"));   // validates the name
            if (entries.putIfAbsent(name, entry) != null) {
                throw new dev.tenderkit.core.ConfigurationException("name", "peripheral \"" + name + "\" registered twice");
            }
            return this;
        }

        /** @return the source */
        public SerialPeripheralStatus build() {
            return new SerialPeripheralStatus(entries);
        }
    }
}
