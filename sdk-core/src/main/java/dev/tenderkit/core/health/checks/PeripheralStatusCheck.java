package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.HealthCheck;
import dev.tenderkit.core.health.HealthCheckContext;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.terminal.Peripheral;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Are the peripherals working? Turns what the drivers report through a
 * {@link PeripheralStatusSource} into one item per peripheral, {@code peripheral.<name>}:
 *
 * <ul>
 *   <li>READY: OK.
 *   <li>DEGRADED: WARN.
 *   <li>FAULT or DISCONNECTED: FAIL if the kind is essential (the terminal cannot take payments
 *       without it), else WARN: a receipt printer out of paper should not stop payments unless you
 *       say it must.
 *   <li>An essential kind no driver reports: FAIL, {@code peripheral.missing.<kind>}.
 * </ul>
 *
 * <p>Affected wallets follow what the kind is for: a barcode scanner or camera reads every
 * wallet's payment code (all methods); a card reader or PIN pad serves UnionPay cards; an NFC reader
 * UnionPay QuickPass and e-CNY; a printer or customer display every method. Default essential
 * kind: the barcode scanner. Reading the drivers' states is cheap and paper runs out between full
 * runs: register it for {@link dev.tenderkit.core.health.CheckDepth#QUICK} runs. Immutable and
 * thread-safe.
 */
public final class PeripheralStatusCheck implements HealthCheck {
    /** The check id and prefix of its items. */
    public static final String ID = "peripheral";

    private final PeripheralStatusSource source;
    private final Set<Peripheral> essential;

    private PeripheralStatusCheck(Builder b) {
        this.source = b.source;
        this.essential = Set.copyOf(b.essential);
    }

    /** @return a builder; a source is required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HealthItem> check(HealthCheckContext context) {
        List<PeripheralState> states = source.peripherals();
        List<HealthItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Peripheral> seen = EnumSet.noneOf(Peripheral.class);
        for (PeripheralState s : states) {
            if (!names.add(s.name())) {
                throw new InvalidInputException("peripherals", "two peripherals are named \"" + s.name() + "\"");
            }
            seen.add(s.kind());
            items.add(item(s));
        }
        for (Peripheral kind : Peripheral.values()) {
            if (essential.contains(kind) && !seen.contains(kind)) {
                items.add(HealthItem.fail(ID + ".missing." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        LocalizedText.of("没有驱动报告" + zh(kind) + "，而收款离不开它",
                                "no driver reports a " + en(kind) + ", and payments need one"),
                        LocalizedText.of("连接" + zh(kind) + "并确认其驱动已启用",
                                "attach a " + en(kind) + " and make sure its driver is enabled"),
                        wallets(kind)));
            }
        }
        if (items.isEmpty()) {
            items.add(HealthItem.ok(ID, LocalizedText.of("没有报告任何外设，也没有必需的外设",
                    "no peripheral is reported and none is essential")));
        }
        return items;
    }

    private HealthItem item(PeripheralState s) {
        String id = ID + "." + s.name();
        String zhWhat = s.name() + "（" + zh(s.kind()) + "）";
        String enWhat = s.name() + " (" + en(s.kind()) + ")";
        LocalizedText detail;
        LocalizedText advice;
        switch (s.condition()) {
            case READY:
                return HealthItem.ok(id, LocalizedText.of(zhWhat + " 就绪：" + s.detail().zh(),
                        enWhat + " ready: " + s.detail().en()));
            case DEGRADED:
                detail = LocalizedText.of(zhWhat + " 需要注意：" + s.detail().zh(),
                        enWhat + " needs attention: " + s.detail().en());
                advice = LocalizedText.of("处理" + zh(s.kind()) + "的问题：" + s.detail().zh(),
                        "see to the " + en(s.kind()) + ": " + s.detail().en());
                break;
            case FAULT:
                detail = LocalizedText.of(zhWhat + " 故障：" + s.detail().zh(), enWhat + " fault: " + s.detail().en());
                advice = LocalizedText.of("排除" + zh(s.kind()) + "的故障（" + s.detail().zh() + "），必要时重启该设备",
                        "clear the " + en(s.kind()) + " fault (" + s.detail().en() + "), power-cycling it if needed");
                break;
            default:
                detail = LocalizedText.of(zhWhat + " 未连接：" + s.detail().zh(),
                        enWhat + " disconnected: " + s.detail().en());
                advice = LocalizedText.of("重新连接" + zh(s.kind()) + "（检查线缆和电源），然后重启该设备",
                        "reconnect the " + en(s.kind()) + " (check its cable and power), then power-cycle it");
                break;
        }
        LocalizedText remedy = s.remedy().orElse(advice);
        boolean broken = s.condition() == PeripheralCondition.FAULT || s.condition() == PeripheralCondition.DISCONNECTED;
        return broken && essential.contains(s.kind())
                ? HealthItem.fail(id, detail, remedy, wallets(s.kind()))
                : HealthItem.warn(id, detail, remedy, wallets(s.kind()));
    }

    private static Set<Wallet> wallets(Peripheral kind) {
        return switch (kind) {
            case CARD_READER, PIN_PAD -> Set.of(Wallet.UNIONPAY);
            case NFC_READER -> Set.of(Wallet.UNIONPAY, Wallet.ECNY);
            case BARCODE_SCANNER, CAMERA, RECEIPT_PRINTER, CUSTOMER_DISPLAY -> Set.of();
        };
    }

    private static String zh(Peripheral kind) {
        return switch (kind) {
            case BARCODE_SCANNER -> "扫码器";
            case CAMERA -> "摄像头";
            case CARD_READER -> "读卡器";
            case NFC_READER -> "非接读卡器";
            case PIN_PAD -> "密码键盘";
            case RECEIPT_PRINTER -> "小票打印机";
            case CUSTOMER_DISPLAY -> "客显屏";
        };
    }

    private static String en(Peripheral kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Configures the check; {@link #build()} validates and names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private PeripheralStatusSource source;
        private Set<Peripheral> essential = EnumSet.of(Peripheral.BARCODE_SCANNER);

        private Builder() {
        }

        /** @param source what the drivers report; required */
        public Builder source(PeripheralStatusSource source) {
            this.source = source;
            return this;
        }

        /**
         * @param kinds the kinds payments cannot do without: broken or missing, they FAIL; default
         *     the barcode scanner. Pass none if nothing is essential.
         */
        public Builder essential(Peripheral... kinds) {
            this.essential = kinds.length == 0 ? EnumSet.noneOf(Peripheral.class) : EnumSet.copyOf(List.of(kinds));
            return this;
        }

        /** @return the check */
        public PeripheralStatusCheck build() {
            if (source == null) {
                throw new ConfigurationException("source", "a peripheral check needs a peripheral status source");
            }
            return new PeripheralStatusCheck(this);
        }
    }
}
