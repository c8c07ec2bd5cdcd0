package dev.tenderkit.core.health;

/**
 * A check as a {@link HealthMonitor} holds it: the check and the depth it was registered with.
 *
 * @param depth {@link CheckDepth#QUICK} to run in every run, {@link CheckDepth#FULL} for full runs only
 * @param check the check
 */
record RegisteredCheck(CheckDepth depth, HealthCheck check) {

    /** @return whether a run of this depth includes the check */
    boolean runsIn(CheckDepth runDepth) {
        return runDepth.includes(depth);
    }
}
