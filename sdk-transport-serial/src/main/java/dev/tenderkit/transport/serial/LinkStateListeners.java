package dev.tenderkit.transport.serial;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The state listeners of one link, shared by every {@link SerialLink} implementation. Thread-safe. */
final class LinkStateListeners {
    private final CopyOnWriteArrayList<LinkStateListener> listeners = new CopyOnWriteArrayList<>();

    void add(LinkStateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(LinkStateListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener of a change; does nothing for {@code null} (no change happened). */
    void tell(LinkStateChange change) {
        if (change == null) {
            return;
        }
        for (LinkStateListener listener : listeners) {
            listener.stateChanged(change);
        }
    }
}
