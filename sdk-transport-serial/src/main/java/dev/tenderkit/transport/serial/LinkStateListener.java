package dev.tenderkit.transport.serial;

/**
 * Told of every state change of a {@link SerialLink}: what a health check or a maintenance screen
 * subscribes to. Called on the thread that made the change; must return quickly and not throw.
 */
@FunctionalInterface
public interface LinkStateListener {

    /** @param change the change that just happened */
    void stateChanged(LinkStateChange change);
}
