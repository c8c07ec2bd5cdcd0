package dev.tenderkit.alipay;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.BillColumns;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BillLines;
import dev.tenderkit.core.reconcile.BillReader;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.core.reconcile.MalformedBillException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the detail file of an Alipay trade bill ({@code …_业务明细.csv}, GBK) one row at a time (bills.md §1):
 * the {@code #} preamble, whose {@code #起始日期} must be the day asked for (and {@code #账号} the merchant's, when
 * known); the header, columns found by name (full-width {@code （元）}, a half-width {@code (元)} taken as the
 * same); rows until the {@code #…业务明细列表结束…} marker; then the bill's totals, checked against the rows
 * ({@link AlipayBillTotals}), so a file cut at any byte ends in an error. {@code 交易} is a payment
 * ({@code 订单金额（元）}, {@code 服务费（元）}, dated {@code 完成时间}), {@code 退款} a refund (amounts written negative,
 * read as magnitudes; {@code 退款批次号/请求号} its request number), {@code 充值} skipped; any other 业务类型 is
 * an error. Every cell read is validated; an error names the line, the column and its header name. Not
 * thread-safe.
 */
final class AlipayBillReader implements BillReader {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter CN_TIME = DateTimeFormatter.ofPattern("uuuu年MM月dd日 HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PERIOD = Pattern.compile("#起始日期：\\[([^]]*)]\\s*终止日期：\\[([^]]*)]");
    private static final Pattern ACCOUNT = Pattern.compile("#账号：\\[([^]]*)]");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final String gatewayId;
    private final LocalDate day;
    private final BillLines lines;
    private final AutoCloseable resources;
    private final AlipayBillTotals totals;
    private final BillColumns columns;
    private final int tradeNo;
    private final int outTradeNo;
    private final int type;
    private final int created;
    private final int completed;
    private final int amount;
    private final int received;
    private final int discount;
    private final int requestNo;
    private final int serviceFee;
    private final int bankFee;
    private final int bankRate;
    private final Instant dayStart;
    private final Instant dayEnd;
    private boolean endSeen;
    private boolean finished;

    /**
     * Reads the preamble and the header.
     *
     * @param gatewayId the gateway the bill's trades belong to
     * @param day the business day asked for
     * @param detail the detail file's bytes
     * @param source its name
     * @param maxLineChars the longest line accepted
     * @param account the account ({@code <PID>0156}) the bill must name, when known
     * @param resources closed with the reader (the zip, the temporary file)
     * @throws MalformedBillException when the file is not an Alipay trade bill of that day
     */
    AlipayBillReader(String gatewayId, LocalDate day, InputStream detail, String source, int maxLineChars,
            Optional<String> account, AutoCloseable resources) {
        this.gatewayId = Objects.requireNonNull(gatewayId, "gatewayId");
        this.day = Objects.requireNonNull(day, "day");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.lines = new BillLines(detail, AlipayBillArchive.GBK, source, maxLineChars);
        this.totals = new AlipayBillTotals(source);
        this.dayStart = day.atStartOfDay().toInstant(CHINA);
        this.dayEnd = day.plusDays(1).atStartOfDay().toInstant(CHINA);
        preamble(account);
        String header = lines.next().orElseThrow(() -> cut("the header row"));
        if (header.startsWith("#")) {
            throw new MalformedBillException(source, lines.lineNumber(), 1, "", "expected the header row after the "
                    + "业务明细列表 marker, found a comment");
        }
        List<String> names = new ArrayList<>();
        for (String name : BillColumns.split(header, ',', (char) 0)) {
            names.add(name.replace("(元)", "（元）"));
        }
        columns = BillColumns.of(source, lines.lineNumber(), names);
        tradeNo = columns.require("支付宝交易号");
        outTradeNo = columns.require("商户订单号");
        type = columns.require("业务类型");
        completed = columns.require("完成时间");
        amount = columns.require("订单金额（元）");
        received = columns.require("商家实收（元）");
        created = optional("创建时间");
        discount = optional("商家优惠（元）");
        requestNo = optional("退款批次号/请求号");
        serviceFee = optional("服务费（元）");
        bankFee = optional("手续费（元）");
        bankRate = optional("费率");
    }

    private int optional(String name) {
        return columns.has(name) ? columns.require(name) : -1;
    }

    private void preamble(Optional<String> account) {
        boolean period = false;
        while (true) {
            String line = lines.next().orElseThrow(() -> cut("the 业务明细列表 marker"));
            long n = lines.lineNumber();
            if (!line.startsWith("#")) {
                throw new MalformedBillException(lines.source(), n, 1, "", "expected a # line before the 业务明细列表 "
                        + "marker, found \"" + AlipayBillTotals.shorten(line) + "\": not an Alipay trade bill");
            }
            Matcher p = PERIOD.matcher(line);
            Matcher a = ACCOUNT.matcher(line);
            if (p.matches()) {
                LocalDateTime from = cnTime(p.group(1), n);
                LocalDateTime to = cnTime(p.group(2), n);
                if (!from.equals(day.atStartOfDay()) || !to.equals(day.plusDays(1).atStartOfDay())) {
                    throw new MalformedBillException(lines.source(), n, -1, "", "the bill covers " + from + " to " + to
                            + ", not the business day " + day + ": the bill of another day");
                }
                period = true;
            } else if (a.matches() && account.isPresent() && !a.group(1).equals(account.get())) {
                throw new MalformedBillException(lines.source(), n, -1, "", "the bill is of account " + a.group(1)
                        + ", not this merchant's " + account.get());
            } else if (line.contains("业务明细列表") && !line.contains("结束")) {
                if (!period) {
                    throw new MalformedBillException(lines.source(), n, -1, "", "no #起始日期 line before the "
                            + "业务明细列表 marker: the bill's day cannot be checked");
                }
                return;
            }
        }
    }

    private LocalDateTime cnTime(String text, long n) {
        try {
            return LocalDateTime.parse(text, CN_TIME);
        } catch (DateTimeParseException e) {
            throw new MalformedBillException(lines.source(), n, -1, "", "\"" + text + "\" is not a time as "
                    + "yyyy年MM月dd日 HH:mm:ss", e);
        }
    }

    private MalformedBillException cut(String what) {
        return new MalformedBillException(lines.source(), lines.lineNumber() + 1, -1, "", "the bill ends before "
                + what + ": cut short (truncated), or not an Alipay trade bill");
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
        while (!finished) {
            Optional<String> next = lines.next();
            if (next.isEmpty()) {
                if (!endSeen) {
                    throw cut("its 业务明细列表结束 marker");
                }
                totals.requireComplete(lines.lineNumber());
                finished = true;
                break;
            }
            String line = next.get();
            long n = lines.lineNumber();
            if (endSeen) {
                totals.read(line, n, discount >= 0);
            } else if (line.startsWith("#")) {
                if (!line.contains("业务明细列表结束")) {
                    throw new MalformedBillException(source(), n, 1, "", "a # line among the rows that is not the "
                            + "业务明细列表结束 marker: \"" + AlipayBillTotals.shorten(line) + "\"");
                }
                endSeen = true;
            } else {
                Optional<BillEntry> entry = row(line, n);
                if (entry.isPresent()) {
                    return entry;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<BillEntry> row(String line, long n) {
        List<String> cells = BillColumns.split(line, ',', (char) 0);
        columns.checkWidth(n, cells);
        String kindText = cells.get(type);
        BillEntryKind kind;
        switch (kindText) {
            case "交易" -> kind = BillEntryKind.PAYMENT;
            case "退款" -> kind = BillEntryKind.REFUND;
            case "充值" -> {
                return Optional.empty();   // a top-up, not a trade (bills.md §1)
            }
            default -> throw bad(n, type, "业务类型 \"" + AlipayBillTotals.shorten(kindText) + "\" is none of 交易, 退款, 充值");
        }
        boolean refund = kind == BillEntryKind.REFUND;
        String walletNo = required(cells, tradeNo, n);
        if (!walletNo.chars().allMatch(c -> c >= '0' && c <= '9') || walletNo.length() > 64) {
            throw bad(n, tradeNo, "\"" + AlipayBillTotals.shorten(walletNo) + "\" is not an Alipay trade number (digits)");
        }
        String ourNo = required(cells, outTradeNo, n);
        if (!BizRequestChecks.isOutTradeNo(ourNo)) {
            throw bad(n, outTradeNo, "\"" + AlipayBillTotals.shorten(ourNo) + "\" is not an out_trade_no (1-64 letters, "
                    + "digits or underscores)");
        }
        Instant time = time(cells, completed, n);
        if (time.isBefore(dayStart) || !time.isBefore(dayEnd)) {
            throw bad(n, completed, "completed at " + cells.get(completed) + ", outside the bill's day " + day);
        }
        if (created >= 0) {
            time(cells, created, n);
        }
        long orderFen = signed(cells, amount, n, refund);
        long receivedFen = signed(cells, received, n, refund);
        if (orderFen == 0) {
            throw bad(n, amount, "an amount of 0.00: no " + kindText + " moves nothing");
        }
        long discountFen = discount >= 0 ? AlipayBillTotals.signedFen(cells.get(discount), source(), n, discount + 1,
                columns.names().get(discount)) : 0;
        if (refund) {
            totals.refund(receivedFen, discountFen);
        } else {
            totals.trade(receivedFen, discountFen);
        }
        Optional<String> refundNo = refund && requestNo >= 0 && !cells.get(requestNo).isEmpty()
                ? Optional.of(cells.get(requestNo)) : Optional.empty();
        return Optional.of(new BillEntry(ourNo, walletNo, kind, Money.ofFen(Math.abs(orderFen)), refundNo, time,
                fee(cells, n, refund), kindText, n));
    }

    private Optional<BilledFee> fee(List<String> cells, long n, boolean refund) {
        int column = serviceFee >= 0 ? serviceFee : bankFee;
        if (column < 0) {
            return Optional.empty();
        }
        Optional<FeeRate> rate = Optional.empty();
        if (serviceFee < 0 && bankRate >= 0) {
            try {
                rate = Optional.of(FeeRate.parse(cells.get(bankRate), "费率"));
            } catch (InvalidInputException e) {
                throw bad(n, bankRate, e.getMessage());
            }
        }
        BilledFee fee;
        try {
            fee = BilledFee.parseYuan(cells.get(column), rate);
        } catch (InvalidInputException e) {
            throw bad(n, column, e.getMessage());
        }
        if (!refund && fee.isReturned()) {
            throw bad(n, column, "a payment's fee is negative");
        }
        return Optional.of(fee);
    }

    private String required(List<String> cells, int column, long n) {
        String v = cells.get(column);
        if (v.isEmpty()) {
            throw bad(n, column, "is empty");
        }
        return v;
    }

    private Instant time(List<String> cells, int column, long n) {
        try {
            return LocalDateTime.parse(cells.get(column), TIME).toInstant(CHINA);
        } catch (DateTimeParseException e) {
            throw bad(n, column, "\"" + AlipayBillTotals.shorten(cells.get(column)) + "\" is not a time as yyyy-MM-dd HH:mm:ss");
        }
    }

    /** An amount whose sign must be the row's: negative on a refund, not negative on a payment. */
    private long signed(List<String> cells, int column, long n, boolean refund) {
        long fen = AlipayBillTotals.signedFen(cells.get(column), source(), n, column + 1, columns.names().get(column));
        if (refund ? fen > 0 : fen < 0) {
            throw bad(n, column, (refund ? "a refund's amount is written negative, found " : "a payment's amount is "
                    + "negative: ") + cells.get(column));
        }
        return fen;
    }

    private MalformedBillException bad(long n, int column, String problem) {
        return new MalformedBillException(source(), n, column + 1, columns.names().get(column), problem);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("releasing the bill " + source() + " failed", e);
        }
    }
}
