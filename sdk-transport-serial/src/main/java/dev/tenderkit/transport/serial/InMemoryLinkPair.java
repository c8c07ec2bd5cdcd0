package dev.tenderkit.transport.serial;

import dev.tenderkit.core.time.TaskScheduler;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Two {@link SerialLink}s joined by a virtual null-modem cable, for tests and simulations: bytes
 * written to {@link #hostEnd()} arrive at {@link #deviceEnd()} and the other way round.
 *
 * <p>Like a real line, delivery is asynchronous: received bytes reach each end's receiver through
 * the {@link TaskScheduler} given to {@link #create}, due at once, in write order (each end queues
 * its own deliveries, so any scheduler keeps the order). Pass a
 * {@link dev.tenderkit.core.time.ManualTaskScheduler} to make a test fully deterministic. Bytes written while the other end is not {@link LinkState#OPEN} are lost, as on a
 * cable with nobody listening.
 *
 * <p>{@link #unplug()} and {@link #plugIn()} simulate pulling the cable: both opened ends move to
 * {@link LinkState#RECONNECTING} and back to {@link LinkState#OPEN}, telling their listeners.
 * {@link #setLineFault} lets a test corrupt, drop or duplicate what crosses the cable.
 *
 * <p>Thread-safe.
 */
public final class InMemoryLinkPair {

    private final InMemoryLink host;
    private final InMemoryLink device;

    private InMemoryLinkPair(TaskScheduler time) {
        host = new InMemoryLink("memory:host", time);
        device = new InMemoryLink("memory:device", time);
        host.connect(device);
        device.connect(host);
    }

    /**
     * @param time runs the deliveries of received bytes; its clock stamps state changes
     * @return a connected pair, both ends {@link LinkState#CLOSED} until opened
     */
    public static InMemoryLinkPair create(TaskScheduler time) {
        return new InMemoryLinkPair(Objects.requireNonNull(time, "time"));
    }

    /** @return one end, by convention the cash register's or the terminal's own port */
    public SerialLink hostEnd() {
        return host;
    }

    /** @return the other end, by convention the device's (scanner, printer, terminal) */
    public SerialLink deviceEnd() {
        return device;
    }

    /** Pulls the cable: every opened end moves to {@link LinkState#RECONNECTING}; writes fail. */
    public void unplug() {
        host.plug(false);
        device.plug(false);
    }

    /** Puts the cable back: every opened end moves to {@link LinkState#OPEN}. */
    public void plugIn() {
        host.plug(true);
        device.plug(true);
    }

    /**
     * Installs a fault on the cable in one direction: every chunk written towards {@code to} passes
     * through {@code fault} first, which may return it changed, empty (lost) or longer.
     *
     * @param to the receiving end, {@link #hostEnd()} or {@link #deviceEnd()}
     * @param fault what the cable does to each written chunk; {@link UnaryOperator#identity()} to heal it
     */
    public void setLineFault(SerialLink to, UnaryOperator<byte[]> fault) {
        Objects.requireNonNull(fault, "fault");
        if (to == host) {
            device.setOutgoingFault(fault);
        } else if (to == device) {
            host.setOutgoingFault(fault);
        } else {
            throw new IllegalArgumentException("to: not an end of this pair");
        }
    }
}
