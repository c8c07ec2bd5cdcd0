package dev.tenderkit.testkit.crash;

import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.journal.JournalOpenReport;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.core.time.TaskScheduler;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The life of the terminal process a crash test kills, whatever the wallet: opens the journal,
 * starts {@code recover()} (this is the restart), then pays the orders of the work list that its
 * journal does not show final, several at a time, some through {@code pay} on a cashier thread and
 * some through {@code payAsync}, printing {@link ChildProgress} lines as it goes. It expects to be
 * killed at any moment; anything unexpected halts the JVM with a stack trace and status
 * {@link #FAILURE_EXIT}. The wallet's test says how to build the engine ({@link TerminalSetup}).
 */
public final class CrashTerminal {
    /** Pays in flight at once. */
    public static final int IN_FLIGHT = 4;
    /** The status of a child that failed on its own (the test expects 137, SIGKILL's). */
    public static final int FAILURE_EXIT = 3;
    /**
     * Compaction after 8 KiB of growth instead of 4 MiB, so that it happens in most children's
     * short lives and some kills land in it. Retention stays the default: nothing final is dropped.
     */
    public static final long COMPACT_AFTER_BYTES = 8 * 1024;
    /** The terminal's id, which begins its out_trade_nos. */
    public static final String TERMINAL_ID = "T1";

    /** Builds the engine under test on the journal the harness opened. */
    @FunctionalInterface
    public interface EngineFactory {
        /**
         * @param store the journal
         * @param scheduler the engine's scheduler
         * @param listener to be passed to the engine: it prints the STATE lines
         * @return the engine, its gateway pointed at the test's simulator
         */
        PaymentEngine engine(TransactionStore store, TaskScheduler scheduler, TradeListener listener);
    }

    private final ChildProgress progress;
    private final PrintStream err;

    private CrashTerminal(PrintStream out, PrintStream err) {
        this.progress = new ChildProgress(out);
        this.err = err;
    }

    /**
     * Opens a crash test's journal: durable (fsync per append), with frequent compaction.
     *
     * @param file the journal file
     * @return the open journal
     */
    public static JournalTransactionStore openJournal(Path file) {
        return JournalTransactionStore.open(file, Clock.systemUTC(), JournalOptions.DURABLE,
                JournalTransactionStore.DEFAULT_RETENTION, COMPACT_AFTER_BYTES);
    }

    /**
     * A crash child's {@code main}: runs until the work list is done (or, as intended, until it is
     * killed), then exits; stdout carries the progress lines, stderr the failure if any. This is a
     * program's entry point, so it owns the process's streams and exit status. {@link KillRun}
     * launches it.
     *
     * @param args the {@link TerminalSetup} class's name, the endpoint file (read by the setup), the
     *     journal file, the work-list file ({@link WorkList#write}), and a seed (how this child picks
     *     {@code pay} or {@code payAsync})
     */
    public static void main(String[] args) {
        CrashTerminal child = new CrashTerminal(new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8), System.err);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> child.die("uncaught on " + t.getName(), e));
        try {
            if (args.length != 5) {
                throw new IllegalArgumentException("expected: setup class, endpoint file, journal file, work-list "
                        + "file, seed; got " + args.length + " arguments");
            }
            child.progress.say("STARTED");
            EngineFactory engines = setup(args[0]).engines(Path.of(args[1]));
            child.live(Path.of(args[2]), WorkList.read(Path.of(args[3])), new Random(Long.parseLong(args[4])),
                    engines);
        } catch (Exception | Error e) {
            child.die("the child failed", e);
        }
        Runtime.getRuntime().exit(0);
    }

    /**
     * @param className a {@link TerminalSetup} with a public no-argument constructor
     * @return one
     * @throws ReflectiveOperationException if there is no such class or it cannot be made
     */
    static TerminalSetup setup(String className) throws ReflectiveOperationException {
        return Class.forName(className).asSubclass(TerminalSetup.class).getConstructor().newInstance();
    }

    /**
     * The engine of a crash test's terminal: one channel, the gateway under test, a policy that lets
     * every method of the channel through, a Sunmi P2 with every peripheral, merchant M (MCC 5411).
     *
     * @param channel the channel and its offerings
     * @param gateway the wallet adapter, pointed at the simulator
     * @param store the journal
     * @param scheduler the engine's scheduler
     * @param listener the listener {@link EngineFactory#engine} was given
     * @return the engine
     */
    public static PaymentEngine engine(ChannelProfile channel, PaymentGateway gateway, TransactionStore store,
            TaskScheduler scheduler, TradeListener listener) {
        Clock clock = Clock.systemUTC();
        CapabilityPolicy policy = CapabilityPolicy.builder().version("crash").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(1)).channel(channel).build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN-CRASH",
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of(channel.id()), List.of()));
        return PaymentEngine.builder().terminalId(TERMINAL_ID)
                .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                .context(() -> context).store(store).gateway(channel.id(), gateway).scheduler(scheduler)
                .listener(listener).build();
    }

    private void live(Path journalFile, List<WorkList.Order> orders, Random random, EngineFactory engines)
            throws InterruptedException {
        try (JournalTransactionStore journal = openJournal(journalFile);
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("crash-engine", 4)) {
            JournalOpenReport opened = journal.openReport();
            progress.say("OPENED", opened.records(), opened.tornBytes());
            PaymentEngine engine = engines.engine(journal, scheduler, new TradeListener() {
                @Override
                public void onTradeChanged(TradeRecord t) {
                    progress.say("STATE", t.outTradeNo(), t.orderId(), t.state());
                }
            });
            progress.say("RECOVERING", journal.unfinished().size());
            CompletableFuture<RecoveryReport> recovery = engine.recover().whenComplete((report, error) -> {
                if (error != null || report.failure().isPresent()) {
                    die("recover() failed", error != null ? error : report.failure().get());
                }
                progress.say("RECOVERED", report.trades().size());
            });
            payAll(engine, orders, random);
            recovery.join();
            progress.say("DONE");
        }
    }

    private void payAll(PaymentEngine engine, List<WorkList.Order> orders, Random random) throws InterruptedException {
        Semaphore lanes = new Semaphore(IN_FLIGHT);
        ExecutorService cashiers = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
            Thread t = new Thread(r, "cashier");
            t.setDaemon(true);
            return t;
        });
        for (WorkList.Order o : orders) {
            Optional<TradeRecord> known = engine.tradeForOrder(o.orderId());
            if (known.isPresent() && known.get().state().isFinal()) {
                continue;
            }
            lanes.acquire();
            BarcodePaymentRequest request = BarcodePaymentRequest.of(o.orderId(), o.amount(), o.paymentCode(),
                    "crash test " + o.buyer());
            progress.say("PAY", o.orderId());
            CompletableFuture<TradeOutcome> outcome = random.nextBoolean() ? engine.payAsync(request)
                    : CompletableFuture.supplyAsync(() -> engine.pay(request), cashiers);
            outcome.whenComplete((result, error) -> {
                if (error != null) {
                    die("the pay of " + o.orderId() + " failed", error);
                }
                try {
                    progress.say("OUTCOME", o.orderId(), result.record().orElseThrow(() -> new IllegalStateException(
                            "the terminal under test refused a payment it is configured to take: " + result))
                            .outTradeNo(), kind(result));
                } catch (RuntimeException e) {
                    die("the pay of " + o.orderId() + " ended oddly", e);
                }
                lanes.release();
            });
        }
        lanes.acquire(IN_FLIGHT);
    }

    private static String kind(TradeOutcome o) {
        if (o instanceof TradeOutcome.Paid) {
            return "PAID";
        }
        if (o instanceof TradeOutcome.Failed) {
            return "FAILED";
        }
        if (o instanceof TradeOutcome.Reversed) {
            return "REVERSED";
        }
        if (o instanceof TradeOutcome.Unresolved) {
            return "UNRESOLVED";
        }
        throw new IllegalStateException("the terminal under test refused a payment it is configured to take: " + o);
    }

    /** Ends the child at once, loudly: the test fails on any exit that is not its own SIGKILL. */
    private void die(String what, Throwable error) {
        err.println("CRASH CHILD FAILURE: " + what);
        error.printStackTrace(err);
        err.flush();
        Runtime.getRuntime().halt(FAILURE_EXIT);
    }
}
