package dev.tenderkit.core.health.checks;

import java.util.Optional;

/**
 * Where the power check reads the battery: supplied by the platform (Android's
 * {@code BatteryManager}, a vendor SDK). Thread-safe; may throw, which the monitor reports as a
 * FAIL naming the exception.
 */
@FunctionalInterface
public interface PowerSource {

    /** @return the battery reading, or empty for a terminal without a battery (mains only) */
    Optional<PowerReading> read();
}
