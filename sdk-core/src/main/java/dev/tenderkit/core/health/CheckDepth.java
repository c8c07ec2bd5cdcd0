package dev.tenderkit.core.health;

/**
 * How thorough a health run is, and how expensive a check is. A {@link #QUICK} check is cheap
 * enough to run every few seconds (a TCP connect, a battery reading) and runs in every run; a
 * {@link #FULL} check costs more or changes slowly (an fsync'd probe file, a reference-time query)
 * and runs only in full runs.
 */
public enum CheckDepth {
    /** Cheap checks only. */
    QUICK,
    /** Every check. */
    FULL;

    /** @return whether a run of this depth includes a check of depth {@code check} */
    public boolean includes(CheckDepth check) {
        return this == FULL || check == QUICK;
    }
}
