package dev.tenderkit.wechat;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.BillColumns;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.core.reconcile.MalformedBillException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the detail rows of a WeChat Pay trade bill by header name (bills.md §2): the {@code ALL} and
 * {@code REFUND} layouts and the legacy one ({@code 总金额} instead of {@code 应结订单金额}/{@code 订单金额})
 * all map, whatever the order of their columns, and every cell read is validated. It also sums what the
 * summary row states, for {@link TradeBillReader} to compare at the end. Not thread-safe; one per file.
 */
final class TradeBillRows {
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** 退款状态 values (bills.md §2, [U]); FAIL and REFUNDCLOSE returned nothing. */
    private static final Set<String> REFUND_STATES = Set.of("SUCCESS", "PROCESSING", "CHANGE", "FAIL", "REFUNDCLOSE");
    private static final Set<String> NOTHING_RETURNED = Set.of("FAIL", "REFUNDCLOSE");

    private final String source;
    private final BillColumns columns;
    private final String mchid;
    private final Instant dayStart;
    private final Instant dayEnd;
    private final int time;
    private final int transactionId;
    private final int outTradeNo;
    private final int status;
    private final int orderAmount;
    private final int settledAmount;
    private final int refundAmount;
    private final int outRefundNo;
    private final int fee;
    private final int rate;
    private final Optional<Integer> merchant;
    private final Optional<Integer> currency;
    private final Optional<Integer> refundState;

    /** The sums the summary row states. */
    long count;
    long settledFen;
    long orderedFen;
    long refundedFen;
    long feeMilliFen;

    TradeBillRows(String source, BillColumns columns, String mchid, LocalDate day) {
        this.source = source;
        this.columns = columns;
        this.mchid = mchid;
        this.dayStart = day.atStartOfDay().toInstant(CHINA);
        this.dayEnd = day.plusDays(1).atStartOfDay().toInstant(CHINA);
        this.time = columns.require("交易时间");
        this.transactionId = columns.require("微信订单号");
        this.outTradeNo = columns.require("商户订单号");
        this.status = columns.require("交易状态");
        this.orderAmount = columns.require(columns.has("订单金额") ? "订单金额" : "总金额");
        this.settledAmount = columns.require(columns.has("应结订单金额") ? "应结订单金额" : "总金额");
        this.refundAmount = columns.require("退款金额");
        this.outRefundNo = columns.require("商户退款单号");
        this.fee = columns.require("手续费");
        this.rate = columns.require("费率");
        this.merchant = optional("商户号");
        this.currency = optional("货币种类");
        this.refundState = optional("退款状态");
    }

    private Optional<Integer> optional(String name) {
        return columns.has(name) ? Optional.of(columns.require(name)) : Optional.empty();
    }

