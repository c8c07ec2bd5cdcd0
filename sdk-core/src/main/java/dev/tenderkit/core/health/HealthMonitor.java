package dev.tenderkit.core.health;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.core.time.TaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the terminal's health checks, on demand ({@link #run}) and on a schedule ({@link #start}):
 * a quick run every {@code quickInterval}, and every {@code fullInterval} a full run in its place.
 * It keeps the most recent reports, combines the latest items of every check into the
 * {@link #terminalHealth()} the capability resolver consumes, and tells listeners.
 *
 * <p>Each check runs on the check executor with a timeout measured by the {@link TaskScheduler};
 * a check that throws, breaks its contract or times out becomes a FAIL item under its id, and
 * nothing a check or a listener does stops the schedule. All time passes through the injected
 * scheduler and is read from its {@link TaskScheduler#clock()} (runs are timed by it, and checks
 * get it in their {@link HealthCheckContext}), so the waiting and the measuring always agree, and
 * with a {@link ManualTaskScheduler} a test drives hours of schedule without sleeping.
 *
 * <p>Thread-safe. Close it to stop the schedule and the threads it created.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final List<RegisteredCheck> checks;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final AutoCloseable ownedScheduler;
    private final Executor checkExecutor;
    private final ExecutorService ownedExecutor;
    private final Duration checkTimeout;
    private final ReportHistory history;
    private final RunSchedule schedule;

    private final Object lock = new Object();
    private long runSequence;
    private boolean closed;

    private HealthMonitor(Builder b) {
        this.checks = List.copyOf(b.checks);
        if (b.scheduler != null) {
            this.scheduler = b.scheduler;
            this.ownedScheduler = null;
        } else {
            ExecutorTaskScheduler own = ExecutorTaskScheduler.create();
            this.scheduler = own;
            this.ownedScheduler = own;
        }
        this.clock = scheduler.clock();
        if (b.checkExecutor != null) {
            this.checkExecutor = b.checkExecutor;
            this.ownedExecutor = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            this.ownedExecutor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "tenderkit-health-check-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.checkExecutor = ownedExecutor;
        }
        this.checkTimeout = b.checkTimeout;
        this.history = new ReportHistory(checks().stream().map(HealthCheck::id).toList(), b.retainedReports,
                b.listeners, clock);
        int quickRunsPerFull = (int) (b.fullInterval.toNanos() / b.quickInterval.toNanos());
        this.schedule = new RunSchedule(scheduler, b.quickInterval, quickRunsPerFull,
                depth -> runAsync(depth, true));
    }

    /** @return a builder; at least one check is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the checks, in the order they were registered and report */
    public List<HealthCheck> checks() {
        return checks.stream().map(RegisteredCheck::check).toList();
    }

    /**
     * Runs the checks of a depth now. The report is retained and listeners hear of it before the
     * future completes.
     *
     * @param depth {@link CheckDepth#QUICK} for quick checks, {@link CheckDepth#FULL} for all
     * @return the report, once every check has finished or timed out
     * @throws IllegalStateException if the monitor is closed
     */
    public CompletableFuture<HealthReport> runAsync(CheckDepth depth) {
        return runAsync(Objects.requireNonNull(depth, "depth"), false);
    }

    /**
     * Runs the checks of a depth and waits for the report: at most about the check timeout with
     * the default scheduler. (With a {@link ManualTaskScheduler} a hung check waits until the test
     * advances time past the timeout, so tests with hanging checks use {@link #runAsync}.)
     *
     * @param depth {@link CheckDepth#QUICK} for quick checks, {@link CheckDepth#FULL} for all
     * @return the report
     * @throws IllegalStateException if the monitor is closed
     */
    public HealthReport run(CheckDepth depth) {
        return runAsync(depth).join();
    }

    /**
     * Starts the schedule: a full run at once, then a run every {@code quickInterval}, full every
     * {@code fullInterval} and quick otherwise. A scheduled run still going when the next is due
     * (a listener that blocks, say) makes that one skip; a skipped full run happens at the next tick.
     *
     * @throws IllegalStateException if already started, or closed
     */
    public void start() {
        schedule.start();
    }

    /** @return the most recent report, if any run finished */
    public Optional<HealthReport> latestReport() {
        return history.latest();
    }

    /** @return the retained reports, oldest first, at most {@code retainedReports} of them */
    public List<HealthReport> recentReports() {
        return history.recent();
    }

    /**
     * The terminal's health now: the latest items of every check, whichever run they came from,
     * so a quick run does not hide a failure only a full run checks. Pass it to
     * {@code CheckoutContext.withHealth(...)}.
     *
     * @return the issues; {@link TerminalHealth#HEALTHY} before any run
     */
    public TerminalHealth terminalHealth() {
        return history.health();
    }

    /** Stops the schedule and the threads this monitor created. Runs in flight still complete. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        schedule.stop();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
        if (ownedScheduler != null) {
            try {
                ownedScheduler.close();
            } catch (Exception e) {
                LOG.warn("closing the health scheduler failed", e);
            }
        }
    }

    private CompletableFuture<HealthReport> runAsync(CheckDepth depth, boolean scheduled) {
        long run;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("health monitor is closed");
            }
            run = ++runSequence;
        }
        Instant startedAt = clock.instant();
        HealthCheckContext context = new HealthCheckContext(clock, depth, checkTimeout);
        Map<String, CompletableFuture<List<HealthItem>>> outcomes = new LinkedHashMap<>();
        for (RegisteredCheck registered : checks) {
            if (registered.runsIn(depth)) {
                HealthCheck check = registered.check();
                outcomes.put(check.id(), CheckAttempt.start(check, context, checkExecutor, scheduler));
            }
        }
        // A scheduled run counts as in flight until its listeners have returned.
        Runnable whenDelivered = scheduled ? schedule::runEnded : () -> { };
        return CompletableFuture.allOf(outcomes.values().toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<String, List<HealthItem>> items = new LinkedHashMap<>();
                    outcomes.forEach((id, outcome) -> items.put(id, outcome.join()));
                    return history.deliver(run, depth, startedAt, items, whenDelivered);
                });
    }

    /** Configures a monitor; {@link #build()} validates and names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private final List<RegisteredCheck> checks = new ArrayList<>();
        private TaskScheduler scheduler;
        private boolean schedulerGiven;
        private Executor checkExecutor;
        private Duration quickInterval = Duration.ofSeconds(30);
        private Duration fullInterval = Duration.ofMinutes(10);
        private Duration checkTimeout = Duration.ofSeconds(10);
        private int retainedReports = 20;
        private final List<HealthListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Registers a check. The depth is the monitor's to choose, not the check's: a cheap probe
         * (a TCP connect, a battery reading) runs in every run, a costly or slow-changing one (an
         * fsync'd probe file, a reference-time query) only in full runs.
         *
         * @param depth {@link CheckDepth#QUICK} to run it in every run, {@link CheckDepth#FULL} for
         *     full runs only
         * @param check the check; ids must be unique, and none may lie under another
         */
        public Builder check(CheckDepth depth, HealthCheck check) {
            checks.add(new RegisteredCheck(depth, Objects.requireNonNull(check, "check")));
            return this;
        }

        /**
         * @param scheduler what times the periodic runs and the check timeouts; its clock is the
         *     terminal clock runs are timed with and checks read. Default a daemon
         *     {@link ExecutorTaskScheduler} on the UTC system clock, which the monitor owns and closes
         */
        public Builder scheduler(TaskScheduler scheduler) {
            this.scheduler = scheduler;
            this.schedulerGiven = true;
            return this;
        }

        /**
         * @param executor where checks run (they may block on sockets and disks); default a pool
         *     of daemon threads the monitor owns and shuts down. {@code Runnable::run} runs them on
         *     the caller's thread, which suits tests whose checks never hang.
         */
        public Builder checkExecutor(Executor executor) {
            this.checkExecutor = executor;
            return this;
        }

        /** @param interval time between scheduled runs; default 30 s */
        public Builder quickInterval(Duration interval) {
            this.quickInterval = interval;
            return this;
        }

        /** @param interval time between full runs, a whole multiple of the quick interval; default 10 min */
        public Builder fullInterval(Duration interval) {
            this.fullInterval = interval;
            return this;
        }

        /** @param timeout how long one check may take before it is a FAIL; default 10 s, below the quick interval */
        public Builder checkTimeout(Duration timeout) {
            this.checkTimeout = timeout;
            return this;
        }

        /** @param count how many recent reports to keep; default 20 */
        public Builder retainedReports(int count) {
            this.retainedReports = count;
            return this;
        }

        /** @param listener hears of every report and every change of health */
        public Builder addListener(HealthListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the monitor, not yet started */
        public HealthMonitor build() {
            if (checks.isEmpty()) {
                throw new ConfigurationException("checks", "a health monitor needs at least one check");
            }
            Set<String> ids = new HashSet<>();
            for (RegisteredCheck registered : checks) {
                HealthCheck c = registered.check();
                String id = c.id();
                try {
                    HealthItem.requireId(id, "checks");
                } catch (InvalidInputException e) {
                    throw new ConfigurationException("checks", "check " + c.getClass().getName() + ": "
                            + e.getMessage());
                }
                if (registered.depth() == null) {
                    throw new ConfigurationException("checks", "check " + id + " has no depth");
                }
                if (!ids.add(id)) {
                    throw new ConfigurationException("checks", "two checks share the id \"" + id + "\"");
                }
            }
            for (String a : ids) {
                for (String b : ids) {
                    if (!a.equals(b) && b.startsWith(a + ".")) {
                        throw new ConfigurationException("checks", "check id \"" + b + "\" lies under check id \""
                                + a + "\"; their items could not be told apart");
                    }
                }
            }
            if (schedulerGiven && scheduler == null) {
                throw new ConfigurationException("scheduler", "must not be null; leave it unset for a scheduler "
                        + "the monitor owns");
            }
            requirePositive(quickInterval, "quickInterval");
            requirePositive(fullInterval, "fullInterval");
            requirePositive(checkTimeout, "checkTimeout");
            if (fullInterval.toNanos() % quickInterval.toNanos() != 0) {
                throw new ConfigurationException("fullInterval", fullInterval + " is not a whole multiple of "
                        + "quickInterval " + quickInterval + "; every n-th scheduled run is the full one");
            }
            if (fullInterval.toNanos() / quickInterval.toNanos() > Integer.MAX_VALUE) {
                throw new ConfigurationException("fullInterval", fullInterval + " is too many quick intervals");
            }
            if (checkTimeout.compareTo(quickInterval) >= 0) {
                throw new ConfigurationException("checkTimeout", checkTimeout + " must be shorter than quickInterval "
                        + quickInterval + ", so a run ends before the next is due");
            }
            if (retainedReports < 1) {
                throw new ConfigurationException("retainedReports", "must keep at least 1 report, got "
                        + retainedReports);
            }
            return new HealthMonitor(this);
        }

        private static void requirePositive(Duration d, String setting) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ConfigurationException(setting, "must be a positive duration, got " + d);
            }
        }
    }
}
