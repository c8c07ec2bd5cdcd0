package dev.tenderkit.alipay;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.testkit.alipay.AlipayBillRow;
import dev.tenderkit.testkit.alipay.AlipayBillWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Bills for the parser's tests: generated rows, written by the testkit's writer, read back by the adapter's reader. */
final class BillFiles {
    static final String PID = "2088000000000002";
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    /** The first data row's line: 3 # lines, the marker, the header. */
    static final int FIRST_ROW_LINE = 6;

    private BillFiles() {
    }

    static AlipayBillWriter writer() {
        return new AlipayBillWriter(PID, DAY, DAY.plusDays(1).atTime(5, 46, 49));
    }

    /** A seeded day: payments, refunds of them, a few top-ups; subjects with commas and GBK text. */
    static List<AlipayBillRow> rows(Random r, int count) {
        List<AlipayBillRow> rows = new ArrayList<>();
        List<AlipayBillRow> paid = new ArrayList<>();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
        for (int i = 0; i < count; i++) {
            LocalDateTime created = DAY.atStartOfDay().plusSeconds(r.nextInt(80_000));
            LocalDateTime completed = created.plusSeconds(r.nextInt(6_000));
            int pick = r.nextInt(10);
            if (pick < 3 && !paid.isEmpty()) {
                AlipayBillRow p = paid.get(r.nextInt(paid.size()));
                Money amount = Money.ofFen(1 + r.nextInt((int) Math.min(p.amount().fen(), Integer.MAX_VALUE)));
                rows.add(new AlipayBillRow(p.tradeNo(), p.outTradeNo(), AlipayBillRow.Kind.REFUND, p.subject(),
                        p.created(), max(p.completed(), completed), amount, Money.ofFen(amount.fen() * 6 / 1000),
                        r.nextInt(5) == 0 ? Optional.empty() : Optional.of("RF" + i + "_" + r.nextInt(1000))));
                continue;
            }
            StringBuilder no = new StringBuilder();
            for (int n = 1 + r.nextInt(40); n > 0; n--) {
                no.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            Money amount = Money.ofFen(1 + r.nextInt(r.nextBoolean() ? 10_000 : 2_000_000_000));
            AlipayBillRow row = new AlipayBillRow("2026120222" + String.format("%018d", i), no.toString(),
                    pick == 9 ? AlipayBillRow.Kind.RECHARGE : AlipayBillRow.Kind.TRADE,
                    r.nextBoolean() ? "咖啡, 大杯 No." + i : "便利店商品" + i, created, completed, amount,
                    Money.ofFen((amount.fen() * 6 + 500) / 1000), Optional.empty());
            rows.add(row);
            if (row.kind() == AlipayBillRow.Kind.TRADE) {
                paid.add(row);
            }
        }
        return rows;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        LocalDateTime m = a.isAfter(b) ? a : b;
        return m.isAfter(DAY.atTime(23, 59, 59)) ? DAY.atTime(23, 59, 59) : m;
    }

    /** What the reader must hand out for these rows: top-ups skipped, refunds as magnitudes, fees signed. */
    static List<BillEntry> expected(List<AlipayBillRow> rows) {
        List<BillEntry> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AlipayBillRow r = rows.get(i);
            if (r.kind() == AlipayBillRow.Kind.RECHARGE) {
                continue;
            }
            boolean refund = r.kind() == AlipayBillRow.Kind.REFUND;
            out.add(new BillEntry(r.outTradeNo(), r.tradeNo(), refund ? BillEntryKind.REFUND : BillEntryKind.PAYMENT,
                    r.amount(), refund ? r.refundRequestNo() : Optional.empty(), r.completed().toInstant(ZoneOffset.ofHours(8)),
                    Optional.of(new BilledFee((refund ? -1 : 1) * r.serviceFee().fen() * BilledFee.MILLI_FEN_PER_FEN,
                            Optional.empty())), r.kind().label(), FIRST_ROW_LINE + i));
        }
        return out;
    }

    /** The zip of a detail text (and the summary the writer makes of the rows), as Alipay packs it. */
    static byte[] zip(AlipayBillWriter w, byte[] detail, List<AlipayBillRow> rows) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(w.detailEntryName(), detail);
        entries.put(w.summaryEntryName(), w.summary(new AlipayBillWriter.Totals(0, 0, 0, 0, 0)).getBytes(AlipayBillWriter.GBK));
        return AlipayBillWriter.zipEntries(entries);
    }

    static Path file(Path dir, byte[] zip) {
        try {
            Path f = Files.createTempFile(dir, "bill-", ".zip");
            Files.write(f, zip);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a downloaded zip as AlipayBills does, every entry to the end. */
    static List<BillEntry> read(Path zip, LocalDate day) {
        AlipayBillArchive archive = AlipayBillArchive.open(zip, day);
        try (AlipayBillReader reader = new AlipayBillReader("alipay", day, archive.detail(1L << 30), archive.source(),
                4096, Optional.of(PID + "0156"), archive)) {
            List<BillEntry> entries = new ArrayList<>();
            for (Optional<BillEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
                entries.add(e.get());
            }
            return entries;
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    static List<BillEntry> readText(Path dir, String detail) {
        return read(file(dir, zip(writer(), detail.getBytes(AlipayBillWriter.GBK), List.of())), DAY);
    }
}
