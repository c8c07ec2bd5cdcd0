package dev.tenderkit.transport.serial;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a {@link SerialLink}'s state, as told to a {@link LinkStateListener}.
 *
 * @param link the link's {@link SerialLink#name()}
 * @param previous the state before
 * @param current the state now
 * @param at when the change happened, by the link's clock
 * @param reason why, in words for a log or a maintenance screen, e.g. {@code "device disconnected"}
 */
public record LinkStateChange(String link, LinkState previous, LinkState current, Instant at, String reason) {

    /** Checks that no component is null. */
    public LinkStateChange {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
