package dev.tenderkit.wechat;

import static dev.tenderkit.wechat.GeneratedBills.expected;
import static dev.tenderkit.wechat.GeneratedBills.read;
import static dev.tenderkit.wechat.GeneratedBills.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.MalformedBillException;
import dev.tenderkit.testkit.wechat.WeChatBillRow;
import dev.tenderkit.testkit.wechat.WeChatBillWriter;
import dev.tenderkit.testkit.wechat.WeChatBillWriter.Layout;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser fuzzed (issue 15's bar): bills of generated days written by the testkit's writer, each mutated
 * one way; the outcome is either exactly the day's entries (reordered or extra columns are legitimate) or a
 * MalformedBillException whose line (and column where it can) points at the mutation — never other entries.
 * Entries handed out before an error are always a prefix of the day's own.
 */
class TradeBillFuzzTest {
    private static final int BILLS = 25;

    private static List<String> lines(byte[] bill) {
        return new ArrayList<>(Arrays.asList(new String(bill, StandardCharsets.UTF_8).split("\r\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertPrefix(List<BillEntry> expected, List<BillEntry> handedOut) {
        assertTrue(handedOut.size() <= expected.size(), "more entries than the day has");
        assertEquals(expected.subList(0, handedOut.size()), handedOut, "an entry the day does not have");
    }

    private static void forEachBill(long seed, BillTest test) throws Exception {
        forEachBill(seed, BILLS, test);
    }

    private static void forEachBill(long seed, int bills, BillTest test) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < bills; i++) {
            test.run(random, GeneratedBills.day(random, 1 + random.nextInt(40)));
        }
    }

    @FunctionalInterface
    interface BillTest {
        void run(Random random, List<WeChatBillRow> rows) throws Exception;
    }

    @Test
    void aBillCutAtAnyByteIsAnErrorAtTheCutNeverAShorterDay(@TempDir Path dir) throws Exception {
        int[] cuts = {0};
        forEachBill(1, 8, (random, rows) -> {
            byte[] bill = render(Layout.ALL, rows);
            List<BillEntry> day = expected(rows);
            int step = bill.length / 250 + 1 + random.nextInt(3);
            for (int at = 0; at < bill.length; at += step) {
                byte[] prefix = Arrays.copyOf(bill, at);
                GeneratedBills.Read r = read(dir, prefix);
                cuts[0]++;
                if (r.error().isEmpty()) {
                    // only a cut inside the summary row's last figure can leave an equal figure (0.30 → 0.3)
                    assertEquals(day, r.entries(), "cut at " + at + " of " + bill.length);
                    continue;
                }
                long cutLine = 1 + new String(prefix, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
                long line = r.error().get().line();
                assertTrue(line == cutLine || line == cutLine + 1, "cut at " + at + " (line " + cutLine + "): "
                        + r.error().get().getMessage());
                assertPrefix(day, r.entries());
            }
        });
        assertTrue(cuts[0] > 1_500, "cuts: " + cuts[0]);
    }

    @Test
    void aBillInAnotherEncodingIsAnErrorAtTheFirstLine(@TempDir Path dir) throws Exception {
        forEachBill(2, (random, rows) -> {
            String text = new String(render(Layout.ALL, rows), StandardCharsets.UTF_8);
            MalformedBillException e = read(dir, text.getBytes(Charset.forName("GBK"))).error().orElseThrow();
            assertEquals(1, e.line(), e.getMessage());
        });
    }

    @Test
    void aByteThatIsNotUtf8IsAnErrorAtItsLineAndColumn(@TempDir Path dir) throws Exception {
        forEachBill(3, (random, rows) -> {
            List<String> lines = lines(render(Layout.ALL, rows));
            int row = 1 + random.nextInt(rows.size());
            String line = lines.get(row);
            int at = random.nextInt(line.length());
            byte[] before = join(lines.subList(0, row));
            byte[] head = (line.substring(0, at)).getBytes(StandardCharsets.UTF_8);
            byte[] tail = join(lines.subList(row, lines.size()));
            byte[] tailAfter = Arrays.copyOfRange(tail, head.length, tail.length);
            byte[] bill = concat(before, "\r\n".getBytes(StandardCharsets.UTF_8), head, new byte[] {(byte) 0xFF},
                    tailAfter);
            GeneratedBills.Read r = read(dir, bill);
            MalformedBillException e = r.error().orElseThrow();
            assertEquals(row + 1, e.line(), e.getMessage());
            assertEquals(at + 1, e.column(), e.getMessage());
            assertPrefix(expected(rows), r.entries());
        });
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    @Test
    void extraColumnsAnywhereReadTheSameEntries(@TempDir Path dir) throws Exception {
        forEachBill(4, (random, rows) -> {
            List<String> lines = lines(render(Layout.values()[random.nextInt(3)], rows));
            int detail = random.nextInt(28);
            int summary = random.nextInt(6);
            for (int i = 0; i < lines.size() - 1; i++) {
                boolean header = i == 0 || i == rows.size() + 1;
                boolean inSummary = i > rows.size();
                lines.set(i, insert(lines.get(i), inSummary ? summary : detail, header ? "新增字段" : "`新值 x"));
            }
            assertEquals(new GeneratedBills.Read(expected(rows), Optional.empty()), read(dir, join(lines)));
        });
    }

    private static String insert(String line, int at, String cell) {
        List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
        cells.add(Math.min(at, cells.size()), cell);
        return String.join(",", cells);
    }

    @Test
    void reorderedColumnsReadTheSameEntries(@TempDir Path dir) throws Exception {
        forEachBill(5, (random, rows) -> {
            List<String> lines = lines(render(Layout.values()[random.nextInt(3)], rows));
            int width = lines.get(0).split(",", -1).length;
            int summaryWidth = lines.get(rows.size() + 1).split(",", -1).length;
            List<Integer> order = shuffled(width, random);
            List<Integer> summaryOrder = shuffled(summaryWidth, random);
            for (int i = 0; i < lines.size() - 1; i++) {
                List<String> cells = Arrays.asList(lines.get(i).split(",", -1));
                List<Integer> o = i > rows.size() ? summaryOrder : order;
                List<String> moved = new ArrayList<>();
                for (int k : o) {
                    moved.add(cells.get(k));
                }
                lines.set(i, String.join(",", moved));
            }
            assertEquals(new GeneratedBills.Read(expected(rows), Optional.empty()), read(dir, join(lines)));
        });
    }

    private static List<Integer> shuffled(int n, Random random) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        Collections.shuffle(l, random);
        return l;
    }

    @Test
    void anAlteredMissingOrRepeatedRowIsCaughtByTheSummary(@TempDir Path dir) throws Exception {
        List<String> columns = Layout.ALL.columns();
        forEachBill(6, (random, rows) -> {
            List<String> lines = lines(render(Layout.ALL, rows));
            int row = 1 + random.nextInt(rows.size());
            int kind = random.nextInt(3);
            if (kind == 0) {
                String[] cells = lines.get(row).split(",", -1);
                String column = List.of("应结订单金额", "订单金额", "退款金额", "手续费").get(random.nextInt(4));
                int c = columns.indexOf(column);
                String v = cells[c];
                cells[c] = v.substring(0, v.length() - 1) + (v.charAt(v.length() - 1) == '9' ? '8' : '9');
                lines.set(row, String.join(",", cells));
            } else if (kind == 1) {
                lines.remove(row);
            } else {
                lines.add(row, lines.get(row));
            }
            GeneratedBills.Read r = read(dir, join(lines));
            MalformedBillException e = r.error().orElseThrow(() -> new AssertionError("accepted a changed bill"));
            int summaryLine = lines.indexOf(String.join(",", Layout.ALL.summary())) + 2;
            // an altered cell may break its own row first (e.g. an amount on a refund row): then it is that row
            assertTrue(e.line() == summaryLine || kind == 0 && e.line() == row + 1, e.getMessage());
            assertTrue(e.column() > 0, e.getMessage());
        });
    }

    @Test
    void aFileWhoseHashDoesNotMatchIsRefusedWhole(@TempDir Path dir) throws Exception {
        forEachBill(7, (random, rows) -> {
            byte[] bill = render(Layout.ALL, rows);
            String hash = WeChatBillWriter.sha1Hex(bill);
            byte[] changed = bill.clone();
            int at = random.nextInt(changed.length);
            changed[at] = (byte) (changed[at] ^ (1 + random.nextInt(255)));
            assertWholeFileRefused(dir, WeChatBillWriter.gzip(changed), hash);
            byte[] gz = WeChatBillWriter.gzip(bill);
            assertWholeFileRefused(dir, Arrays.copyOf(gz, random.nextInt(gz.length)), hash);
            Path sound = dir.resolve("sound.gz");
            Files.write(sound, gz);
            Path plain = BillFileCheck.verified(sound, dir.resolve("sound.csv"), hash.toUpperCase(java.util.Locale.ROOT),
                    Long.MAX_VALUE, "bill.csv");
            assertEquals(new GeneratedBills.Read(expected(rows), Optional.empty()), read(dir, Files.readAllBytes(plain)));
            Files.delete(plain);
            // a download decompressed on the way (Content-Encoding) is hashed as it came
            Files.write(sound, bill);
            assertEquals(Arrays.toString(bill), Arrays.toString(Files.readAllBytes(BillFileCheck.verified(sound,
                    dir.resolve("sound.csv"), hash, Long.MAX_VALUE, "bill.csv"))));
            Files.delete(dir.resolve("sound.csv"));
            Files.write(sound, gz);
            assertThrows(dev.tenderkit.core.reconcile.BillUnavailableException.class, () -> BillFileCheck.verified(sound,
                    dir.resolve("sound.csv"), hash, bill.length - 1, "bill.csv"), "a bill that decompresses past the limit");
            assertTrue(Files.notExists(sound) && Files.notExists(dir.resolve("sound.csv")));
        });
    }

    private static void assertWholeFileRefused(Path dir, byte[] gz, String hash) throws IOException {
        Path file = dir.resolve("bill.gz");
        Files.write(file, gz);
        Path plain = dir.resolve("bill.csv");
        MalformedBillException e = assertThrows(MalformedBillException.class,
                () -> BillFileCheck.verified(file, plain, hash, Long.MAX_VALUE, "bill.csv"));
        assertEquals(-1, e.line());
        assertTrue(Files.notExists(file) && Files.notExists(plain), "nothing left to read");
    }
}
