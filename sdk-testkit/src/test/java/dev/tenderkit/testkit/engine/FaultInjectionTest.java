package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.journal.AppendOnlyJournal;
import dev.tenderkit.testkit.InMemoryWallet;
import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.NEVER_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.POOR_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.WAITING_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The payment invariants under fault injection: a failure injected at every gateway call of every
 * flow, and a crash at every journal step and at every byte offset of the record being written.
 * After a restart and {@code recover()}, every trade must be final and match the wallet's ledger:
 * zero lost trades, zero double charges, every unpaid trade reversed.
 */
class FaultInjectionTest {
    /** Thousands of small journals: on tmpfs where there is one, since what is tested is not the disk. */
    Path root;
    private int scenarios;

    @org.junit.jupiter.api.BeforeEach
    void makeRoot() throws IOException {
        Path shm = Path.of("/dev/shm");
        root = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "tk-faults")
                : Files.createTempDirectory("tk-faults");
    }

    @org.junit.jupiter.api.AfterEach
    void removeRoot() throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A payment flow, started on a harness; the flows settle by themselves as virtual time passes. */
    record Flow(String name, Consumer<EngineHarness> start) {
    }

    static List<Flow> flows() {
        return List.of(
                new Flow("paid at once", h -> pay(h, "ORD-A", ALIPAY_CODE)),
                new Flow("user paying, then paid", h -> pay(h, "ORD-B", WAITING_CODE)),
                new Flow("never paid, reversed", h -> pay(h, "ORD-C", NEVER_CODE)),
                new Flow("insufficient funds", h -> pay(h, "ORD-D", POOR_CODE)),
                new Flow("paid, then partly refunded", h -> {
                    pay(h, "ORD-E", ALIPAY_CODE);
                    h.settle();
                    h.engine.tradeForOrder("ORD-E").filter(t -> t.state() == TradeState.PAID).ifPresent(t ->
                            h.refund(t.outTradeNo(), "R1", Money.parse("50.00"), "partial return"));
                }),
                new Flow("QR never paid, closed", h -> h.engine.startQr(new QrPaymentRequest("ORD-F",
                        Money.parse("66.00"), "x", PaymentMethods.ALIPAY, Duration.ofMinutes(1), Optional.empty()))));
    }

    private static void pay(EngineHarness h, String order, String code) {
        h.engine.payAsync(BarcodePaymentRequest.of(order, Money.parse("88.00"), code, "goods"));
    }

    private Path freshDir() {
        try {
            return Files.createDirectory(root.resolve("s" + scenarios++));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runToTheEnd(EngineHarness h, Flow flow) {
        try {
            flow.start().accept(h);
            h.settle();
        } catch (CrashingStore.Crash expected) {
            // the process died here
        }
    }

    /** Restarts, recovers, and checks the journal against the wallet's ledger. */
    private static void recoverAndCheck(EngineHarness h, String scenario) {
        h.engine.recover();
        h.settle();
        // A refund that the crash kept from being requested is asked for again by the POS, idempotently.
        assertEquals(List.of(), h.gateway.violations(), scenario);
        List<TradeRecord> trades = h.engine.trades(java.time.LocalDate.of(2026, 11, 25));
        for (TradeRecord t : trades) {
            if (!t.state().isFinal()) {
                fail(scenario + ": trade " + t.outTradeNo() + " left " + t.state() + " after recovery");
            }
            InMemoryWallet.LedgerEntry e = h.gateway.ledger().get(t.outTradeNo());
            Money charged = e == null ? Money.ZERO : e.charged();
            switch (t.state()) {
                case PAID -> {
                    assertTrue(e != null && e.status() == InMemoryWallet.Status.PAID,
                            scenario + ": journal says PAID, wallet says " + (e == null ? "nothing" : e.status()));
                    assertEquals(t.amount().minus(t.refunded()), charged, scenario + ": charged vs refunded");
                    Money refundedAtWallet = e.refunds().values().stream().reduce(Money.ZERO, Money::plus);
                    assertEquals(refundedAtWallet, t.refunded(), scenario + ": refunds");
                }
                case REVERSED, FAILED -> assertEquals(Money.ZERO, charged,
                        scenario + ": journal says " + t.state() + " but the buyer is charged " + charged);
                default -> fail(scenario + ": unexpected state " + t.state());
            }
        }
        for (Map.Entry<String, InMemoryWallet.LedgerEntry> e : h.gateway.ledger().entrySet()) {
            boolean known = trades.stream().anyMatch(t -> t.outTradeNo().equals(e.getKey()));
            assertTrue(known, scenario + ": the wallet has trade " + e.getKey() + " that the journal lost");
        }
        for (RefundRecord r : h.store.unfinishedRefunds()) {
            fail(scenario + ": refund " + r.refundRequestNo() + " left " + r.state());
        }
        long orders = trades.stream().map(TradeRecord::orderId).distinct().count();
        assertEquals(orders, trades.size(), scenario + ": an order id with two trades");
    }

    @Test
    void aFailureAtEveryGatewayCallOfEveryFlowIsSettledWithoutLossOrDoubleCharge() {
        int ran = 0;
        for (Flow flow : flows()) {
            int calls;
            try (EngineHarness clean = new EngineHarness(freshDir())) {
                runToTheEnd(clean, flow);
                recoverAndCheck(clean, flow.name() + " (no fault)");
                calls = clean.gateway.calls().size();
                ran++;
            }
            assertTrue(calls > 0, flow.name());
            for (int call = 0; call < calls; call++) {
                for (InMemoryWallet.Fault fault : InMemoryWallet.Fault.values()) {
                    String scenario = flow.name() + ", " + fault + " at call " + call;
                    try (EngineHarness h = new EngineHarness(freshDir())) {
                        h.gateway.failAt(call, fault);
                        runToTheEnd(h, flow);
                        h.restart();
                        recoverAndCheck(h, scenario);
                        ran++;
                    }
                }
            }
        }
        System.out.println("[fault injection] gateway-fault scenarios run: " + ran);
        assertTrue(ran > 100, "too few scenarios: " + ran);
    }

    @Test
    void aCrashAtEveryJournalStepAndEveryByteOfTheRecordBeingWrittenIsRecovered() {
        int ran = 0;
        for (Flow flow : flows()) {
            int saves;
            try (EngineHarness clean = new EngineHarness(freshDir())) {
                runToTheEnd(clean, flow);
                saves = clean.changes.size() + clean.store.refunds("x").size();
            }
            for (int k = 1; k <= saves + 2; k++) {
                int crashAt = k;
                // First run to learn where the k-th record starts and ends, and the anchor before it.
                long start;
                long end;
                byte[] anchorBefore;
                try (EngineHarness probe = crashing(freshDir(), crashAt)) {
                    runToTheEnd(probe, flow);
                    CrashingStore cs = (CrashingStore) probe.storeSeenByEngine;
                    if (!cs.crashed) {
                        break;   // the flow makes fewer saves: every step was covered
                    }
                    start = cs.recordStarts.get(crashAt - 1);
                    anchorBefore = cs.anchorsBefore.get(crashAt - 1);
                    end = Files.size(probe.journalFile);
                    probe.restart();
                    recoverAndCheck(probe, flow.name() + ", crash after journal step " + crashAt);
                    ran++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (long cut = start; cut < end; cut++) {
                    long length = cut;
                    try (EngineHarness h = crashing(freshDir(), crashAt)) {
                        runToTheEnd(h, flow);
                        // The torn save never returned, so it never raised the anchor: as it was before it.
                        h.restart(file -> {
                            truncate(file, length);
                            write(AppendOnlyJournal.anchorFile(file), anchorBefore);
                        });
                        String scenario = flow.name() + ", torn write of journal step " + crashAt + " at byte "
                                + (cut - start);
                        assertFalse(h.store.integrity().isDamaged(), scenario + ": a torn write is not damage: "
                                + h.store.integrity().describe());
                        recoverAndCheck(h, scenario);
                        ran++;
                    }
                }
            }
        }
        System.out.println("[fault injection] crash and torn-write scenarios run: " + ran);
        assertTrue(ran > 1000, "too few scenarios: " + ran);
    }

    private static EngineHarness crashing(Path dir, int crashAt) {
        return new EngineHarness(dir, false, s -> new CrashingStore(s, dir.resolve("trades.journal"), crashAt));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void truncate(Path file, long length) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instant at(int seconds) {
        return EngineHarness.START.plusSeconds(seconds);
    }
}
