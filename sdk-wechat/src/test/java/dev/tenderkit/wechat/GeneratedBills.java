package dev.tenderkit.wechat;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BillReader;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.core.reconcile.MalformedBillException;
import dev.tenderkit.testkit.wechat.WeChatBillRow;
import dev.tenderkit.testkit.wechat.WeChatBillWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Bills of generated days, written with the testkit's WeChatBillWriter, and what TenderKit must read from
 * them, derived from the rows on their own (not through the parser): the bill tests' oracle.
 */
final class GeneratedBills {
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final String MCHID = "1900000109";
    static final String APPID = "wxd678efh567hg6787";
    private static final long[] RATES = {6000, 3800, 10000, 2000};
    private static final String[] SUBJECTS = {"咖啡", "拿铁 大杯", "面包", "Sandwich", "牛奶（冷）"};
    private static final String[] REFUND_STATES = {"SUCCESS", "SUCCESS", "SUCCESS", "PROCESSING", "CHANGE", "FAIL"};

    private GeneratedBills() {
    }

    /** @return a day of {@code n} rows: payments, refunds of them, reversals, in time order */
    static List<WeChatBillRow> day(Random random, int n) {
        Instant start = DAY.atStartOfDay().toInstant(ZoneOffset.ofHours(8));
        List<WeChatBillRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant at = start.plus(Duration.ofSeconds((long) i * 86_399 / Math.max(n, 1)));
            long rate = RATES[random.nextInt(RATES.length)];
            Money amount = Money.ofFen(1 + random.nextInt(random.nextBoolean() ? 100 : 5_000_000));
            String no = "T" + DAY + "-" + i;
            String tx = "4200002" + String.format("%021d", i);
            String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            int kind = random.nextInt(10);
            WeChatBillRow row;
            if (kind < 6) {
                row = WeChatBillRow.payment(at, tx, no, amount, fee(amount, rate), rate);
            } else if (kind < 9) {
                row = WeChatBillRow.refund(at, tx, no, "50300" + String.format("%022d", i), "R-" + i, amount,
                        REFUND_STATES[random.nextInt(REFUND_STATES.length)], -fee(amount, rate), rate);
            } else {
                row = WeChatBillRow.revoked(at, tx, no, amount, rate);
            }
            rows.add(row.with(subject, random.nextBoolean() ? "OTHERS" : "CMB_CREDIT", "MICROPAY"));
        }
        return rows;
    }

    static long fee(Money amount, long ppm) {
        return (amount.fen() * ppm + 500_000) / 1_000_000 * 1000;
    }

    /** @return the entries TenderKit must read from a bill of {@code rows} whose header is line 1 */
    static List<BillEntry> expected(List<WeChatBillRow> rows) {
        List<BillEntry> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            WeChatBillRow r = rows.get(i);
            Optional<BilledFee> fee = Optional.of(new BilledFee(r.feeMilliFen(), Optional.of(FeeRate.ofPpm(r.ratePpm()))));
            long line = i + 2;
            switch (r.status()) {
                case SUCCESS -> out.add(new BillEntry(r.outTradeNo(), r.transactionId(), BillEntryKind.PAYMENT,
                        r.orderAmount(), Optional.empty(), r.time(), fee, "SUCCESS", line));
                case REVOKED -> out.add(new BillEntry(r.outTradeNo(), r.transactionId(), BillEntryKind.REVOKED,
                        r.orderAmount(), Optional.empty(), r.time(), fee, "REVOKED", line));
                case REFUND -> {
                    if (!r.refundStatus().equals("FAIL")) {
                        out.add(new BillEntry(r.outTradeNo(), r.transactionId(), BillEntryKind.REFUND,
                                r.refundAmount(), r.outRefundNo(), r.time(), fee, "REFUND/" + r.refundStatus(), line));
                    }
                }
                default -> throw new AssertionError(r.status());
            }
        }
        return out;
    }

    static byte[] render(WeChatBillWriter.Layout layout, List<WeChatBillRow> rows) {
        return new WeChatBillWriter(layout, APPID, MCHID).render(rows);
    }

    /** What reading a bill file came to: the entries handed out, and the error that ended it, if any. */
    record Read(List<BillEntry> entries, Optional<MalformedBillException> error) {
    }

    /** Reads a bill file written from {@code bytes} to the end or to its first error. */
    static Read read(Path dir, byte[] bytes) {
        Path file;
        try {
            file = Files.createTempFile(dir, "bill", ".csv");
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<BillEntry> entries = new ArrayList<>();
        try (BillReader r = new TradeBillReader(file, "bill.csv", "wechat-direct", DAY, MCHID)) {
            for (Optional<BillEntry> e = r.next(); e.isPresent(); e = r.next()) {
                entries.add(e.get());
            }
        } catch (MalformedBillException e) {
            return new Read(entries, Optional.of(e));
        }
        return new Read(entries, Optional.empty());
    }
}
