package dev.tenderkit.testkit.crash;

import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The test's side of a crash run, whatever the wallet: launches a child, waits for the progress
 * line of its {@link KillMoment}, kills it with SIGKILL a random delay after, checks that it died
 * of the kill, and again until enough kills landed; then opens the journal once more, in the test's
 * JVM, and runs {@code recover()} to completion. A moment's line is waited for as an event, with a
 * bound only as the fallback for a moment that does not come in a child's life. Not thread-safe.
 */
public final class KillRun {
    /** What a process killed by signal 9 reports as its exit status. */
    public static final int SIGKILL_EXIT = 128 + 9;
    /** How long a child may take to reach its moment before it is killed where it is. */
    private static final Duration MOMENT_FALLBACK = Duration.ofSeconds(6);

    private final TerminalSetup setup;
    private final Path endpointFile;
    private final Path journal;
    private final Path workList;
    private final Random random;
    private final KillTally tally = new KillTally();
    private int children;

    /**
     * A run in {@code dir}: the endpoint file, the journal and the work list are kept there.
     *
     * @param dir a fresh directory
     * @param setup how the child builds its engine (its class is named to the child)
     * @param random the run's randomness: moments, delays and the children's seeds
     */
    public KillRun(Path dir, TerminalSetup setup, Random random) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.endpointFile = dir.resolve("endpoint.properties");
        this.journal = dir.resolve("trades.journal");
        this.workList = dir.resolve("orders.txt");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return where the test writes the simulator's address and keys, before the first child */
    public Path endpointFile() {
        return endpointFile;
    }

    /**
     * Writes the work list every child works through.
     *
     * @param count how many orders: more than any run reaches
     * @param buyers who comes to the till
     * @return the orders
     */
    public List<WorkList.Order> writeWorkList(int count, List<? extends CrashBuyer<?>> buyers) {
        List<WorkList.Order> orders = WorkList.generate(random, count, buyers);
        WorkList.write(workList, orders);
        return orders;
    }

    /**
     * Kills children until {@code kills} kills have landed.
     *
     * @param kills how many
     * @param context for failure messages (the seed to replay with)
     * @return what they hit
     * @throws AssertionError when a child ended otherwise than by the kill, with its stderr
     * @throws InterruptedException if interrupted
     */
    public KillTally killChildren(int kills, String context) throws InterruptedException {
        while (tally.kills() < kills) {
            children++;
            List<String> args = List.of(setup.getClass().getName(), endpointFile.toString(), journal.toString(),
                    workList.toString(), Long.toString(random.nextLong()));
            killOne(ChildProcess.launch(CrashTerminal.class, args), KillMoment.draw(random, tally.kills()),
                    context + ", child " + children);
        }
        return tally;
    }

    /** @return how many children were launched */
    public int children() {
        return children;
    }

    /** @return the tally so far */
    public KillTally tally() {
        return tally;
    }

    /** Runs one child until its kill moment, kills it, and checks that it died of the kill. */
    private void killOne(ChildProcess child, KillMoment moment, String context) throws InterruptedException {
        boolean came = true;
        long from = child.startedNanos();
        if (moment.trigger() != KillMoment.Trigger.LAUNCH) {
            // A moment that does not come (no reversal in this child's life, say) falls back to now.
            came = child.await(moment.trigger().matches(), moment.nth(), MOMENT_FALLBACK);
            from = System.nanoTime();
        }
        long delay = from + moment.delay().toNanos() - System.nanoTime();
        if (came && delay > 0) {
            TimeUnit.NANOSECONDS.sleep(delay);   // the kill's own random timing, not a wait for anything
        }
        long killedAt = System.nanoTime();
        int exit = child.kill();
        if (exit != SIGKILL_EXIT) {
            throw new AssertionError("the crash child ended with status " + exit + " instead of dying of SIGKILL ("
                    + SIGKILL_EXIT + ") " + moment + ", " + context + "; its stderr:\n" + child.stderrTail());
        }
        tally.killed(child.lines(), killedAt, moment, came);
    }

    /**
     * What the last restart, in the test's JVM, came to.
     *
     * @param report its recovery
     * @param trades the journal's trades after it
     */
    public record FinalRecovery(RecoveryReport report, List<TradeRecord> trades) {
        /** Validates. */
        public FinalRecovery {
            Objects.requireNonNull(report, "report");
            trades = List.copyOf(trades);
        }
    }

    /**
     * Opens the journal once more after the last kill and recovers every unfinished trade, with the
     * engine the children built.
     *
     * @param bound how long recovery may take (a failure bound)
     * @return the recovery and the journal after it
     * @throws Exception if recovery fails or takes longer
     */
    public FinalRecovery recoverOnceMore(Duration bound) throws Exception {
        try (JournalTransactionStore store = CrashTerminal.openJournal(journal);
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("crash-final-recovery", 4)) {
            // SIGKILL almost never tears a record: each is one small write(), which a kill can cut short
            // only between two of its pages, and what was written survives in the page cache. Torn
            // tails are counted all the same; power loss is what makes them, and the in-process
            // FaultInjectionTest cuts records at every byte.
            tally.opened(store.openReport().tornBytes());
            PaymentEngine engine = setup.engines(endpointFile).engine(store, scheduler, TradeListener.NONE);
            RecoveryReport report = engine.recover().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return new FinalRecovery(report, store.trades(Instant.EPOCH, Instant.MAX));
        }
    }

    /**
     * What makes a run fail or prove nothing: the audit's violations, too few children getting as far
     * as opening the journal, a point of a trade's life no kill hit ({@link KillTally#pointsMissed}),
     * and a run in which no trade was paid, reversed or failed.
     *
     * @param last the final recovery
     * @param audit the journal against the wallet
     * @return one line a problem; empty for a run that passes
     */
    public List<String> problems(FinalRecovery last, JournalLedgerAudit audit) {
        List<String> problems = new ArrayList<>();
        last.report().failure().ifPresent(e -> problems.add("the final recover() failed: " + e));
        problems.addAll(audit.violations());
        if (tally.opens() < tally.kills() / 2) {
            problems.add("too few children got as far as opening the journal: " + tally.opens());
        }
        problems.addAll(tally.pointsMissed());
        if (audit.paid() == 0 || audit.reversed() == 0 || audit.failed() == 0) {
            problems.add("a run must take the paid, reversed and failed paths");
        }
        return problems;
    }
}
