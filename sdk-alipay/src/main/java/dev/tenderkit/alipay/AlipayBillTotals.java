package dev.tenderkit.alipay;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.MalformedBillException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end of an Alipay detail file and the check that makes a cut file an error: after the end marker, the
 * bill's own totals (bills.md §1) — {@code #交易合计：N笔，商家实收共X元，商家优惠共Y元}, then
 * {@code #退款合计：N笔，商家实收退款共-X元，商家优惠退款共Y元}, then {@code #导出时间：[…]} — each compared with what
 * the rows read added up to: the count of 交易 and of 退款 rows and the sums of their 商家实收（元） and
 * 商家优惠（元）. Amounts in fen, signed as the bill writes them. Not thread-safe.
 */
final class AlipayBillTotals {
    private static final Pattern TRADES = Pattern.compile(
            "#交易合计：(\\d{1,9})笔，商家实收共(-?\\d{1,12}\\.\\d{2})元，商家优惠共(-?\\d{1,12}\\.\\d{2})元");
    private static final Pattern REFUNDS = Pattern.compile(
            "#退款合计：(\\d{1,9})笔，商家实收退款共(-?\\d{1,12}\\.\\d{2})元，商家优惠退款共(-?\\d{1,12}\\.\\d{2})元");
    private static final Pattern EXPORTED = Pattern.compile("#导出时间：\\[\\d{4}年\\d{2}月\\d{2}日 \\d{2}:\\d{2}:\\d{2}]");

    private final String source;
    private int trades;
    private long tradeReceived;
    private long tradeDiscount;
    private int refunds;
    private long refundReceived;
    private long refundDiscount;
    private int step;   // 0: 交易合计 next, 1: 退款合计 next, 2: 导出时间 next, 3: done

    AlipayBillTotals(String source) {
        this.source = source;
    }

    /** Adds a 交易 row's 商家实收 and 商家优惠 (fen, signed). */
    void trade(long received, long discount) {
        trades++;
        tradeReceived += received;
        tradeDiscount += discount;
    }

    /** Adds a 退款 row's 商家实收 and 商家优惠 (fen, signed: the received amount is negative). */
    void refund(long received, long discount) {
        refunds++;
        refundReceived += received;
        refundDiscount += discount;
    }

    /** @return whether the three lines were all read */
    boolean complete() {
        return step == 3;
    }

    /**
     * Reads one line after the end marker.
     *
     * @param line the text
     * @param number its line number
     * @param checkDiscounts whether the header has 商家优惠（元）, so its sums can be checked
     * @throws MalformedBillException when the line is not the one expected next, or says other totals
     */
    void read(String line, long number, boolean checkDiscounts) {
        if (line.isEmpty() && step == 3) {
            return;
        }
        switch (step) {
            case 0 -> check(expect(TRADES, line, number, "#交易合计：N笔，商家实收共X元，商家优惠共Y元"), number, "交易",
                    trades, tradeReceived, tradeDiscount, checkDiscounts);
            case 1 -> check(expect(REFUNDS, line, number, "#退款合计：N笔，商家实收退款共-X元，商家优惠退款共Y元"), number, "退款",
                    refunds, refundReceived, refundDiscount, checkDiscounts);
            case 2 -> expect(EXPORTED, line, number, "#导出时间：[yyyy年MM月dd日 HH:mm:ss]");
            default -> throw new MalformedBillException(source, number, 1, "",
                    "text after the bill's 导出时间 line, its last: \"" + shorten(line) + "\"");
        }
        step++;
    }

    /**
     * @param lastLine the file's last line number
     * @throws MalformedBillException naming what the end lacks: the file was cut
     */
    void requireComplete(long lastLine) {
        if (step < 3) {
            String missing = step == 0 ? "#交易合计" : step == 1 ? "#退款合计" : "#导出时间";
            throw new MalformedBillException(source, lastLine + 1, -1, "", "the bill ends before its " + missing
                    + " line: cut short (truncated)");
        }
    }

    private void check(Matcher m, long number, String type, int count, long receivedFen, long discountFen,
            boolean checkDiscounts) {
        compare(number, type + " rows", Integer.parseInt(m.group(1)), count);
        compare(number, "the " + type + " rows' 商家实收（元）", fen(m.group(2), number), receivedFen);
        if (checkDiscounts) {
            compare(number, "the " + type + " rows' 商家优惠（元）", fen(m.group(3), number), discountFen);
        }
    }

    private Matcher expect(Pattern p, String line, long number, String form) {
        Matcher m = p.matcher(line);
        if (!m.matches()) {
            throw new MalformedBillException(source, number, 1, "", "expected " + form + " here, found \""
                    + shorten(line) + "\" (cut, or not an Alipay trade bill)");
        }
        return m;
    }

    private void compare(long number, String what, long stated, long counted) {
        if (stated != counted) {
            throw new MalformedBillException(source, number, -1, "", "the bill's total of " + what + " is "
                    + stated + " but its rows add up to " + counted + (what.contains("（元）") ? " fen" : "")
                    + ": rows are missing, extra or changed");
        }
    }

    private long fen(String yuan, long number) {
        return signedFen(yuan, source, number, 1, "");
    }

    /**
     * A yuan amount as Alipay's bill writes it, possibly negative.
     *
     * @return fen, signed
     * @throws MalformedBillException naming the place when it is not an amount
     */
    static long signedFen(String yuan, String source, long line, int column, String columnName) {
        boolean negative = yuan.startsWith("-");
        try {
            long fen = Money.parse(negative ? yuan.substring(1) : yuan).fen();
            return negative ? -fen : fen;
        } catch (InvalidInputException e) {
            throw new MalformedBillException(source, line, column, columnName,
                    "\"" + shorten(yuan) + "\" is not an amount in yuan with two decimals", e);
        }
    }

    static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
