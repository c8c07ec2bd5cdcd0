package dev.tenderkit.alipay.crash;

import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalOpenReport;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The terminal process the crash test kills: opens the journal, starts {@code recover()} (this is
 * the restart), then pays the orders of the work list that its journal does not show final,
 * several at a time, some through {@code pay} on a cashier thread and some through
 * {@code payAsync}, printing {@link ChildProgress} lines as it goes. It expects to be killed at
 * any moment; anything unexpected ends it with a stack trace and exit status 3.
 *
 * <p>Arguments: the endpoint file, the journal file, the work-list file, a seed.
 */
public final class CrashChild {
    static final int IN_FLIGHT = 4;
    static final int FAILURE_EXIT = 3;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> die("uncaught on " + t.getName(), e));
        ChildProgress progress = new ChildProgress(new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8));
        progress.say("STARTED");
        TerminalUnderTest.Endpoint endpoint = TerminalUnderTest.Endpoint.read(Path.of(args[0]));
        List<WorkList.Order> orders = WorkList.read(Path.of(args[2]));
        Random random = new Random(Long.parseLong(args[3]));
        try (JournalTransactionStore journal = TerminalUnderTest.openJournal(Path.of(args[1]));
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("crash-engine", 4)) {
            JournalOpenReport opened = journal.openReport();
            progress.say("OPENED", opened.records(), opened.tornBytes());
            PaymentEngine engine = TerminalUnderTest.engine(endpoint, journal, scheduler, new TradeListener() {
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
            payAll(engine, orders, random, progress);
            recovery.join();
            progress.say("DONE");
        }
        System.exit(0);
    }

    private static void payAll(PaymentEngine engine, List<WorkList.Order> orders, Random random,
            ChildProgress progress) throws InterruptedException {
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
            BarcodePaymentRequest request = BarcodePaymentRequest.of(o.orderId(), o.amount(),
                    o.buyer().paymentCode(), "crash test " + o.buyer().name());
            progress.say("PAY", o.orderId());
            CompletableFuture<TradeOutcome> outcome = random.nextBoolean() ? engine.payAsync(request)
                    : CompletableFuture.supplyAsync(() -> engine.pay(request), cashiers);
            outcome.whenComplete((result, error) -> {
                if (error != null) {
                    die("the pay of " + o.orderId() + " failed", error);
                }
                try {
                    progress.say("OUTCOME", o.orderId(), outTradeNo(result), kind(result));
                } catch (RuntimeException e) {
                    die("the pay of " + o.orderId() + " ended oddly", e);
                }
                lanes.release();
            });
        }
        lanes.acquire(IN_FLIGHT);
    }

    private static String outTradeNo(TradeOutcome o) {
        if (o instanceof TradeOutcome.Paid p) {
            return p.trade().outTradeNo();
        }
        if (o instanceof TradeOutcome.Failed f) {
            return f.trade().outTradeNo();
        }
        if (o instanceof TradeOutcome.Reversed r) {
            return r.trade().outTradeNo();
        }
        if (o instanceof TradeOutcome.Unresolved u) {
            return u.trade().outTradeNo();
        }
        throw new IllegalStateException("the terminal under test refused a payment it is configured to take: " + o);
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
        return "UNRESOLVED";
    }

    /** Ends the child at once, loudly: the test fails on any exit that is not its own SIGKILL. */
    private static void die(String what, Throwable error) {
        System.err.println("CRASH CHILD FAILURE: " + what);
        error.printStackTrace(System.err);
        System.err.flush();
        Runtime.getRuntime().halt(FAILURE_EXIT);
    }
}
