package dev.tenderkit.core.payment.journal;

import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for one journal file: appends that must be durable share forces of the file.
 *
 * <p>Each append is first written (under the journal's lock, in file order) and registered here
 * with {@link #wrote(long)}, which gives it a <em>ticket</em>: its end as a count of all bytes ever
 * appended, a number that keeps growing across compactions (which shorten the file). A caller that
 * needs the record durable calls {@link #await(long)}: if no force is running, it becomes the
 * <em>leader</em>, forces the file once for everything registered so far and wakes every waiter;
 * otherwise it waits on the condition until a force covers its ticket. So one force runs at a time,
 * and one force makes every record written before it began durable, however many callers wait
 * for it. Waiting is on the event only (no timed waits, no polling) and cannot be interrupted: a
 * caller must learn whether its record is durable.
 *
 * <p><b>Failure is fatal.</b> A force that fails fails every waiter not yet covered, with that
 * {@link IOException}, and every later {@link #await} and {@link #rewrite}: as PostgreSQL learned
 * (2018, "fsyncgate"), after a failed fsync the kernel may have dropped the dirty pages and marked
 * them clean, so a later force that succeeds proves nothing about them. The force is never
 * retried; only reopening the journal (which reads back what the file holds) writes again.
 *
 * <p>Thread-safe. Lock order: the journal's monitor, then this lock; the leader forces holding
 * neither.
 */
final class GroupCommit {
    /** What forces the journal's current file. */
    @FunctionalInterface
    interface Force {
        void run() throws IOException;
    }

    /** A rewrite of the whole file (compaction, repair) that leaves it durable; returns the new length. */
    @FunctionalInterface
    interface Rewrite {
        long run() throws IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Force force;
    private final boolean sync;
    /** Ticket of file offset 0: tickets keep growing when a rewrite shortens the file. */
    private long base;
    private long written;
    private long durable;
    private boolean forcing;
    private IOException failure;
    private long forces;

    /**
     * @param force forces the journal's current file
     * @param sync false when appends are not forced ({@link JournalOptions#syncOnAppend()} off):
     *     a write then counts as durable as soon as it is made
     * @param length the file's length at open, all of it durable
     */
    GroupCommit(Force force, boolean sync, long length) {
        this.force = force;
        this.sync = sync;
        this.written = length;
        this.durable = length;
    }

    /**
     * Registers bytes written up to file offset {@code end}; called under the journal's lock, after
     * the write returned, in file order.
     *
     * @return the ticket to {@link #await} for them
     */
    long wrote(long end) {
        lock.lock();
        try {
            written = base + end;
            if (!sync) {
                durable = written;
            }
            return written;
        } finally {
            lock.unlock();
        }
    }

    /** @return a ticket covering everything written so far */
    long lastTicket() {
        lock.lock();
        try {
            return written;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once the bytes up to {@code ticket} are durable, forcing the file if no one else is.
     *
     * @throws IOException the failure of the force that should have covered them, or of an earlier one
     */
    void await(long ticket) throws IOException {
        lock.lock();
        try {
            while (durable < ticket) {
                if (failure != null) {
                    throw new IOException("the journal's force to the device failed, so bytes up to " + (ticket - base)
                            + " may not be durable: " + failure, failure);
                }
                if (forcing) {
                    changed.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Holding the lock: forces once for everything written so far, without the lock while forcing. */
    private void lead() {
        forcing = true;
        long target = written;
        boolean forced = false;
        IOException failed = null;
        lock.unlock();
        try {
            force.run();
            forced = true;
        } catch (IOException e) {
            failed = e;
        } catch (RuntimeException e) {
            failed = new IOException("forcing the journal failed: " + e, e);
        } finally {
            // Also reached by an Error, which propagates: a force that did not return is a failed force.
            lock.lock();
            forces++;
            forcing = false;
            if (forced) {
                durable = Math.max(durable, target);
            } else if (failure == null) {
                failure = failed != null ? failed : new IOException("the force of the journal did not complete");
            }
            changed.signalAll();
        }
    }

    /**
     * Runs a rewrite of the whole file while no force runs (and none starts); afterwards every
     * ticket issued so far counts as durable — the rewrite forced its new file, which holds what the
     * journal keeps — and file offsets start again from the new length.
     *
     * @throws IOException the rewrite's failure (fatal: see {@link #fail}), or an earlier force failure
     */
    void rewrite(Rewrite body) throws IOException {
        lock.lock();
        try {
            while (forcing) {
                changed.awaitUninterruptibly();
            }
            if (failure != null) {
                throw new IOException("an earlier force of the journal failed: " + failure, failure);
            }
            forcing = true;
        } finally {
            lock.unlock();
        }
        long length = -1;
        try {
            length = body.run();
        } finally {
            lock.lock();
            try {
                forcing = false;
                if (length >= 0) {
                    durable = written;
                    base = written - length;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A write or rewrite failed: the journal is failed, and every waiter not yet covered hears why. */
    void fail(IOException e) {
        lock.lock();
        try {
            if (failure == null) {
                failure = e;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return the failure that stopped the journal, if one did */
    IOException failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** @return the file's length known to be durable */
    long durableLength() {
        lock.lock();
        try {
            return durable - base;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether everything written is durable */
    boolean allDurable() {
        lock.lock();
        try {
            return durable >= written;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many times the file was forced for appends (including failed forces) */
    long forces() {
        lock.lock();
        try {
            return forces;
        } finally {
            lock.unlock();
        }
    }
}
