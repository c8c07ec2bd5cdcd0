package dev.tenderkit.testkit.wechat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Renders {@link WeChatBillRow}s as WeChat Pay writes a trade bill (bills.md §2, written here apart from
 * sdk-wechat's parser): UTF-8, a header row without backticks, one row per payment, refund or reversal with
 * every field prefixed by one backtick, then the summary header and its one backticked row (count, totals,
 * the fee total with five decimals). Three layouts: {@link Layout#ALL} (27 columns, {@code bill_type=ALL}),
 * {@link Layout#REFUND} (29: {@code 退款申请时间, 退款成功时间} after {@code 代金券金额}) and
 * {@link Layout#LEGACY} (older merchants: {@code 总金额} instead of {@code 应结订单金额}/{@code 订单金额}).
 * The simulator serves its bills through it; tests write bills for generated days with it, no server
 * needed. Immutable.
 */
public final class WeChatBillWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.ofHours(8));
    private static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    /** A bill's columns, as WeChat Pay names them. */
    public enum Layout {
        /** {@code bill_type=ALL} (and {@code SUCCESS}). */
        ALL(List.of("交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识",
                "交易类型", "交易状态", "付款银行", "货币种类", "应结订单金额", "代金券金额", "微信退款单号", "商户退款单号",
                "退款金额", "充值券退款金额", "退款类型", "退款状态", "商品名称", "商户数据包", "手续费", "费率", "订单金额",
                "申请退款金额", "费率备注"),
                List.of("总交易单数", "应结订单总金额", "退款总金额", "充值券退款总金额", "手续费总金额", "订单总金额",
                        "申请退款总金额")),
        /** {@code bill_type=REFUND}. */
        REFUND(List.of("交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识",
                "交易类型", "交易状态", "付款银行", "货币种类", "应结订单金额", "代金券金额", "退款申请时间", "退款成功时间",
                "微信退款单号", "商户退款单号", "退款金额", "充值券退款金额", "退款类型", "退款状态", "商品名称", "商户数据包",
                "手续费", "费率", "订单金额", "申请退款金额", "费率备注"), ALL.summary),
        /** The layout of merchants without non-recharge coupons, seen in 2018–2019 bills. */
        LEGACY(List.of("交易时间", "公众账号ID", "商户号", "子商户号", "设备号", "微信订单号", "商户订单号", "用户标识",
                "交易类型", "交易状态", "付款银行", "货币种类", "总金额", "代金券或立减优惠金额", "微信退款单号", "商户退款单号",
                "退款金额", "代金券或立减优惠退款金额", "退款类型", "退款状态", "商品名称", "商户数据包", "手续费", "费率"),
                List.of("总交易单数", "总交易额", "总退款金额", "总代金券或立减优惠退款金额", "手续费总金额"));

        private final List<String> columns;
        private final List<String> summary;

        Layout(List<String> columns, List<String> summary) {
            this.columns = columns;
            this.summary = summary;
        }

        /** @return the detail header's column names, in order */
        public List<String> columns() {
            return columns;
        }

        /** @return the summary header's column names, in order */
        public List<String> summary() {
            return summary;
        }
    }

    private final Layout layout;
    private final String appid;
    private final String mchid;
    private final boolean bom;

    /**
     * @param layout the columns
     * @param appid the appid written in every row (公众账号ID)
     * @param mchid the merchant number written in every row (商户号)
     */
    public WeChatBillWriter(Layout layout, String appid, String mchid) {
        this(layout, appid, mchid, false);
    }

    private WeChatBillWriter(Layout layout, String appid, String mchid, boolean bom) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.appid = Objects.requireNonNull(appid, "appid");
        this.mchid = Objects.requireNonNull(mchid, "mchid");
        this.bom = bom;
    }

    /** @return a writer like this one that starts the file with a UTF-8 byte-order mark, as some bills do */
    public WeChatBillWriter withByteOrderMark() {
        return new WeChatBillWriter(layout, appid, mchid, true);
    }

    /** @return the layout */
    public Layout layout() {
        return layout;
    }

    /**
     * Writes the bill of {@code rows}, in the order given, to {@code out} (not closed).
     *
     * @throws UncheckedIOException when writing fails
     */
    public void write(Iterable<WeChatBillRow> rows, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (bom) {
                w.write('\uFEFF');
            }
            w.write(String.join(",", layout.columns));
            w.write("\r\n");
            long count = 0;
            long settled = 0;
            long refunded = 0;
            long fees = 0;
            long ordered = 0;
            for (WeChatBillRow r : rows) {
                StringBuilder line = new StringBuilder(320);
                for (String column : layout.columns) {
                    line.append(line.length() == 0 ? "`" : ",`").append(cell(column, r));
                }
                w.write(line.append("\r\n").toString());
                count++;
                settled += r.orderAmount().fen();
                ordered += r.orderAmount().fen();
                refunded += r.refundAmount().fen();
                fees += r.feeMilliFen();
            }
            w.write(String.join(",", layout.summary));
            w.write("\r\n");
            String[] totals = layout == Layout.LEGACY
                    ? new String[] {Long.toString(count), yuan(settled), yuan(refunded), "0.00", fee(fees)}
                    : new String[] {Long.toString(count), yuan(settled), yuan(refunded), "0.00", fee(fees), yuan(ordered),
                        yuan(refunded)};
            w.write("`" + String.join(",`", totals) + "\r\n");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a WeChat Pay bill failed", e);
        }
    }

    /** @return the bill of {@code rows} as bytes (for tests; the simulator's bills are small) */
    public byte[] render(List<WeChatBillRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(rows, out);
        return out.toByteArray();
    }

    /** @return {@code bill} gzip-compressed, as {@code tar_type=GZIP} serves it */
    public static byte[] gzip(byte[] bill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bill.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bill);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the lowercase hex SHA-1 of {@code bill}, as {@code hash_value} states it */
    public static String sha1Hex(byte[] bill) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(bill);
            StringBuilder hex = new StringBuilder(40);
            for (byte b : d) {
                hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private String cell(String column, WeChatBillRow r) {
        boolean refund = r.status() == WeChatBillRow.Status.REFUND;
        switch (column) {
            case "交易时间":
                return TIME.format(r.time());
            case "公众账号ID":
                return appid;
            case "商户号":
                return mchid;
            case "特约商户号":
            case "子商户号":
                return "0";
            case "微信订单号":
                return r.transactionId();
            case "商户订单号":
                return r.outTradeNo();
            case "用户标识":
                return OPENID;
            case "交易类型":
                return r.tradeType();
            case "交易状态":
                return r.status().name();
            case "付款银行":
                return r.bankType();
            case "货币种类":
                return "CNY";
            case "应结订单金额":
            case "订单金额":
            case "总金额":
                return yuan(r.orderAmount().fen());
            case "退款申请时间":
                return refund ? TIME.format(r.time()) : "";
            case "退款成功时间":
                return refund && r.refundStatus().equals("SUCCESS") ? TIME.format(r.time()) : "";
            case "微信退款单号":
                return r.refundId().orElse("0");
            case "商户退款单号":
                return r.outRefundNo().orElse("0");
            case "退款金额":
            case "申请退款金额":
                return yuan(r.refundAmount().fen());
            case "代金券金额":
            case "充值券退款金额":
            case "代金券或立减优惠金额":
            case "代金券或立减优惠退款金额":
                return "0.00";
            case "退款类型":
                return refund ? "ORIGINAL" : "";
            case "退款状态":
                return r.refundStatus();
            case "商品名称":
                return r.subject();
            case "手续费":
                return fee(r.feeMilliFen());
            case "费率":
                return rate(r.ratePpm());
            default:
                return ""; // 设备号, 商户数据包, 费率备注
        }
    }

    private static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long a = Math.abs(fen);
        return sign + a / 100 + "." + (a % 100 < 10 ? "0" : "") + a % 100;
    }

    private static String fee(long milliFen) {
        String sign = milliFen < 0 ? "-" : "";
        long a = Math.abs(milliFen);
        String frac = Long.toString(a % 100_000);
        return sign + a / 100_000 + "." + "00000".substring(frac.length()) + frac;
    }

    /** {@code 6000} ppm → {@code 0.60%}: two decimals at least, more when the rate has them. */
    private static String rate(long ppm) {
        String frac = Long.toString(ppm % 10_000);
        frac = "0000".substring(frac.length()) + frac;
        while (frac.length() > 2 && frac.endsWith("0")) {
            frac = frac.substring(0, frac.length() - 1);
        }
        return ppm / 10_000 + "." + frac + "%";
    }
}
