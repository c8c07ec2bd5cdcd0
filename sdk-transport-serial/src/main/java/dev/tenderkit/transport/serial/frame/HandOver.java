package dev.tenderkit.transport.serial.frame;

import java.util.ArrayDeque;

/**
 * Runs callbacks queued under a lock after the lock is released, one at a time and in queue
 * order, whichever thread gets there first: so user code never runs under the channel's lock, and
 * received payloads and outcomes are never reordered or run concurrently.
 */
final class HandOver {

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    synchronized void add(Runnable task) {
        queue.add(task);
    }

    void run() {
        synchronized (this) {
            if (running) {
                return;
            }
            running = true;
        }
        while (true) {
            Runnable task;
            synchronized (this) {
                task = queue.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(HandOver.class).error("a receiver or outcome callback threw", e);
            }
        }
    }
}
