package dev.tenderkit.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.AppendOnlyJournal;
import dev.tenderkit.testkit.InMemoryWallet;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A power cut between an intent made durable and the lazy records after it: only the records a
 * save promised durable (a trade's intent, a refund's request) and what their forces carried are on
 * the device; the later ones (paid, reversed, refunded, ...) are lost, entirely or cut anywhere. For
 * every flow of {@link FaultInjectionTest} and every journal step, the engine "loses power" after
 * that step (a real durable journal, journal options forced), the journal is put back to its
 * durable length (and at sampled bytes of the lost records, a torn write) with the anchor as it was,
 * and a new engine's {@code recover()} must bring every trade to the wallet's truth by asking it.
 */
class PowerCutLazyRecordTest {
    private Path root;
    private int scenarios;

    @BeforeEach
    void makeRoot() throws IOException {
        Path shm = Path.of("/dev/shm");
        root = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "tk-power")
                : Files.createTempDirectory("tk-power");
    }

    @AfterEach
    void removeRoot() throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void recordsLostAfterTheLastForceAreFoundAgainByRecoveryAskingTheWallet() {
        int ran = 0;
        int lostSomething = 0;
        for (FaultInjectionTest.Flow flow : FaultInjectionTest.flows()) {
            for (int crashAt = 1; crashAt < 40; crashAt++) {
                long durable;
                long end;
                byte[] anchor;
                try (EngineHarness probe = crashing(crashAt)) {
                    run(probe, flow);
                    CrashingStore cs = (CrashingStore) probe.storeSeenByEngine;
                    durable = probe.store.durableSize();
                    end = Files.size(probe.journalFile);
                    anchor = Files.readAllBytes(AppendOnlyJournal.anchorFile(probe.journalFile));
                    if (!cs.crashed) {
                        // Past the flow's last save: the power goes once it has settled.
                        powerCut(probe, durable, anchor, flow.name() + ", power cut at the end");
                        ran++;
                        lostSomething += durable < end ? 1 : 0;
                        break;
                    }
                    powerCut(probe, durable, anchor, flow.name() + ", power cut after journal step " + crashAt);
                    ran++;
                    lostSomething += durable < end ? 1 : 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (long cut = durable + 1; cut < end; cut += 31) {
                    try (EngineHarness h = crashing(crashAt)) {
                        run(h, flow);
                        powerCut(h, cut, anchor, flow.name() + ", power cut after journal step " + crashAt
                                + ", " + (cut - durable) + " bytes of the lazy records landed");
                        ran++;
                    }
                }
            }
        }
        System.out.println("[power cut] scenarios run: " + ran + ", of which lost records: " + lostSomething);
        assertTrue(ran > 50, "too few scenarios: " + ran);
        assertTrue(lostSomething > 10, "the lazy records were not lazy: only " + lostSomething + " cuts lost any");
    }

    private EngineHarness crashing(int crashAt) {
        Path dir;
        try {
            dir = Files.createDirectory(root.resolve("s" + scenarios++));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EngineHarness(dir, true, s -> new CrashingStore(s, dir.resolve("trades.journal"), crashAt));
    }

    private static void run(EngineHarness h, FaultInjectionTest.Flow flow) {
        try {
            flow.start().accept(h);
            h.settle();
        } catch (CrashingStore.Crash expected) {
            // the power went here
        }
    }

    /** The device keeps {@code length} bytes of the journal and the anchor as it was; a new engine recovers. */
    private static void powerCut(EngineHarness h, long length, byte[] anchor, String scenario) {
        h.restart(file -> {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(length);
                Files.write(AppendOnlyJournal.anchorFile(file), anchor);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertFalse(h.store.integrity().isDamaged(), scenario + ": losing what was never forced is not damage: "
                + h.store.integrity().describe());
        h.engine.recover();
        h.settle();
        assertEquals(List.of(), h.gateway.violations(), scenario);
        List<TradeRecord> trades = h.engine.trades(java.time.LocalDate.of(2026, 11, 25));
        for (TradeRecord t : trades) {
            InMemoryWallet.LedgerEntry e = h.gateway.ledger().get(t.outTradeNo());
            Money charged = e == null ? Money.ZERO : e.charged();
            switch (t.state()) {
                case PAID -> {
                    assertTrue(e != null && e.status() == InMemoryWallet.Status.PAID,
                            scenario + ": journal says PAID, wallet says " + (e == null ? "nothing" : e.status()));
                    assertEquals(t.amount().minus(t.refunded()), charged, scenario + ": charged vs refunded");
                    assertEquals(e.refunds().values().stream().reduce(Money.ZERO, Money::plus), t.refunded(),
                            scenario + ": refunds");
                }
                case REVERSED, FAILED -> assertEquals(Money.ZERO, charged,
                        scenario + ": journal says " + t.state() + " but the buyer is charged " + charged);
                default -> fail(scenario + ": trade " + t.outTradeNo() + " left " + t.state() + " after recovery");
            }
        }
        for (Map.Entry<String, InMemoryWallet.LedgerEntry> e : h.gateway.ledger().entrySet()) {
            assertTrue(trades.stream().anyMatch(t -> t.outTradeNo().equals(e.getKey())),
                    scenario + ": the wallet has trade " + e.getKey() + " that the journal lost");
        }
        for (RefundRecord r : h.store.unfinishedRefunds()) {
            fail(scenario + ": refund " + r.refundRequestNo() + " left " + r.state());
        }
    }
}