    /**
     * @param line the row's line
     * @param cells its cells, backticks removed
     * @return the row's entry; empty for a refund that returned nothing ({@code 退款状态} FAIL), which the
     *     summary still counts
     */
    Optional<BillEntry> entry(long line, List<String> cells) {
        columns.checkWidth(line, cells);
        merchant.ifPresent(i -> {
            if (!cells.get(i).equals(mchid)) {
                throw bad(line, i, "the bill is of merchant \"" + cells.get(i) + "\", not of " + mchid);
            }
        });
        currency.ifPresent(i -> {
            if (!cells.get(i).equals("CNY")) {
                throw bad(line, i, "currency \"" + cells.get(i) + "\": only CNY bills are read (amounts in fen)");
            }
        });
        Instant at = time(line, cells);
        String no = text(line, cells, outTradeNo);
        String walletNo = text(line, cells, transactionId);
        String state = cells.get(status);
        Money ordered = money(line, cells, orderAmount);
        Money settled = money(line, cells, settledAmount);
        Money refunded = money(line, cells, refundAmount);
        BilledFee charged = fee(line, cells);
        count++;
        settledFen += settled.fen();
        orderedFen += ordered.fen();
        refundedFen += refunded.fen();
        feeMilliFen += charged.milliFen();
        switch (state) {
            case "SUCCESS":
            case "REVOKED":
                if (!ordered.isPositive()) {
                    throw bad(line, orderAmount, "a " + state + " row without an order amount");
                }
                if (charged.isReturned()) {
                    throw bad(line, fee, "a negative fee on a " + state + " row");
                }
                return Optional.of(new BillEntry(no, walletNo, state.equals("SUCCESS") ? BillEntryKind.PAYMENT
                        : BillEntryKind.REVOKED, ordered, Optional.empty(), at, Optional.of(charged), state, line));
            case "REFUND": {
                if (!refunded.isPositive()) {
                    throw bad(line, refundAmount, "a refund row without a refund amount");
                }
                if (charged.milliFen() > 0) {
                    throw bad(line, fee, "a refund row charging a fee: a refund returns its fee, or none");
                }
                String refundNo = text(line, cells, outRefundNo);
                if (refundNo.equals("0")) {
                    throw bad(line, outRefundNo, "a refund row without the merchant's refund number");
                }
                String refund = refundState.map(i -> refundState(line, cells, i)).orElse("SUCCESS");
                if (NOTHING_RETURNED.contains(refund)) {
                    return Optional.empty();
                }
                return Optional.of(new BillEntry(no, walletNo, BillEntryKind.REFUND, refunded, Optional.of(refundNo), at,
                        Optional.of(charged), "REFUND/" + refund, line));
            }
            default:
                throw bad(line, status, "unknown 交易状态 \"" + state + "\": expected SUCCESS, REFUND or REVOKED");
        }
    }

    private String refundState(long line, List<String> cells, int i) {
        String s = cells.get(i);
        if (!REFUND_STATES.contains(s)) {
            throw bad(line, i, "unknown 退款状态 \"" + s + "\" on a refund row: expected one of " + REFUND_STATES);
        }
        return s;
    }

    private Instant time(long line, List<String> cells) {
        String t = cells.get(time);
        Instant at;
        try {
            at = Instant.ofEpochSecond(localTime(t).toEpochSecond(CHINA));
        } catch (DateTimeException e) {
            throw bad(line, time, "\"" + t + "\" is not a time yyyy-MM-dd HH:mm:ss", e);
        }
        if (at.isBefore(dayStart) || !at.isBefore(dayEnd)) {
            throw bad(line, time, cells.get(time) + " is not on the bill's day (UTC+8)");
        }
        return at;
    }

    /** {@code yyyy-MM-dd HH:mm:ss} exactly (a formatter costs more than the rest of the row). */
    private static LocalDateTime localTime(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' ' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            throw new DateTimeException("not yyyy-MM-dd HH:mm:ss");
        }
        return LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10), digits(t, 11, 13),
                digits(t, 14, 16), digits(t, 17, 19));
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit: " + c);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private String text(long line, List<String> cells, int i) {
        String s = cells.get(i);
        if (s.isEmpty()) {
            throw bad(line, i, "is empty");
        }
        return s;
    }

    private Money money(long line, List<String> cells, int i) {
        try {
            return Money.parse(cells.get(i));
        } catch (InvalidInputException e) {
            throw bad(line, i, "\"" + cells.get(i) + "\" is not an amount in yuan", e);
        }
    }

    private BilledFee fee(long line, List<String> cells) {
        Optional<FeeRate> r;
        try {
            r = cells.get(rate).isEmpty() ? Optional.empty() : Optional.of(FeeRate.parse(cells.get(rate), "费率"));
        } catch (InvalidInputException e) {
            throw bad(line, rate, "\"" + cells.get(rate) + "\" is not a rate such as 0.60%", e);
        }
        try {
            return BilledFee.parseYuan(cells.get(fee), r);
        } catch (InvalidInputException e) {
            throw bad(line, fee, e.getMessage(), e);
        }
    }

    private MalformedBillException bad(long line, int column, String problem) {
        return bad(line, column, problem, null);
    }

    private MalformedBillException bad(long line, int column, String problem, Throwable cause) {
        return new MalformedBillException(source, line, column + 1, columns.names().get(column), problem, cause);
    }
}
