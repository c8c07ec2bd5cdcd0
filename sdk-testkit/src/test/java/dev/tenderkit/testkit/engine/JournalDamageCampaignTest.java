package dev.tenderkit.testkit.engine;

import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.NEVER_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.POOR_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.WAITING_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.QrTicket;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.StoreDamage;
import dev.tenderkit.core.payment.StoreIntegrity;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.journal.AppendOnlyJournal;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.testkit.InMemoryWallet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journal damage campaign of issue 10: one journal of real trades made through the engine
 * (paid, confirmed after a password, reversed, refused, refunded in part and in full, QR paid and
 * closed, and two still awaiting the buyer when the power went), damaged every way the bar names —
 * truncated at every byte offset, every single bit flipped, garbage appended, records rewritten with
 * valid checksums, the anchor deleted, the journal emptied to 0-7 bytes. For each: a new store and
 * engine on it, and then <b>no charged trade is lost without the store or the engine saying so</b>:
 * either the engine refuses new payments with {@code JOURNAL_DAMAGED} naming the file and offset, or
 * after {@code recover()} the journal matches the wallet's ledger trade by trade.
 *
 * <p>Recovery also runs on many damaged journals (all truncations, emptied journals, a sample of
 * the flips): there it must still end with every trade the wallet charged in the store, recovered
 * or adopted by the search for lost trades. The wallet is shared by all scenarios, as the one real
 * wallet would be across restarts: recovery that reversed a paid trade would show in every later one.
 */
class JournalDamageCampaignTest {
    private static Path root;
    private static InMemoryWallet wallet;
    private static byte[] journal;
    private static byte[] anchor;
    private static Instant restartAt;
    private static Map<String, InMemoryWallet.LedgerEntry> paidAtTheCrash;
    private static java.util.Set<String> atTheCrash;
    private static int scenarios;
    private static int refused;
    private static int reported;
    private static int recovered;

