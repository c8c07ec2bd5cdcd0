package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.terminal.Peripheral;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One peripheral's state, as a driver reports it to a {@link PeripheralStatusSource}.
 *
 * @param name the device's short name, unique on the terminal, e.g. {@code printer} or
 *     {@code scanner-usb}; the health item is {@code peripheral.<name>}
 * @param kind what it is
 * @param condition how it stands
 * @param detail what the driver sees, e.g. "paper out"
 * @param remedy what to do, when the driver knows better than the generic advice ("load 57 mm
 *     paper rolls")
 */
public record PeripheralState(String name, Peripheral kind, PeripheralCondition condition, LocalizedText detail,
        Optional<LocalizedText> remedy) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /** Validates. */
    public PeripheralState {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "peripheral name must be 1-32 of [a-z0-9_-], starting with a "
                    + "letter or digit, got \"" + name + "\"");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(remedy, "remedy");
    }

    /** @return a state without a driver-specific remedy */
    public static PeripheralState of(String name, Peripheral kind, PeripheralCondition condition,
            LocalizedText detail) {
        return new PeripheralState(name, kind, condition, detail, Optional.empty());
    }
}
