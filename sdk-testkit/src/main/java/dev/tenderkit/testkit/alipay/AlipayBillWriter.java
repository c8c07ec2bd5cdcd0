package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Renders rows into an Alipay trade bill ({@code bill_type=trade}) in the real file format, written apart
 * from sdk-alipay's parser (sources: shared/reference/bills.md §1): a zip named {@code <PID>0156_<yyyyMMdd>.csv.zip}
 * whose entry names are GBK without the UTF-8 flag, holding {@code …_业务明细.csv} first and
 * {@code …_业务明细(汇总).csv} last; both GBK, {@code #} comment lines, the 25-column header with full-width
 * {@code （元）}, a tab after every text cell, the end marker, then {@code #交易合计：N笔，商家实收共X元，商家优惠共0.00元},
 * {@code #退款合计：…} and {@code #导出时间：[…]}. Streams: rows are written as they come, so a day of any size
 * is never whole in memory. The simulator serves its bills through it; tests write bills of generated days
 * with it, without a server. Immutable and thread-safe.
 */
public final class AlipayBillWriter {
    /** The bill's encoding, for file contents and zip entry names alike. */
    public static final Charset GBK = Charset.forName("GBK");
    /** The detail file's header, in Alipay's order. */
    public static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
            + "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
            + "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";
    static final String DETAIL_START = "#-----------------------------------------业务明细列表----------------------------------------";
    static final String DETAIL_END = "#-----------------------------------------业务明细列表结束------------------------------------";
    private static final String EOL = "\r\n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CN_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /**
     * What a detail file's summary lines say, counted while its rows were written.
     *
     * @param trades 交易 rows
     * @param tradeFen their 商家实收, in fen
     * @param refunds 退款 rows
     * @param refundFen their 商家实收 as a magnitude, in fen
     * @param feeFen the service fees charged less those returned, in fen
     */
    public record Totals(int trades, long tradeFen, int refunds, long refundFen, long feeFen) {
    }

    private final String pid;
    private final LocalDate day;
    private final LocalDateTime exportedAt;

    /**
     * @param pid the merchant's PID ({@code 2088…}); the account the bill names is it followed by {@code 0156}
     * @param day the business day (Beijing time)
     * @param exportedAt when the bill says it was exported (Beijing time)
     */
    public AlipayBillWriter(String pid, LocalDate day, LocalDateTime exportedAt) {
        this.pid = Objects.requireNonNull(pid, "pid");
        this.day = Objects.requireNonNull(day, "day");
        this.exportedAt = Objects.requireNonNull(exportedAt, "exportedAt");
    }

    /** @return the account the bill names: the PID followed by {@code 0156} */
    public String accountId() {
        return pid + "0156";
    }

    /** @return the zip's file name */
    public String zipName() {
        return accountId() + "_" + DAY.format(day) + ".csv.zip";
    }

    /** @return the detail entry's name */
    public String detailEntryName() {
        return accountId() + "_" + DAY.format(day) + "_业务明细.csv";
    }

    /** @return the summary entry's name */
    public String summaryEntryName() {
        return accountId() + "_" + DAY.format(day) + "_业务明细(汇总).csv";
    }

    /**
     * @param rows the day's rows, in bill order
     * @return the zip, whole (tests; the simulator)
     */
    public byte[] zip(Iterable<AlipayBillRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeZip(rows, out);
        return out.toByteArray();
    }

    /**
     * Writes the zip: the detail entry, then the summary entry.
     *
     * @param rows the day's rows, in bill order
     * @param out where; not closed
     */
    public void writeZip(Iterable<AlipayBillRow> rows, OutputStream out) {
        try {
            ZipOutputStream zip = new ZipOutputStream(out, GBK);
            zip.putNextEntry(new ZipEntry(detailEntryName()));
            Writer w = new OutputStreamWriter(zip, GBK);
            Totals totals = writeDetail(rows, w);
            w.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(summaryEntryName()));
            w.write(summary(totals));
            w.flush();
            zip.closeEntry();
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the Alipay bill zip failed", e);
        }
    }

    /**
     * Zips entries as Alipay does (GBK names, no UTF-8 flag), in the order given: for tests that change a
     * rendered file and package it again.
     *
     * @param entries name → bytes
     * @return the zip
     */
    public static byte[] zipEntries(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, GBK)) {
            for (Map.Entry<String, byte[]> e : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param rows the day's rows
     * @return the detail file's text
     */
    public String detail(Iterable<AlipayBillRow> rows) {
        StringBuilder sb = new StringBuilder(4096);
        try {
            writeDetail(rows, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /**
     * Writes the detail file.
     *
     * @param rows the day's rows, in bill order
     * @param out where the text goes
     * @return what its summary lines say
     * @throws IOException from {@code out}
     */
    public Totals writeDetail(Iterable<AlipayBillRow> rows, Appendable out) throws IOException {
        out.append("#支付宝业务明细查询").append(EOL);
        preamble(out);
        out.append(DETAIL_START).append(EOL).append(HEADER).append(EOL);
        int trades = 0;
        int refunds = 0;
        long tradeFen = 0;
        long refundFen = 0;
        long feeFen = 0;
        StringBuilder line = new StringBuilder(320);
        for (AlipayBillRow r : rows) {
            line.setLength(0);
            String sign = r.negative() ? "-" : "";
            String amount = sign + r.amount().toPlainString();
            String fee = (r.negative() && r.serviceFee().isPositive() ? "-" : "") + r.serviceFee().toPlainString();
            text(line, r.tradeNo()).append(',');
            text(line, r.outTradeNo()).append(',');
            text(line, r.kind().label()).append(',');
            line.append(clean(r.subject())).append(',');
            line.append(TIME.format(r.created())).append(',').append(TIME.format(r.completed())).append(',');
            line.append("alipay_store\t,收银台\t,cashier\t,\t,tes***@example.com\t,");
            line.append(amount).append(',').append(amount).append(",0.00,0.00,0.00,0.00,0.00,,0.00\t,0.00,");
            text(line, r.refundRequestNo().orElse("")).append(',');
            line.append(fee).append(",0.00,").append(clean(r.subject()));
            out.append(line).append(EOL);
            if (r.kind() == AlipayBillRow.Kind.TRADE) {
                trades++;
                tradeFen += r.amount().fen();
                feeFen += r.serviceFee().fen();
            } else if (r.kind() == AlipayBillRow.Kind.REFUND) {
                refunds++;
                refundFen += r.amount().fen();
                feeFen -= r.serviceFee().fen();
            }
        }
        out.append(DETAIL_END).append(EOL);
        out.append("#交易合计：").append(Integer.toString(trades)).append("笔，商家实收共").append(yuan(tradeFen, false))
                .append("元，商家优惠共0.00元").append(EOL);
        out.append("#退款合计：").append(Integer.toString(refunds)).append("笔，商家实收退款共").append(yuan(refundFen, true))
                .append("元，商家优惠退款共0.00元").append(EOL);
        out.append("#导出时间：[").append(CN_TIME.format(exportedAt)).append(']').append(EOL);
        return new Totals(trades, tradeFen, refunds, refundFen, feeFen);
    }

    /**
     * @param totals the detail file's totals
     * @return the summary file's text: one row for the store, one for the whole account (合计)
     */
    public String summary(Totals totals) {
        String net = yuanSigned(totals.tradeFen() - totals.refundFen() - totals.feeFen());
        String cells = totals.trades() + "," + totals.refunds() + "," + yuanSigned(totals.tradeFen() - totals.refundFen())
                + "," + yuanSigned(totals.tradeFen() - totals.refundFen()) + ",0.00,0.00,0.00,"
                + yuanSigned(totals.feeFen()) + ",0.00," + net;
        StringBuilder sb = new StringBuilder(1024).append("#支付宝业务汇总查询").append(EOL);
        try {
            preamble(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.append("#-----------------------------------------业务汇总列表----------------------------------------")
                .append(EOL)
                .append("门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,"
                        + "卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）").append(EOL)
                .append("alipay_store\t,收银台\t,").append(cells).append(EOL)
                .append("合计,,").append(cells).append(EOL)
                .append("#----------------------------------------业务汇总列表结束-------------------------------------")
                .append(EOL).append("#导出时间：[").append(CN_TIME.format(exportedAt)).append(']').append(EOL)
                .toString();
    }

    private void preamble(Appendable out) throws IOException {
        out.append("#账号：[").append(accountId()).append(']').append(EOL);
        out.append("#起始日期：[").append(CN_TIME.format(day.atStartOfDay())).append("]   终止日期：[")
                .append(CN_TIME.format(day.plusDays(1).atStartOfDay())).append(']').append(EOL);
    }

    private static StringBuilder text(StringBuilder line, String cell) {
        return line.append(clean(cell)).append('\t');
    }

    private static String clean(String text) {
        return text.replace(',', '，').replace('\r', ' ').replace('\n', ' ');
    }

    private static String yuan(long fen, boolean negative) {
        return (negative && fen > 0 ? "-" : "") + Money.ofFen(fen).toPlainString();
    }

    private static String yuanSigned(long fen) {
        return fen < 0 ? "-" + Money.ofFen(-fen).toPlainString() : Money.ofFen(fen).toPlainString();
    }
}
