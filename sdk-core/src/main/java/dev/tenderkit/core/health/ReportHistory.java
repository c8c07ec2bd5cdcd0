package dev.tenderkit.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link HealthMonitor} remembers of its runs, and who it tells: it assembles each finished
 * run into a {@link HealthReport}, keeps the most recent reports, keeps the latest items of every
 * check (whichever run they came from, so a quick run does not hide what only a full run checks),
 * combines those into the {@link TerminalHealth}, and tells the listeners.
 *
 * <p>Thread-safe. Deliveries happen one at a time, in completion order; a listener that throws is
 * logged and does not reach the monitor or the other listeners.
 */
final class ReportHistory {
    // Logged as the monitor, the category operators already watch.
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final Clock clock;
    private final int retainedReports;
    private final List<HealthListener> listeners;

    private final Object delivery = new Object();
    private final Object state = new Object();
    private final ArrayDeque<HealthReport> recent;
    private final Map<String, Latest> latestByCheck = new LinkedHashMap<>();
    private TerminalHealth health = TerminalHealth.HEALTHY;

    /**
     * @param checkIds every check's id, in the order their items combine into the terminal health
     * @param retainedReports how many reports to keep, at least 1
     * @param listeners told of every report and every change of health
     * @param clock what a run's duration is measured on
     */
    ReportHistory(List<String> checkIds, int retainedReports, List<HealthListener> listeners, Clock clock) {
        this.clock = clock;
        this.retainedReports = retainedReports;
        this.listeners = List.copyOf(listeners);
        this.recent = new ArrayDeque<>(retainedReports);
        for (String id : checkIds) {
            latestByCheck.put(id, null);
        }
    }

    /**
     * Records a finished run and tells the listeners, then runs {@code whenDelivered}, still in
     * turn: the next delivery waits until both are done.
     *
     * @param run the run's sequence number; a run's items replace a check's items only if it is
     *     later than the run they came from
     * @param itemsByCheck each check that ran, by id, with its items, in report order
     * @return the report
     */
    HealthReport deliver(long run, CheckDepth depth, Instant startedAt, Map<String, List<HealthItem>> itemsByCheck,
            Runnable whenDelivered) {
        synchronized (delivery) {
            try {
                return record(run, depth, startedAt, itemsByCheck);
            } finally {
                whenDelivered.run();
            }
        }
    }

    /** @return the most recent report, if any run finished */
    Optional<HealthReport> latest() {
        synchronized (state) {
            return Optional.ofNullable(recent.peekLast());
        }
    }

    /** @return the retained reports, oldest first */
    List<HealthReport> recent() {
        synchronized (state) {
            return List.copyOf(recent);
        }
    }

    /** @return the latest items of every check, as issues; {@link TerminalHealth#HEALTHY} before any run */
    TerminalHealth health() {
        synchronized (state) {
            return health;
        }
    }

    private HealthReport record(long run, CheckDepth depth, Instant startedAt,
            Map<String, List<HealthItem>> itemsByCheck) {
        List<HealthItem> items = new ArrayList<>();
        itemsByCheck.values().forEach(items::addAll);
        Duration took = Duration.between(startedAt, clock.instant());
        // A wall clock stepped back by time sync must not make a report impossible.
        HealthReport report = new HealthReport(depth, startedAt, took.isNegative() ? Duration.ZERO : took, items);
        TerminalHealth before;
        TerminalHealth after;
        synchronized (state) {
            if (recent.size() == retainedReports) {
                recent.removeFirst();
            }
            recent.addLast(report);
            itemsByCheck.forEach((id, checkItems) -> {
                Latest known = latestByCheck.get(id);
                if (known == null || known.run < run) {
                    latestByCheck.put(id, new Latest(run, checkItems));
                }
            });
            before = health;
            List<HealthItem> current = new ArrayList<>();
            for (Latest l : latestByCheck.values()) {
                if (l != null) {
                    current.addAll(l.items);
                }
            }
            health = TerminalHealth.of(current);
            after = health;
        }
        tellListeners(report, before, after);
        LOG.debug("health {} run: {} in {}", depth, report.status(), report.duration());
        return report;
    }

    private void tellListeners(HealthReport report, TerminalHealth before, TerminalHealth after) {
        for (HealthListener l : listeners) {
            try {
                l.reportCompleted(report);
            } catch (RuntimeException e) {
                LOG.warn("health listener {} failed on reportCompleted", l, e);
            }
        }
        if (before.equals(after)) {
            return;
        }
        for (HealthListener l : listeners) {
            try {
                l.healthChanged(before, after);
            } catch (RuntimeException e) {
                LOG.warn("health listener {} failed on healthChanged", l, e);
            }
        }
    }

    /** The latest items of one check and the run they came from. */
    private record Latest(long run, List<HealthItem> items) {
    }
}
