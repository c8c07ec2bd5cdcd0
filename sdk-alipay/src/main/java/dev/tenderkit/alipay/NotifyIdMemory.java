package dev.tenderkit.alipay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code notify_id}s recently accepted or being handled, bounded (the oldest accepted ones are
 * forgotten first). Alipay resends one notification for about 25 hours, so a few thousand entries
 * cover a busy terminal. Thread-safe.
 */
final class NotifyIdMemory {
    enum Claim {
        /** First time: the caller handles it and then calls {@link #accepted} or {@link #release}. */
        FIRST,
        /** Already accepted. */
        ACCEPTED,
        /** Another thread is handling it now. */
        IN_PROGRESS
    }

    private final Map<String, Boolean> accepted;

    NotifyIdMemory(int capacity) {
        this.accepted = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity && eldest.getValue();
            }
        };
    }

    synchronized Claim claim(String notifyId) {
        Boolean done = accepted.get(notifyId);
        if (done == null) {
            accepted.put(notifyId, Boolean.FALSE);
            return Claim.FIRST;
        }
        return done ? Claim.ACCEPTED : Claim.IN_PROGRESS;
    }

    synchronized boolean isAccepted(String notifyId) {
        return Boolean.TRUE.equals(accepted.get(notifyId));
    }

    synchronized void accepted(String notifyId) {
        accepted.put(notifyId, Boolean.TRUE);
    }

    synchronized void release(String notifyId) {
        accepted.remove(notifyId);
    }

    synchronized int size() {
        return accepted.size();
    }
}
