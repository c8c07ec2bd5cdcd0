package dev.tenderkit.transport.serial;

import dev.tenderkit.core.time.TaskScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** One end of an {@link InMemoryLinkPair}. */
final class InMemoryLink implements SerialLink {

    private final String name;
    private final TaskScheduler time;
    private final LinkStateListeners listeners = new LinkStateListeners();
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> inbox = new ArrayDeque<>();

    private InMemoryLink peer;
    private ByteReceiver receiver;
    private LinkState state = LinkState.CLOSED;
    private boolean opened;
    private boolean plugged = true;
    private boolean draining;
    private volatile UnaryOperator<byte[]> outgoingFault = UnaryOperator.identity();

    InMemoryLink(String name, TaskScheduler time) {
        this.name = name;
        this.time = time;
    }

    void connect(InMemoryLink other) {
        this.peer = other;
    }

    void setOutgoingFault(UnaryOperator<byte[]> fault) {
        this.outgoingFault = fault;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open(ByteReceiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        LinkStateChange change;
        synchronized (lock) {
            if (opened) {
                throw new SerialTransportException(SerialFailure.ALREADY_OPENED, name + " was opened before");
            }
            opened = true;
            this.receiver = receiver;
            change = moveTo(plugged ? LinkState.OPEN : LinkState.RECONNECTING, "opened");
        }
        tell(change);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        synchronized (lock) {
            if (state != LinkState.OPEN) {
                throw new SerialTransportException(SerialFailure.NOT_OPEN, name + " is " + state);
            }
        }
        if (length == 0) {
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        byte[] onTheWire = outgoingFault.apply(copy);
        if (onTheWire.length > 0) {
            peer.arrive(onTheWire);
        }
    }

    private void arrive(byte[] bytes) {
        synchronized (lock) {
            if (state != LinkState.OPEN) {
                return;
            }
            inbox.add(bytes);
            if (draining) {
                return;
            }
            draining = true;
        }
        time.schedule(this::drain, Duration.ZERO);
    }

    private void drain() {
        while (true) {
            byte[] next;
            ByteReceiver to;
            synchronized (lock) {
                next = inbox.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
                to = receiver;
            }
            to.received(next);
        }
    }

    void plug(boolean in) {
        LinkStateChange change = null;
        synchronized (lock) {
            plugged = in;
            if (opened && state != LinkState.CLOSED) {
                LinkState target = in ? LinkState.OPEN : LinkState.RECONNECTING;
                if (target != state) {
                    if (!in) {
                        inbox.clear();
                    }
                    change = moveTo(target, in ? "cable plugged in" : "cable unplugged");
                }
            }
        }
        tell(change);
    }

    @Override
    public LinkState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public void addStateListener(LinkStateListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeStateListener(LinkStateListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        LinkStateChange change = null;
        synchronized (lock) {
            if (state != LinkState.CLOSED) {
                inbox.clear();
                change = moveTo(LinkState.CLOSED, "closed by its owner");
            }
            opened = true;
        }
        tell(change);
    }

    private LinkStateChange moveTo(LinkState next, String reason) {
        LinkStateChange change = new LinkStateChange(name, state, next, time.clock().instant(), reason);
        state = next;
        return change;
    }

    private void tell(LinkStateChange change) {
        listeners.tell(change);
    }

    @Override
    public String toString() {
        return "InMemoryLink[" + name + ' ' + state() + ']';
    }
}
