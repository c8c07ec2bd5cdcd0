package dev.tenderkit.core.health.checks;

import java.util.List;

/**
 * Where the peripheral check learns how the terminal's peripherals stand: implemented by the
 * peripheral drivers (the serial scanner, printer and cash-register drivers of
 * {@code sdk-transport-serial}, a platform's built-in scanner service), which core does not
 * depend on. Several drivers combine by concatenating their lists.
 *
 * <p>Implementations must be thread-safe and should answer from the state the driver already
 * tracks rather than by talking to the device; they may throw, which the monitor reports as a FAIL
 * naming the exception.
 */
@FunctionalInterface
public interface PeripheralStatusSource {

    /** @return the state of every peripheral the drivers know, names distinct */
    List<PeripheralState> peripherals();
}
