package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillUnavailableException;
import dev.tenderkit.core.reconcile.MalformedBillException;
import dev.tenderkit.testkit.alipay.AlipayBillRow;
import dev.tenderkit.testkit.alipay.AlipayBillWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's fuzz bar for the Alipay parser: bills of generated days written by the testkit's independent
 * writer, mutated, read back. Each mutation class must give exactly the same entries (extra and reordered
 * columns are legitimate) or a {@link MalformedBillException} at the mutation's line (and column) — never
 * other entries. Seeded; {@code -Dtenderkit.bill.seed=S} replays one.
 */
class AlipayBillFuzzTest {
    private static final long SEED = Long.getLong("tenderkit.bill.seed", 15L);
    private static final int BILLS = 40;

    @TempDir
    Path dir;

    private record Bill(List<AlipayBillRow> rows, String text, List<BillEntry> expected) {
    }

    private Bill bill(Random r) {
        List<AlipayBillRow> rows = BillFiles.rows(r, r.nextInt(60));
        return new Bill(rows, BillFiles.writer().detail(rows), BillFiles.expected(rows));
    }

    private List<BillEntry> read(byte[] detail) {
        return BillFiles.read(BillFiles.file(dir, BillFiles.zip(BillFiles.writer(), detail, List.of())), BillFiles.DAY);
    }

    /** The outcome of reading: the entries, or the error. */
    private static Object outcome(Supplier<List<BillEntry>> read) {
        try {
            return read.get();
        } catch (MalformedBillException e) {
            return e;
        }
    }

    @Test
    void generatedBillsReadBackExactly() {
        Random r = new Random(SEED);
        int entries = 0;
        for (int i = 0; i < BILLS; i++) {
            Bill b = bill(r);
            assertEquals(b.expected(), read(b.text().getBytes(AlipayBillWriter.GBK)), "seed " + SEED + " bill " + i);
            entries += b.expected().size();
        }
        assertTrue(entries > 500, "a real sample: " + entries);
    }

    @Test
    void aBillCutAtAnyByteIsAnErrorAtTheCutNeverAShorterDay() {
        Random r = new Random(SEED + 1);
        int cuts = 0;
        for (int i = 0; i < 8; i++) {
            Bill b = bill(r);
            byte[] whole = b.text().getBytes(AlipayBillWriter.GBK);
            int step = Math.max(1, whole.length / 300);
            for (int cut = r.nextInt(step); cut < whole.length; cut += step) {
                byte[] part = Arrays.copyOf(whole, cut);
                Object o = outcome(() -> read(part));
                cuts++;
                if (o instanceof List<?> entries) {
                    // only the line ending after the last line may go: the bill is then whole
                    assertEquals(b.expected(), entries, "cut at " + cut + " of " + whole.length);
                    assertTrue(whole.length - cut <= 2, "cut at " + cut + " of " + whole.length + " read as a bill");
                    continue;
                }
                long cutLine = lineAt(whole, cut);
                long line = ((MalformedBillException) o).line();
                assertTrue(line == cutLine || line == cutLine + 1, "cut at " + cut + " (line " + cutLine + ") but the "
                        + "error is at line " + line + ": " + ((Exception) o).getMessage());
            }
        }
        assertTrue(cuts > 2000, "cuts: " + cuts);
    }

    @Test
    void aZipCutOrDamagedAnywhereIsRefusedNeverReadAsOtherEntries() {
        Random r = new Random(SEED + 2);
        Bill b = bill(r);
        byte[] zip = BillFiles.zip(BillFiles.writer(), b.text().getBytes(AlipayBillWriter.GBK), b.rows());
        int damaged = 0;
        for (int i = 0; i < zip.length; i += Math.max(1, zip.length / 400)) {
            byte[] cut = Arrays.copyOf(zip, i);
            byte[] flipped = zip.clone();
            flipped[i] ^= (byte) (1 + r.nextInt(255));
            for (byte[] bad : List.of(cut, flipped)) {
                try {
                    List<BillEntry> got = BillFiles.read(BillFiles.file(dir, bad), BillFiles.DAY);
                    assertEquals(b.expected(), got, "a zip changed at byte " + i + " read as other entries");
                } catch (MalformedBillException | BillUnavailableException e) {
                    damaged++;
                }
            }
        }
        assertTrue(damaged > 400, "refused: " + damaged);
    }

