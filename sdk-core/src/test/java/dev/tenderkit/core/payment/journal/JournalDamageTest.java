package dev.tenderkit.core.payment.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.StoreDamage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn tail or damage, the anchor, salvage mode and repair, on real files: what the journal decides
 * about bytes it did not write as they are.
 */
class JournalDamageTest {
    private static final List<String> RECORDS = List.of("{\"n\":\"first\"}", "{\"n\":\"second\"}",
            "{\"n\":\"third, the last\"}");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("trades.journal");
    }

    private Path journal() {
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file(), JournalOptions.DURABLE)) {
            for (String r : RECORDS) {
                j.append(r.getBytes(StandardCharsets.UTF_8));
            }
        }
        return file();
    }

    private static List<String> texts(AppendOnlyJournal j) {
        return j.recordsAtOpen().stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    private static int lastStart(byte[] whole) {
        return whole.length - RecordFormat.OVERHEAD - RECORDS.get(2).length();
    }

    private AppendOnlyJournal open() {
        return AppendOnlyJournal.open(file(), JournalOptions.DURABLE);
    }

    @Test
    void aFlippedBitInTheCompleteLastRecordIsDamageNeverATornTail() throws IOException {
        byte[] whole = Files.readAllBytes(journal());
        int last = lastStart(whole);
        Path anchor = AppendOnlyJournal.anchorFile(file());
        byte[] anchorBytes = Files.readAllBytes(anchor);
        for (int bit = (last + 4) * 8; bit < whole.length * 8; bit++) {   // payload and checksum
            for (boolean withAnchor : new boolean[] {true, false}) {
                byte[] damaged = whole.clone();
                damaged[bit / 8] ^= (byte) (1 << (bit % 8));
                Files.write(file(), damaged);
                if (withAnchor) {
                    Files.write(anchor, anchorBytes);
                } else {
                    Files.delete(anchor);   // a journal from before the anchor: the record alone decides
                }
                try (AppendOnlyJournal j = open()) {
                    assertEquals(RECORDS.subList(0, 2), texts(j));
                    assertEquals(0, j.openReport().tornBytes(), "bit " + bit);
                    StoreDamage d = j.damage().get(0);
                    assertEquals(StoreDamage.Kind.CHECKSUM_MISMATCH, d.kind(), "bit " + bit);
                    assertEquals(last, d.offset());
                    assertTrue(d.describe().contains(file().toString()) && d.describe().contains("byte " + last));
                }
                assertArrayEquals(damaged, Files.readAllBytes(file()), "never cut, bit " + bit);
            }
        }
    }

    @Test
    void aFlippedBitInTheLastRecordsLengthFieldIsDamageAndTheRecordIsStillRead() throws IOException {
        byte[] whole = Files.readAllBytes(journal());
        int last = lastStart(whole);
        byte[] anchorBytes = Files.readAllBytes(AppendOnlyJournal.anchorFile(file()));
        for (int bit = last * 8; bit < (last + 4) * 8; bit++) {
            byte[] damaged = whole.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            Files.write(file(), damaged);
            Files.delete(AppendOnlyJournal.anchorFile(file()));   // even without the anchor's help
            try (AppendOnlyJournal j = open()) {
                assertEquals(RECORDS, texts(j), "bit " + bit);
                assertEquals(StoreDamage.Kind.BAD_LENGTH, j.damage().get(0).kind(), "bit " + bit);
                assertEquals(last, j.damage().get(0).offset());
            }
            Files.write(AppendOnlyJournal.anchorFile(file()), anchorBytes);
        }
    }

    @Test
    void aJournalTruncatedAtARecordBoundaryIsDamageBecauseTheAnchorRemembersItsLength() throws IOException {
        byte[] whole = Files.readAllBytes(journal());
        int last = lastStart(whole);
        Files.write(file(), Arrays.copyOf(whole, last));
        try (AppendOnlyJournal j = open()) {
            assertEquals(RECORDS.subList(0, 2), texts(j));
            StoreDamage d = j.damage().get(0);
            assertEquals(StoreDamage.Kind.TRUNCATED, d.kind());
            assertEquals(last, d.offset());
            assertTrue(d.problem().contains(whole.length + " bytes were committed"), d.problem());
        }
    }

    @Test
    void aJournalEmptiedToFewerBytesThanItsHeaderIsDamageNotANewJournal() throws IOException {
        byte[] whole = Files.readAllBytes(journal());
        byte[] anchor = Files.readAllBytes(AppendOnlyJournal.anchorFile(file()));
        for (int length = 0; length < RecordFormat.HEADER_BYTES; length++) {
            Files.write(file(), Arrays.copyOf(whole, length));
            Files.write(AppendOnlyJournal.anchorFile(file()), anchor);
            try (AppendOnlyJournal j = open()) {
                assertEquals(List.of(), texts(j));
                assertEquals(StoreDamage.Kind.TRUNCATED, j.damage().get(0).kind(), "length " + length);
                j.append(RECORDS.get(0).getBytes(StandardCharsets.UTF_8));   // recovery can still journal
            }
            try (AppendOnlyJournal j = open()) {
                assertTrue(j.isDamaged(), "still damaged until repaired, length " + length);
                assertEquals(List.of(RECORDS.get(0)), texts(j));
            }
        }
        Files.delete(file());   // deleted outright: the same
        try (AppendOnlyJournal j = open()) {
            assertEquals(StoreDamage.Kind.TRUNCATED, j.damage().get(0).kind());
        }
    }

    @Test
    void damageStaysReportedAfterAppendsHideItsEvidenceUntilTheRepair() throws IOException {
        byte[] whole = Files.readAllBytes(journal());
        Files.write(file(), Arrays.copyOf(whole, lastStart(whole)));
        try (AppendOnlyJournal j = open()) {
            for (int i = 0; i < 5; i++) {
                j.append(("{\"recovered\":" + i + "}").getBytes(StandardCharsets.UTF_8));   // now longer than before
            }
            assertThrows(TenderKitException.class, () -> j.compact(List.of()), "no compaction while damaged");
        }
        try (AppendOnlyJournal j = open()) {
            assertEquals(StoreDamage.Kind.NOT_REPAIRED, j.damage().get(0).kind());
            assertEquals(lastStart(whole), j.damage().get(0).offset());
            j.repair(j.recordsAtOpen().stream().map(JournalRecord::payload).toList());
            assertFalse(j.isDamaged());
        }
        try (AppendOnlyJournal j = open()) {
            assertFalse(j.isDamaged(), j.damage().toString());
            assertEquals(7, texts(j).size());
        }
    }

    @Test
    void aMissingAnchorBesideAnExistingJournalIsCreatedFromIt() throws IOException {
        journal();
        Files.delete(AppendOnlyJournal.anchorFile(file()));
        try (AppendOnlyJournal j = open()) {
            assertFalse(j.isDamaged());
            assertEquals(RECORDS, texts(j));
        }
        JournalAnchor.Read read = JournalAnchor.read(AppendOnlyJournal.anchorFile(file()));
        assertEquals(Files.size(file()), read.state().orElseThrow().committed());
    }

    @Test
    void aTornAnchorSlotLeavesTheOtherOneAndBothBrokenIsDamage() throws IOException {
        journal();
        Path anchor = AppendOnlyJournal.anchorFile(file());
        byte[] bytes = Files.readAllBytes(anchor);
        JournalAnchor.State latest = JournalAnchor.read(anchor).state().orElseThrow();
        int latestSlot = (int) (latest.generation() % 2) * JournalAnchor.SLOT_BYTES;
        byte[] torn = bytes.clone();
        Arrays.fill(torn, latestSlot + 100, latestSlot + JournalAnchor.SLOT_BYTES, (byte) 0);
        Files.write(anchor, torn);
        assertEquals(latest.generation() - 1, JournalAnchor.read(anchor).state().orElseThrow().generation());
        try (AppendOnlyJournal j = open()) {
            assertFalse(j.isDamaged(), "the older slot's mark is lower, still true");
        }
        byte[] broken = Files.readAllBytes(anchor);
        broken[10] ^= 1;
        broken[JournalAnchor.SLOT_BYTES + 10] ^= 1;
        Files.write(anchor, broken);
        try (AppendOnlyJournal j = open()) {
            assertEquals(StoreDamage.Kind.ANCHOR_UNREADABLE, j.damage().get(0).kind());
            assertEquals(anchor, j.damage().get(0).file());
        }
    }

    @Test
    void zerosAfterTheLastRecordOrAZeroFilledLastRecordAreATornTail() throws IOException {
        byte[] whole = Files.readAllBytes(journal());
        byte[] anchorAfterTwo;
        int last = lastStart(whole);
        Files.write(file(), Arrays.copyOf(whole, last));
        Files.delete(AppendOnlyJournal.anchorFile(file()));
        try (AppendOnlyJournal j = open()) {
            assertFalse(j.isDamaged());
        }
        anchorAfterTwo = Files.readAllBytes(AppendOnlyJournal.anchorFile(file()));
        byte[] extended = Arrays.copyOf(whole, whole.length);
        Arrays.fill(extended, last + 4 + 6, whole.length, (byte) 0);   // length and 6 payload bytes landed
        Files.write(file(), extended);
        try (AppendOnlyJournal j = open()) {
            assertFalse(j.isDamaged(), j.damage().toString());
            assertEquals(whole.length - last, j.openReport().tornBytes());
        }
        Files.write(file(), Arrays.copyOf(Arrays.copyOf(whole, last), last + 4096));   // zeros only
        Files.write(AppendOnlyJournal.anchorFile(file()), anchorAfterTwo);
        try (AppendOnlyJournal j = open()) {
            assertFalse(j.isDamaged());
            assertEquals(4096, j.openReport().tornBytes());
        }
    }

    @Test
    void aFlippedHeaderBitIsDamageAndTheRecordsAreStillRead() throws IOException {
        byte[] whole = Files.readAllBytes(journal());
        for (int bit = 0; bit < RecordFormat.HEADER_BYTES * 8; bit++) {
            byte[] damaged = whole.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            Files.write(file(), damaged);
            try (AppendOnlyJournal j = open()) {
                assertEquals(RECORDS, texts(j), "bit " + bit);
                assertEquals(StoreDamage.Kind.BAD_HEADER, j.damage().get(0).kind(), "bit " + bit);
            }
        }
    }

    @Test
    void compactionLowersTheAnchorToTheNewLength() throws IOException {
        journal();
        try (AppendOnlyJournal j = open()) {
            j.compact(List.of(RECORDS.get(2).getBytes(StandardCharsets.UTF_8)));
            assertEquals(j.size(), JournalAnchor.read(AppendOnlyJournal.anchorFile(file())).state().orElseThrow()
                    .committed());
        }
        try (AppendOnlyJournal j = open()) {
            assertFalse(j.isDamaged());
            assertEquals(List.of(RECORDS.get(2)), texts(j));
        }
    }

    @Test
    void runPrefixesAreKeptDurablyTheLastEight() {
        journal();
        try (AppendOnlyJournal j = open()) {
            for (int i = 0; i < 10; i++) {
                j.reserveNumberPrefix("T1RUN" + i);
            }
            j.reserveNumberPrefix("T1RUN5");   // again: moves to the end, not twice
        }
        try (AppendOnlyJournal j = open()) {
            assertEquals(List.of("T1RUN2", "T1RUN3", "T1RUN4", "T1RUN6", "T1RUN7", "T1RUN8", "T1RUN9", "T1RUN5"),
                    j.numberPrefixes());
        }
    }

    @Test
    void aCraftedDamagedTailOfFourMebibytesCostsBoundedChecksumWork() throws IOException {
        byte[] whole = Files.readAllBytes(journal());
        int last = lastStart(whole);
        // Every 6 bytes a candidate record of 512 KiB that starts with '{' and ends with '}' — the
        // cheap filters all pass, and only the checksum can tell: without a budget, ~700,000 checksums
        // of 512 KiB each.
        int tail = 4 << 20;
        byte[] crafted = Arrays.copyOf(whole, last + tail);
        byte[] unit = {0x00, 0x08, 0x00, 0x00, '{', '}'};
        for (int i = 0; i < tail; i++) {
            crafted[last + i] = unit[i % unit.length];
        }
        Files.write(file(), crafted);
        try (AppendOnlyJournal j = open()) {
            assertEquals(RECORDS.subList(0, 2), texts(j));
            StoreDamage d = j.damage().get(j.damage().size() - 1);
            assertEquals(StoreDamage.Kind.UNEXAMINED, d.kind(), j.damage().toString());
            assertEquals(last, d.offset());
            assertTrue(j.crcBytesAtOpen() <= crafted.length + JournalScanner.RESYNC_BUDGET_BYTES,
                    "checksummed " + j.crcBytesAtOpen() + " bytes");
        }
        assertEquals(ErrorCode.JOURNAL_DAMAGED, assertThrows(TenderKitException.class, () -> {
            try (AppendOnlyJournal j = open()) {
                j.compact(List.of());
            }
        }).code());
    }

    @Test
    void aLegitimateResyncAfterDamageCostsAboutTheFileOnce() throws IOException {
        Path file = file();
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            for (int i = 0; i < 2000; i++) {
                j.append(("{\"trade\":" + i + ",\"nested\":{\"a\":\"" + "x".repeat(i % 300) + "\"}}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] damaged = Files.readAllBytes(file);
        int flips = 0;
        for (int at = 100; at < damaged.length; at += 997) {
            damaged[at] ^= 0x10;   // some hundred damaged records across the file
            flips++;
        }
        Files.write(file, damaged);
        try (AppendOnlyJournal j = open()) {
            assertTrue(j.damage().size() > 100);
            assertTrue(j.recordsAtOpen().size() >= 2000 - flips, "each flip costs one record at most: read "
                    + j.recordsAtOpen().size() + " of 2000 with " + flips + " flips");
            assertTrue(j.crcBytesAtOpen() < 3L * damaged.length, "checksummed " + j.crcBytesAtOpen() + " of "
                    + damaged.length + " bytes");
        }
    }
}
