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
 * The engine's fault-injection suite ({@link EngineFaultSuite}) on the journal, and what only a
 * journal can suffer: a crash at every journal step and at every byte offset of the record being
 * written (a torn write). After a restart and {@code recover()}, every trade must be final and match
 * the wallet's ledger: zero lost trades, zero double charges, every unpaid trade reversed.
 */
class FaultInjectionTest extends EngineFaultSuite {
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

    @Override
    protected EngineStoreFixture freshStore() {
        return new JournalStoreFixture(freshDir(), false);
    }

    @Override
    protected String storeName() {
        return "journal";
    }

    private Path freshDir() {
        try {
            return Files.createDirectory(root.resolve("s" + scenarios++));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCrashAtEveryJournalStepAndEveryByteOfTheRecordBeingWrittenIsRecovered() {
        int ran = 0;
        for (Flow flow : flows()) {
            int saves;
            try (EngineHarness clean = new EngineHarness(freshDir())) {
                runToTheEnd(clean, flow);
                saves = clean.changes.size() + clean.opened.refunds("x").size();
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