    @BeforeAll
    static void makeTheJournal() throws IOException {
        Path shm = Path.of("/dev/shm");
        root = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "tk-damage")
                : Files.createTempDirectory("tk-damage");
        EngineHarness h = new EngineHarness(Files.createDirectory(root.resolve("fixture")));
        pay(h, "ORD-1", ALIPAY_CODE);
        pay(h, "ORD-2", WAITING_CODE);
        pay(h, "ORD-3", NEVER_CODE);
        pay(h, "ORD-4", POOR_CODE);
        pay(h, "ORD-5", ALIPAY_CODE);
        QrTicket closed = h.engine.startQr(new QrPaymentRequest("ORD-6", Money.parse("66.00"), "x",
                PaymentMethods.ALIPAY, Duration.ofMinutes(1), Optional.empty()));
        QrTicket paidQr = h.engine.startQr(new QrPaymentRequest("ORD-7", Money.parse("12.50"), "y",
                PaymentMethods.ALIPAY, Duration.ofMinutes(2), Optional.empty()));
        h.runFor(Duration.ZERO);
        h.gateway.buyerPaysQr(paidQr.outTradeNo().orElseThrow());
        h.settle();
        assertTrue(closed.outcome().isDone() && paidQr.outcome().isDone());
        h.refund(no(h, "ORD-1"), "R1", Money.parse("88.00"), "return");
        h.refund(no(h, "ORD-5"), "R1", Money.parse("30.00"), "partial return");
        h.settle();
        pay(h, "ORD-8", NEVER_CODE);     // in flight when the power goes
        pay(h, "ORD-9", WAITING_CODE);
        h.runFor(Duration.ofSeconds(1));
        h.close();
        journal = Files.readAllBytes(h.journalFile);
        anchor = Files.readAllBytes(AppendOnlyJournal.anchorFile(h.journalFile));
        wallet = h.gateway;
        restartAt = h.scheduler.now().plusSeconds(30);
        atTheCrash = java.util.Set.copyOf(wallet.ledger().keySet());
        paidAtTheCrash = new LinkedHashMap<>(wallet.ledger());
        paidAtTheCrash.values().removeIf(e -> e.status() != InMemoryWallet.Status.PAID);
        assertEquals(9, wallet.ledger().size());
        assertEquals(List.of(), wallet.violations());
    }

    @AfterAll
    static void removeRoot() throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        System.out.println("[journal damage] " + scenarios + " scenarios: " + reported + " reported by the journal "
                + "naming file and offset, " + refused + " refused new payments naming them, " + recovered + " recovered (" + journal.length + "-byte journal of "
                + paidAtTheCrash.size() + " paid trades among " + atTheCrash.size() + ")");
    }

    private static void pay(EngineHarness h, String order, String code) {
        h.engine.payAsync(BarcodePaymentRequest.of(order, Money.parse("88.00"), code, "goods"));
    }

    private static String no(EngineHarness h, String order) {
        return h.engine.tradeForOrder(order).orElseThrow().outTradeNo();
    }

    // ---------------------------------------------------------------- the campaign

    @Test
    void truncationAtEveryByteOffsetIsRefusedAndRecoveryStillFindsEveryCharge() {
        java.util.Set<Integer> recoverAt = nearRecordBoundaries();
        for (int cut = 0; cut < journal.length; cut++) {
            run("truncated to " + cut + " bytes", Arrays.copyOf(journal, cut), anchor,
                    recoverAt.contains(cut) || cut % 7 == 0 ? Check.RECOVER : Check.REFUSED);
        }
    }

    /** Offsets at, just before and just after every record boundary. */
    private static java.util.Set<Integer> nearRecordBoundaries() {
        java.util.Set<Integer> cuts = new java.util.TreeSet<>();
        for (int at = 8; at <= journal.length; at += at == journal.length ? 1 : 8 + ByteBuffer.wrap(journal, at, 4)
                .getInt()) {
            cuts.addAll(List.of(at - 1, at, at + 1));
        }
        return cuts;
    }

    @Test
    void truncationWithoutTheAnchorIsRecoveredFromTheWalletsAnswers() {
        // A double fault (or a journal from before the anchor): the search for lost numbers is all
        // that is left. It needs one trade of the run to survive, to know the run's prefix.
        // Sampled: at, just before and just after every record boundary, and every 17th byte.
        java.util.Set<Integer> cuts = nearRecordBoundaries();
        int firstRecordEnd = 8 + 8 + ByteBuffer.wrap(journal, 8, 4).getInt();
        for (int cut = firstRecordEnd; cut < journal.length; cut += 17) {
            cuts.add(cut);
        }
        cuts.removeIf(c -> c < firstRecordEnd || c >= journal.length);
        for (int cut : cuts) {
            run("truncated to " + cut + " bytes, anchor lost", Arrays.copyOf(journal, cut), null, Check.RECOVER_CHARGES);
        }
    }

    @Test
    void everySingleBitFlipIsNoticed() {
        // Every flip through a real open of the journal, which must report it naming file and offset;
        // the store and the engine's refusal on every 5th, and recovery on every 61st (a store's open
        // costs half a millisecond, most of it decoding records, and there are some 90,000 flips).
        for (int bit = 0; bit < journal.length * 8; bit++) {
            byte[] damaged = journal.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            run("bit " + bit + " flipped", damaged, anchor,
                    bit % 61 == 0 ? Check.RECOVER : bit % 5 == 0 ? Check.REFUSED : Check.REPORTED);
        }
    }

    @Test
    void garbageOrZerosAppendedAreATornTailOrRefused() {
        Random random = new Random(20261125);
        for (int length = 1; length <= 96; length++) {
            run(length + " zero bytes appended", concat(journal, new byte[length]), anchor, Check.RECOVER);
            for (int seed = 0; seed < 4; seed++) {
                byte[] garbage = new byte[length];
                random.nextBytes(garbage);
                run(length + " bytes of garbage appended (" + seed + ")", concat(journal, garbage), anchor,
                        Check.RECOVER);
            }
        }
        byte[] page = new byte[4096];
        random.nextBytes(page);
        run("a page of garbage appended", concat(journal, page), anchor, Check.RECOVER);
    }

    @Test
    void recordsRewrittenWithValidChecksumsAreNoticedOrHarmless() {
        List<String> records = payloads(journal);
        List<UnaryOperator<String>> edits = List.of(
                r -> r.contains("\"payment\"") ? null : r.replaceFirst("\"state\":\"[A-Z_]+\"", "\"state\":\"PAID\""),
                r -> r.replaceFirst("(\"t\":\"trade\".*?\"amount\":\")[0-9.]+", "$199.99"),
                r -> r.replaceFirst("(\"t\":\"refund\".*?\"amount\":\")[0-9.]+", "$10.01"),
                r -> r.replaceFirst("\"orderId\":\"ORD-", "\"orderId\":\"ORX-"),
                r -> r.replaceFirst("(\"outTradeNo\":\"[A-Z0-9]+)[A-Z0-9]\"", "$1Z\""),
                r -> r.replaceFirst(",\"payment\":\\{[^}]*\\}", ""),
                r -> r.contains("\"payment\"") ? r.replaceFirst("\"state\":\"PAID\"", "\"state\":\"REVERSED\"") : null,
                r -> r.replaceFirst("\"state\":\"[A-Z_]+\"", "\"state\":\"CREATED\""),
                r -> r.replaceFirst("\"rev\":[0-9]+", "\"rev\":99"),
                r -> r.replaceFirst("\"rev\":[0-9]+", "\"rev\":0"),
                r -> r.replaceFirst("\"refunded\":\"[0-9.]+\"", "\"refunded\":\"500.00\""),
                r -> r.substring(0, r.length() - 1) + "]",
                r -> "{\"t\":\"note\"}");
        for (int i = 0; i < records.size(); i++) {
            for (int e = 0; e < edits.size(); e++) {
                String edited = edits.get(e).apply(records.get(i));
                if (edited == null || edited.equals(records.get(i))) {
                    continue;
                }
                List<String> all = new ArrayList<>(records);
                all.set(i, edited);
                // The file's length changes with the record: drop the anchor, so that only the
                // record checks decide (with it, a shorter file would also be a truncation).
                run("record " + i + " rewritten by edit " + e, journalOf(all), null, Check.RECOVER);
            }
        }
    }

    @Test
    void aDeletedAnchorIsRecreatedAndTheJournalRecovers() {
        run("anchor deleted", journal, null, Check.RECOVER);
    }

    @Test
    void aFlippedBitInTheAnchorLeavesItsOtherSlotOrIsRefused() {
        for (int at = 0; at < anchor.length; at += 7) {
            byte[] damaged = anchor.clone();
            damaged[at] ^= (byte) (1 << (at % 8));
            run("anchor byte " + at + " flipped", journal, damaged, Check.RECOVER);
        }
    }

    @Test
    void aJournalEmptiedToFewerBytesThanItsHeaderIsRefusedAndItsChargesAreFound() {
        for (int length = 0; length < 8; length++) {
            run("emptied to " + length + " bytes", Arrays.copyOf(journal, length), anchor, Check.RECOVER);
        }
        run("deleted", null, anchor, Check.RECOVER);
    }

    // ---------------------------------------------------------------- one scenario

    /** What is checked beyond the bar (refused, or recovered to match the wallet). */
    private enum Check {
        /**
         * The journal must report damage naming file and offset — what the store's integrity is made
         * of, without decoding the records; no engine is built.
         */
        REPORTED,
        /** Refused is enough; recovery is not run (it is, on a sample). */
        REFUSED,
        /** Recovery runs: damaged or not, every charge ends in the store; intact, it all matches. */
        RECOVER,
        /** As RECOVER, but refunds may be lost with the records that held them (no anchor to tell). */
        RECOVER_CHARGES
    }

    private static void run(String scenario, byte[] journalBytes, byte[] anchorBytes, Check check) {
        Path dir = root.resolve("scenario");
        scenarios++;
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("trades.journal");
            if (journalBytes != null) {
                Files.write(file, journalBytes);
            }
            if (anchorBytes != null) {
                Files.write(AppendOnlyJournal.anchorFile(file), anchorBytes);
            }
            if (check == Check.REPORTED) {
                try (AppendOnlyJournal opened = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
                    assertTrue(opened.isDamaged(), scenario + ": not noticed");
                    reported++;
                    for (StoreDamage d : opened.damage()) {
                        assertTrue(d.describe().contains(d.file().toString()) && d.describe().contains("at byte "
                                + d.offset()), scenario + ": " + d.describe());
                    }
                }
                delete(dir);
                return;
            }
            try (EngineHarness h = new EngineHarness(dir, wallet, restartAt)) {
                StoreIntegrity integrity = h.store.integrity();
                if (integrity.isDamaged()) {
                    assertRefuses(h, integrity, scenario);
                    refused++;
                } else if (check == Check.REFUSED) {
                    fail(scenario + ": not noticed");
                }
                if (check != Check.REFUSED) {
                    recover(h, integrity.isDamaged() ? Check.RECOVER_CHARGES : check, scenario);
                    recovered++;
                }
            }
            delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRefuses(EngineHarness h, StoreIntegrity integrity, String scenario) {
        for (StoreDamage d : integrity.findings()) {
            assertTrue(d.file().startsWith(h.journalFile.getParent()), scenario + ": " + d);
            assertTrue(d.offset() <= Math.max(journal.length, 1024), scenario + ": " + d);
        }
        TenderKitException e = assertThrows(TenderKitException.class, () -> pay(h, "ORD-NEW", ALIPAY_CODE),
                scenario + ": a damaged journal must refuse new payments");
        assertEquals(ErrorCode.JOURNAL_DAMAGED, e.code(), scenario);
        StoreDamage first = integrity.findings().get(0);
        assertTrue(e.getMessage().contains(first.file().toString()) && e.getMessage().contains("byte "
                + first.offset()), scenario + ": the refusal names file and offset: " + e.getMessage());
    }

    private static void recover(EngineHarness h, Check check, String scenario) {
        java.util.concurrent.CompletableFuture<RecoveryReport> recovery = h.engine.recover();
        h.settle();
        assertTrue(recovery.isDone(), scenario + ": recovery did not complete");
        RecoveryReport report = recovery.join();
        assertTrue(report.failure().isEmpty(), scenario + ": " + report.failure());
        for (Map.Entry<String, InMemoryWallet.LedgerEntry> e : wallet.ledger().entrySet()) {
            InMemoryWallet.LedgerEntry w = e.getValue();
            Optional<TradeRecord> t = h.engine.trade(e.getKey());
            // (A number closed at the wallet by an earlier scenario's reversal of a forged record is
            // not a trade anyone made: it is uncharged, and only this campaign's shared wallet keeps it.)
            if (w.status() == InMemoryWallet.Status.PAID || w.status() == InMemoryWallet.Status.WAITING
                    || (check == Check.RECOVER && atTheCrash.contains(e.getKey()))) {
                assertTrue(t.isPresent(), scenario + ": the wallet has " + e.getKey() + " (" + w.status()
                        + "), the store lost it without saying so");
            }
            if (t.isEmpty()) {
                continue;
            }
            TradeRecord trade = t.get();
            assertTrue(trade.state().isFinal(), scenario + ": " + trade.outTradeNo() + " left " + trade.state());
            if (check == Check.RECOVER_CHARGES && h.store.integrity().isDamaged()) {
                continue;   // a damaged (possibly forged) record may claim anything: the store says so, payments wait
            }
            switch (trade.state()) {
                case PAID -> assertEquals(InMemoryWallet.Status.PAID, w.status(), scenario + ": " + trade);
                case REVERSED, FAILED -> assertEquals(Money.ZERO, w.charged(), scenario + ": " + trade.outTradeNo()
                        + " is " + trade.state() + " but the buyer is charged " + w.charged());
                default -> fail(scenario + ": " + trade);
            }
            if (check == Check.RECOVER && trade.state() == TradeState.PAID) {
                assertEquals(trade.amount().minus(trade.refunded()), w.charged(), scenario + ": refunded total");
                assertEquals(w.refunds().values().stream().reduce(Money.ZERO, Money::plus), trade.refunded(),
                        scenario + ": refunds");
            }
        }
        if (check == Check.RECOVER) {
            for (RefundRecord r : h.store.unfinishedRefunds()) {
                fail(scenario + ": refund " + r.refundRequestNo() + " left " + r.state());
            }
        }
        for (Map.Entry<String, InMemoryWallet.LedgerEntry> e : paidAtTheCrash.entrySet()) {
            assertEquals(e.getValue().charged(), wallet.ledger().get(e.getKey()).charged(),
                    scenario + ": recovery changed what the buyer of a paid trade is charged");
        }
    }

    // ---------------------------------------------------------------- records, written independently of the SDK

    private static List<String> payloads(byte[] file) {
        List<String> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file);
        b.position(8);
        while (b.remaining() >= 8) {
            byte[] p = new byte[b.getInt()];
            b.get(p);
            b.getInt();
            out.add(new String(p, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static byte[] journalOf(List<String> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(journal, 8));
        for (String p : payloads) {
            byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
            ByteBuffer record = ByteBuffer.allocate(8 + bytes.length);
            record.putInt(bytes.length).put(bytes);
            CRC32C crc = new CRC32C();
            crc.update(record.array(), 0, 4 + bytes.length);
            record.putInt((int) crc.getValue());
            out.writeBytes(record.array());
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
