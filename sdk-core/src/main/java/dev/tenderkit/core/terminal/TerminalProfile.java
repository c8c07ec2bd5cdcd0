package dev.tenderkit.core.terminal;

import dev.tenderkit.core.InvalidInputException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a terminal is, as far as payment capability goes: who made it, which cashier software
 * version it runs, what is attached, how it connects, and which wallet settings have been
 * configured on it (app ids, keys, feature switches, named by dotted keys such as
 * {@code alipay.app_id}). Immutable.
 *
 * @param brand manufacturer or software vendor brand, e.g. {@code Sunmi}; matched case-insensitively
 * @param model model name, e.g. {@code P2 Pro}; matched case-insensitively
 * @param serial serial number
 * @param softwareVersion version of the cashier software that integrates the wallets
 * @param peripherals attached or built-in peripherals
 * @param connectivity network links available
 * @param configuredSettings names of the wallet settings configured on this terminal
 */
public record TerminalProfile(String brand, String model, String serial, SoftwareVersion softwareVersion,
        Set<Peripheral> peripherals, Set<Connectivity> connectivity, Set<String> configuredSettings) {

    /** Validates and copies. */
    public TerminalProfile {
        brand = requireText(brand, "brand");
        model = requireText(model, "model");
        serial = requireText(serial, "serial");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        peripherals = Set.copyOf(peripherals.isEmpty() ? EnumSet.noneOf(Peripheral.class) : EnumSet.copyOf(peripherals));
        connectivity = Set.copyOf(connectivity);
        for (String s : configuredSettings) {
            requireText(s, "configuredSettings");
        }
        configuredSettings = Set.copyOf(configuredSettings);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return value.strip();
    }

    /** @return whether the peripheral is attached */
    public boolean has(Peripheral peripheral) {
        return peripherals.contains(peripheral);
    }

    /** @return whether the named setting is configured */
    public boolean isConfigured(String setting) {
        return configuredSettings.contains(setting);
    }

    /** @return {@code brand model} */
    public String displayName() {
        return brand + " " + model;
    }
}
