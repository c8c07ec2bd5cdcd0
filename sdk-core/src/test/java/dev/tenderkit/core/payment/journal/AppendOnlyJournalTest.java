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
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's file-level guarantees, proven on real files. */
class AppendOnlyJournalTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(AppendOnlyJournal j) {
        return j.recordsAtOpen().stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    private Path journalWith(String... records) {
        Path file = dir.resolve("trades.journal");
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            for (String r : records) {
                j.append(bytes(r));
            }
        }
        return file;
    }

    @Test
    void recordsAppendedAreReadBackInOrderAfterReopening() {
        Path file = journalWith("one", "two", "", "三");
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of("one", "two", "", "三"), texts(j));
            assertFalse(j.openReport().hadTornTail());
            assertEquals(4, j.openReport().records());
            j.append(bytes("four"));
        }
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of("one", "two", "", "三", "four"), texts(j));
        }
    }

    @Test
    void aTornLastRecordIsCutOffAtEveryByteOffsetAndItsBytesAreSaved() throws IOException {
        Path file = journalWith("first record");
        // A torn write never returned, so the anchor was never raised past it: as it was before.
        byte[] anchorBefore = Files.readAllBytes(AppendOnlyJournal.anchorFile(file));
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            j.append(bytes("second record"));
        }
        byte[] whole = Files.readAllBytes(file);
        int lastStart = whole.length - (RecordFormat.OVERHEAD + "second record".length());
        int scenarios = 0;
        for (int cut = lastStart; cut < whole.length; cut++) {
            Files.write(file, Arrays.copyOf(whole, cut));
            Files.write(AppendOnlyJournal.anchorFile(file), anchorBefore);
            try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
                assertEquals(List.of("first record"), texts(j), "cut at " + cut);
                assertEquals(List.of(), j.damage(), "a torn write is not damage, cut at " + cut);
                assertEquals(cut - lastStart, j.openReport().tornBytes(), "cut at " + cut);
                assertEquals(lastStart, Files.size(file));
                if (cut > lastStart) {
                    Path copy = j.openReport().tornTailCopy().orElseThrow();
                    assertArrayEquals(Arrays.copyOfRange(whole, lastStart, cut), Files.readAllBytes(copy));
                }
                j.append(bytes("after repair"));
            }
            try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
                assertEquals(List.of("first record", "after repair"), texts(j), "cut at " + cut);
            }
            scenarios++;
        }
        assertEquals(RecordFormat.OVERHEAD + "second record".length(), scenarios);
    }

    @Test
    void aLastRecordWithGarbageOrZerosInsteadOfItsBytesIsATornTail() throws IOException {
        Path file = journalWith("kept");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length());
            f.write(new byte[4096]);
        }
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of("kept"), texts(j));
            assertEquals(4096, j.openReport().tornBytes());
        }
    }

    @Test
    void aFlippedBitInAMiddleRecordOpensInSalvageModeWithTheOthersAndLeavesTheFileUntouched() throws IOException {
        Path file = journalWith("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
        byte[] original = Files.readAllBytes(file);
        int second = RecordFormat.HEADER_BYTES + RecordFormat.OVERHEAD + "{\"a\":1}".length();
        for (int bit = 0; bit < 8; bit++) {
            byte[] damaged = original.clone();
            damaged[second + 4 + 2] ^= (byte) (1 << bit);
            Files.write(file, damaged);
            try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
                assertEquals(List.of("{\"a\":1}", "{\"c\":3}"), texts(j), "resynchronised at the next record");
                assertEquals(1, j.damage().size(), j.damage().toString());
                StoreDamage d = j.damage().get(0);
                assertEquals(StoreDamage.Kind.CHECKSUM_MISMATCH, d.kind());
                assertEquals(second, d.offset());
                assertEquals(file, d.file());
                assertArrayEquals(Arrays.copyOfRange(damaged, second, second + (int) d.length()),
                        Files.readAllBytes(d.savedCopy().orElseThrow()));
            }
            assertArrayEquals(damaged, Files.readAllBytes(file), "the damaged journal must not be modified");
        }
    }

    @Test
    void aDamagedLengthFieldInTheMiddleIsDamageAndTheRecordIsReadWithItsRealLength() throws IOException {
        Path file = journalWith("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
        byte[] damaged = Files.readAllBytes(file);
        damaged[RecordFormat.HEADER_BYTES] = (byte) 0x7f;   // the first record now claims a huge length
        Files.write(file, damaged);
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "{\"c\":3}"), texts(j));
            assertEquals(StoreDamage.Kind.BAD_LENGTH, j.damage().get(0).kind());
            assertEquals(RecordFormat.HEADER_BYTES, j.damage().get(0).offset());
        }
        assertArrayEquals(damaged, Files.readAllBytes(file));
    }

    @Test
    void aFileThatIsNotAJournalIsRefused() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the records you are looking for");
        JournalCorruptedException e = assertThrows(JournalCorruptedException.class,
                () -> AppendOnlyJournal.open(file, JournalOptions.DURABLE));
        assertEquals(0, e.offset());
    }

    @Test
    void aHeaderCutShortWhenTheJournalWasCreatedIsRewritten() throws IOException {
        Path file = dir.resolve("new.journal");
        Files.write(file, Arrays.copyOf(RecordFormat.header().array(), 3));
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of(), texts(j));
            j.append(bytes("x"));
        }
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of("x"), texts(j));
        }
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedUntilTheFirstCloses() {
        Path file = dir.resolve("trades.journal");
        AppendOnlyJournal first = AppendOnlyJournal.open(file, JournalOptions.DURABLE);
        JournalLockedException e = assertThrows(JournalLockedException.class,
                () -> AppendOnlyJournal.open(file, JournalOptions.DURABLE));
        assertEquals(ErrorCode.JOURNAL_LOCKED, e.code());
        first.close();
        AppendOnlyJournal.open(file, JournalOptions.DURABLE).close();
    }

    @Test
    void anotherProcessHoldingTheJournalKeepsThisOneOut() throws Exception {
        Path file = dir.resolve("shared.journal");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalHolderProcess.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.equals("holding")) {
                seen.append(line).append('\n');   // e.g. SLF4J's "no provider" notice
            }
            assertEquals("holding", line, "the child process did not open the journal:\n" + seen);
            assertThrows(JournalLockedException.class, () -> AppendOnlyJournal.open(file, JournalOptions.DURABLE));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // The lock dies with the process that held it, even when it is killed.
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of("from child"), texts(j));
        }
    }

    @Test
    void compactionKeepsExactlyTheGivenRecordsAndAppendsContinueAfterIt() {
        Path file = journalWith("a", "b", "c", "d");
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            long before = j.size();
            j.compact(List.of(bytes("b"), bytes("d")));
            assertTrue(j.size() < before);
            j.append(bytes("e"));
        }
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of("b", "d", "e"), texts(j));
        }
        assertFalse(Files.exists(JournalFiles.compactionFile(file)));
    }

    @Test
    void aCompactionInterruptedBeforeItsRenameLeavesTheOldJournalIntact() throws IOException {
        Path file = journalWith("a", "b");
        // A crash mid-compaction leaves a partial temporary file beside an untouched journal.
        Files.write(JournalFiles.compactionFile(file), Arrays.copyOf(Files.readAllBytes(file), 11));
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            assertEquals(List.of("a", "b"), texts(j));
        }
        assertFalse(Files.exists(JournalFiles.compactionFile(file)));
    }

    @Test
    void oversizedPayloadsAreRefusedBeforeAnythingIsWritten() {
        Path file = dir.resolve("small.journal");
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, new JournalOptions(true, 16))) {
            long size = j.size();
            TenderKitException e = assertThrows(TenderKitException.class, () -> j.append(new byte[17]));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertEquals(size, j.size());
            j.append(new byte[16]);
        }
    }

    @Test
    void randomTruncationsNeverLoseAnAcknowledgedRecordAndAreReportedAsDamage() throws IOException {
        Random random = new Random(20261125);
        List<String> written = new ArrayList<>();
        Path file = dir.resolve("random.journal");
        List<Long> ends = new ArrayList<>();
        try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
            for (int i = 0; i < 200; i++) {
                byte[] p = new byte[random.nextInt(300)];
                random.nextBytes(p);
                String s = java.util.HexFormat.of().formatHex(p);
                j.append(bytes(s));
                written.add(s);
                ends.add(j.size());
            }
        }
        byte[] whole = Files.readAllBytes(file);
        byte[] anchor = Files.readAllBytes(AppendOnlyJournal.anchorFile(file));
        for (int trial = 0; trial < 200; trial++) {
            int cut = RecordFormat.HEADER_BYTES + random.nextInt(whole.length - RecordFormat.HEADER_BYTES + 1);
            Files.write(file, Arrays.copyOf(whole, cut));
            Files.write(AppendOnlyJournal.anchorFile(file), anchor);
            int complete = 0;
            while (complete < ends.size() && ends.get(complete) <= cut) {
                complete++;
            }
            try (AppendOnlyJournal j = AppendOnlyJournal.open(file, JournalOptions.DURABLE)) {
                assertEquals(written.subList(0, complete), texts(j), "cut at " + cut);
                // The anchor knew the whole journal: any cut short of it is a truncation, never a torn write.
                assertEquals(cut < whole.length, j.isDamaged(), "cut at " + cut);
                assertEquals(0, j.openReport().tornBytes(), "cut at " + cut);
            }
        }
    }
}