    @Test
    void aFileInAnotherEncodingIsAnError() {
        Random r = new Random(SEED + 3);
        for (int i = 0; i < 10; i++) {
            Bill b = bill(r);
            byte[] utf8 = b.text().getBytes(StandardCharsets.UTF_8);
            Object o = outcome(() -> read(utf8));
            if (!(o instanceof MalformedBillException e)) {
                fail("a UTF-8 bill was read: " + o);
                return;
            }
            assertTrue(e.line() >= 1 && e.line() <= 5, "in the preamble or header: " + e.getMessage());
        }
    }

    @Test
    void extraAndReorderedColumnsGiveTheSameEntries() {
        Random r = new Random(SEED + 4);
        for (int i = 0; i < BILLS; i++) {
            Bill b = bill(r);
            List<String> lines = new ArrayList<>(List.of(b.text().split("\r\n")));
            int width = lines.get(4).split(",", -1).length;
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                order.add(c);
            }
            Collections.shuffle(order, r);
            int extraAt = r.nextInt(width + 1);
            for (int l = 4; l < 5 + b.rows().size(); l++) {
                List<String> cells = List.of(lines.get(l).split(",", -1));
                List<String> out = new ArrayList<>();
                for (int c : order) {
                    out.add(cells.get(c));
                }
                out.add(extraAt, l == 4 ? "渠道手续费（元）" : "1.23\t");
                lines.set(l, String.join(",", out));
            }
            String text = String.join(r.nextBoolean() ? "\n" : "\r\n", lines) + "\n";
            assertEquals(b.expected(), read(text.getBytes(AlipayBillWriter.GBK)), "bill " + i + " order " + order);
        }
    }

    @Test
    void aCellThatIsNotWhatItsColumnHoldsIsAnErrorNamingItsLineAndColumn() {
        Random r = new Random(SEED + 5);
        List<String> read = List.of("支付宝交易号", "商户订单号", "业务类型", "创建时间", "完成时间", "订单金额（元）",
                "商家实收（元）", "商家优惠（元）", "服务费（元）");
        int checked = 0;
        while (checked < 300) {
            Bill b = bill(r);
            if (b.rows().isEmpty()) {
                continue;
            }
            List<String> lines = new ArrayList<>(List.of(b.text().split("\r\n")));
            List<String> header = List.of(lines.get(4).split(",", -1));
            String name = read.get(r.nextInt(read.size()));
            int column = header.indexOf(name);
            int row = r.nextInt(b.rows().size());
            List<String> cells = new ArrayList<>(List.of(lines.get(5 + row).split(",", -1)));
            boolean text = name.equals("商户订单号");   // any letters are a number: only an empty one is wrong
            cells.set(column, text || r.nextBoolean() ? "" : "x" + cells.get(column));
            lines.set(5 + row, String.join(",", cells));
            Object o = outcome(() -> read(String.join("\r\n", lines).getBytes(AlipayBillWriter.GBK)));
            if (o instanceof MalformedBillException e && b.rows().get(row).kind() == AlipayBillRow.Kind.RECHARGE) {
                assertEquals(6 + row, e.line(), e.getMessage());   // a top-up's 业务类型 is still read
                checked++;
                continue;
            }
            if (b.rows().get(row).kind() == AlipayBillRow.Kind.RECHARGE && o instanceof List) {
                checked++;
                continue;   // the rest of a top-up is not read
            }
            MalformedBillException e = (MalformedBillException) o;
            assertEquals(6 + row, e.line(), e.getMessage());
            assertEquals(column + 1, e.column(), e.getMessage());
            assertEquals(name, e.columnName(), e.getMessage());
            checked++;
        }
    }

    /** The 1-based line the byte at {@code offset} (the first byte cut away) belongs to. */
    private static long lineAt(byte[] text, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (text[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
