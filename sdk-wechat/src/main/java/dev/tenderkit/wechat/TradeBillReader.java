package dev.tenderkit.wechat;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.BillColumns;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillLines;
import dev.tenderkit.core.reconcile.BillReader;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.core.reconcile.MalformedBillException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A WeChat Pay trade bill read one row at a time from its (checked, decompressed) temporary file: the header
 * row without backticks, detail rows whose every field starts with one backtick, then the summary header
 * ({@code 总交易单数,…}) and its one backticked row, which must agree with the rows read (count, settled and
 * order totals, refund total, fee total to the milli-fen) and end the file. A file without its summary is
 * truncated, an error at the line where it ends, never a shorter day. Not thread-safe; {@link #close()}
 * deletes the file.
 */
final class TradeBillReader implements BillReader {
    static final int MAX_LINE_CHARS = 4096;

    private final Path file;
    private final String gatewayId;
    private final LocalDate day;
    private final String mchid;
    private final InputStream in;
    private final BillLines lines;
    private TradeBillRows rows;
    private boolean done;

    TradeBillReader(Path file, String source, String gatewayId, LocalDate day, String mchid) {
        this.file = file;
        this.gatewayId = gatewayId;
        this.day = day;
        this.mchid = mchid;
        try {
            this.in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the WeChat Pay bill " + file + " failed", e);
        }
        this.lines = new BillLines(in, StandardCharsets.UTF_8, source, MAX_LINE_CHARS);
    }

    @Override
    public String gatewayId() {
        return gatewayId;
    }

    @Override
    public LocalDate businessDay() {
        return day;
    }

    @Override
    public String source() {
        return lines.source();
    }

    @Override
    public Optional<BillEntry> next() {
        if (done) {
            return Optional.empty();
        }
        if (rows == null) {
            String header = line("the header row");
            if (header.startsWith("`")) {
                throw new MalformedBillException(source(), lines.lineNumber(), 1, "", "the first row starts with a "
                        + "backtick: a WeChat Pay bill starts with its header row (交易时间,…)");
            }
            rows = new TradeBillRows(source(), BillColumns.of(source(), lines.lineNumber(),
                    BillColumns.split(header, ',', (char) 0)), mchid, day);
        }
        while (true) {
            String row = line("the summary (总交易单数,…)");
            if (!row.startsWith("`")) {
                summary(row);
                done = true;
                return Optional.empty();
            }
            Optional<BillEntry> entry = rows.entry(lines.lineNumber(), backticked(row));
            if (entry.isPresent()) {
                return entry;
            }
        }
    }

    private String line(String expected) {
        Optional<String> line = lines.next();
        if (line.isEmpty()) {
            throw new MalformedBillException(source(), lines.lineNumber() + 1, -1, "", "the file ends where "
                    + expected + " should be: the bill is truncated, nothing of it is believed");
        }
        return line.get();
    }

    /**
     * @return the cells of a detail or summary row, each of which must start with one backtick (checked in
     *     place, so a row is split once: a bill of 100,000 rows is read at a few microseconds a row)
     */
    private List<String> backticked(String row) {
        int column = 1;
        int at = 0;
        while (true) {
            while (at < row.length() && (row.charAt(at) == ' ' || row.charAt(at) == '\t')) {
                at++;
            }
            if (at >= row.length() || row.charAt(at) != '`') {
                throw new MalformedBillException(source(), lines.lineNumber(), column, "", "a field without its "
                        + "leading backtick: every field of a WeChat Pay bill row starts with one");
            }
            int comma = row.indexOf(',', at);
            if (comma < 0) {
                return BillColumns.split(row, ',', '`');
            }
            at = comma + 1;
            column++;
        }
    }

    private void summary(String header) {
        long headerLine = lines.lineNumber();
        BillColumns names = BillColumns.of(source(), headerLine, BillColumns.split(header, ',', (char) 0));
        int count = names.require("总交易单数");
        String values = line("the summary row after line " + headerLine);
        if (!values.startsWith("`")) {
            throw new MalformedBillException(source(), lines.lineNumber(), 1, "", "the summary row has no backticks");
        }
        long line = lines.lineNumber();
        List<String> cells = backticked(values);
        names.checkWidth(line, cells);
        check(names, cells, line, count, Long.toString(rows.count), "the bill has " + rows.count + " rows");
        check(names, cells, line, either(names, "应结订单总金额", "总交易额"), Money.ofFen(rows.settledFen));
        check(names, cells, line, either(names, "退款总金额", "总退款金额"), Money.ofFen(rows.refundedFen));
        if (names.has("订单总金额")) {
            check(names, cells, line, names.require("订单总金额"), Money.ofFen(rows.orderedFen));
        }
        int fees = names.require("手续费总金额");
        BilledFee total;
        try {
            total = BilledFee.parseYuan(cells.get(fees), Optional.empty());
        } catch (InvalidInputException e) {
            throw new MalformedBillException(source(), line, fees + 1, "手续费总金额", e.getMessage(), e);
        }
        if (total.milliFen() != rows.feeMilliFen) {
            throw disagree(line, fees, "手续费总金额", cells.get(fees), new BilledFee(rows.feeMilliFen,
                    Optional.empty()).toYuanString());
        }
        while (true) {
            Optional<String> after = lines.next();
            if (after.isEmpty()) {
                return;
            }
            if (!after.get().isEmpty()) {
                throw new MalformedBillException(source(), lines.lineNumber(), -1, "", "text after the summary row");
            }
        }
    }

    private static int either(BillColumns names, String current, String legacy) {
        return names.require(names.has(current) || !names.has(legacy) ? current : legacy);
    }

    private void check(BillColumns names, List<String> cells, long line, int column, Money sum) {
        String cell = cells.get(column);
        Money stated;
        try {
            stated = Money.parse(cell);
        } catch (InvalidInputException e) {
            throw new MalformedBillException(source(), line, column + 1, names.names().get(column),
                    "\"" + cell + "\" is not an amount in yuan", e);
        }
        if (!stated.equals(sum)) {
            throw disagree(line, column, names.names().get(column), cell, sum.toPlainString());
        }
    }

    private void check(BillColumns names, List<String> cells, long line, int column, String expected, String what) {
        if (!cells.get(column).equals(expected)) {
            throw disagree(line, column, names.names().get(column), cells.get(column), expected + " (" + what + ")");
        }
    }

    private MalformedBillException disagree(long line, int column, String name, String stated, String rowsSay) {
        return new MalformedBillException(source(), line, column + 1, name, "the summary states " + stated
                + " where the rows add up to " + rowsSay + ": rows are missing, extra or altered");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // the file is deleted below either way
        }
        BillFileCheck.deleteQuietly(file);
    }
}
