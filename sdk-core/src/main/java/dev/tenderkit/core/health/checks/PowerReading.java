package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.InvalidInputException;

/**
 * The terminal's battery, as the platform reads it (on Android, from {@code BatteryManager}).
 *
 * @param levelPercent charge level, 0 to 100
 * @param charging whether the battery is charging
 * @param onMains whether external power is connected (charging or not, e.g. full)
 */
public record PowerReading(int levelPercent, boolean charging, boolean onMains) {
    /** Validates. */
    public PowerReading {
        if (levelPercent < 0 || levelPercent > 100) {
            throw new InvalidInputException("levelPercent", "must be 0..100, got " + levelPercent);
        }
    }

    /** @return whether the terminal runs on external power rather than draining its battery */
    public boolean externallyPowered() {
        return onMains || charging;
    }
}
