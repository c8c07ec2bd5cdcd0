package dev.tenderkit.core.health;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.time.TaskScheduler;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check, run once on the monitor's executor. Its outcome is the check's items, or a single
 * FAIL item under the check's id when the check throws, breaks its contract, or is timed out;
 * whichever comes first wins, and a timed-out check's thread is interrupted.
 */
final class CheckAttempt implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckAttempt.class);

    private final HealthCheck check;
    private final HealthCheckContext context;
    private final CompletableFuture<List<HealthItem>> outcome = new CompletableFuture<>();
    private Thread runner;
    private boolean interruptedByUs;

    private CheckAttempt(HealthCheck check, HealthCheckContext context) {
        this.check = check;
        this.context = context;
    }

    /**
     * Starts a check on the executor, timed out by the scheduler after the context's timeout.
     *
     * @return the check's items, or a single FAIL item; never completes exceptionally
     */
    static CompletableFuture<List<HealthItem>> start(HealthCheck check, HealthCheckContext context, Executor executor,
            TaskScheduler scheduler) {
        CheckAttempt attempt = new CheckAttempt(check, context);
        try {
            executor.execute(attempt);
        } catch (RuntimeException e) { // rejected, typically: the check is a FAIL, the run goes on
            attempt.rejected(e);
        }
        CompletableFuture<List<HealthItem>> outcome = attempt.outcome;
        if (!outcome.isDone()) {
            try {
                TaskScheduler.Cancellable timeout = scheduler.schedule(attempt::timeOut, context.timeout());
                outcome.whenComplete((items, e) -> timeout.cancel());
            } catch (RuntimeException e) {
                attempt.rejected(e); // the scheduler is shutting down: an untimed check could hang the run
            }
        }
        return outcome;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (outcome.isDone()) {
                return; // timed out before it even started
            }
            runner = Thread.currentThread();
        }
        List<HealthItem> items;
        try {
            items = validated(check.check(context));
        } catch (Throwable t) {
            if (outcome.complete(List.of(threw(t)))) {
                LOG.warn("health check {} threw", check.id(), t);
            }
            if (t instanceof VirtualMachineError e) {
                throw e;
            }
            return;
        } finally {
            boolean clear;
            synchronized (this) {
                runner = null;
                clear = interruptedByUs;
            }
            if (clear) {
                Thread.interrupted(); // our interrupt must not leak into the executor's next task
            }
        }
        if (!outcome.complete(items)) {
            LOG.debug("health check {} finished after its timeout; its result is dropped", check.id());
        }
    }

    /** Called by the timeout: reports the check as hung and interrupts it. */
    private void timeOut() {
        if (!outcome.complete(List.of(timedOut()))) {
            return;
        }
        LOG.warn("health check {} did not finish within {}", check.id(), context.timeout());
        synchronized (this) {
            if (runner != null) {
                interruptedByUs = true;
                runner.interrupt();
            }
        }
    }

    /** Called when the executor refuses the attempt or its timeout cannot be scheduled. */
    private void rejected(RuntimeException e) {
        if (outcome.complete(List.of(threw(e)))) {
            LOG.warn("health check {} could not be started or timed", check.id(), e);
        }
    }

    private List<HealthItem> validated(List<HealthItem> items) {
        if (items == null || items.isEmpty()) {
            return List.of(broken("returned " + (items == null ? "null" : "no items")));
        }
        Set<String> ids = new HashSet<>();
        for (HealthItem item : items) {
            if (item == null) {
                return List.of(broken("returned a null item"));
            }
            if (!item.belongsTo(check.id())) {
                return List.of(broken("reported item \"" + item.id() + "\", which is not under its id"));
            }
            if (!ids.add(item.id())) {
                return List.of(broken("reported item \"" + item.id() + "\" twice"));
            }
        }
        return List.copyOf(items);
    }

    private HealthItem threw(Throwable t) {
        String what = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return HealthItem.fail(check.id(),
                LocalizedText.of("健康检查 " + check.id() + " 运行出错：" + what,
                        "health check " + check.id() + " failed: " + what),
                LocalizedText.of("检查该项所检测的设备或服务；若错误持续，请将此信息提供给终端软件供应商",
                        "check the device or service it probes; if the error persists, give this message "
                                + "to the terminal software vendor"),
                Set.of());
    }

    private HealthItem timedOut() {
        String limit = context.timeout().toMillis() + " ms";
        return HealthItem.fail(check.id(),
                LocalizedText.of("健康检查 " + check.id() + " 未在 " + limit + " 内完成",
                        "health check " + check.id() + " did not finish within " + limit),
                LocalizedText.of("它所检测的设备或服务没有响应：检查网络与外设连接；若持续发生，请联系终端软件供应商",
                        "what it probes does not answer: check the network and peripheral connections; "
                                + "if it keeps happening, contact the terminal software vendor"),
                Set.of());
    }

    private HealthItem broken(String how) {
        LOG.warn("health check {} broke its contract: it {}", check.id(), how);
        return HealthItem.fail(check.id(),
                LocalizedText.of("健康检查 " + check.id() + " 结果无效：" + how,
                        "health check " + check.id() + " is broken: it " + how),
                LocalizedText.of("请将此信息提供给该检查的供应商", "give this message to whoever supplied the check"),
                Set.of());
    }
}
