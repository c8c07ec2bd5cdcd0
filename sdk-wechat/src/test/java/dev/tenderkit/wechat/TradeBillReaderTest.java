package dev.tenderkit.wechat;

import static dev.tenderkit.wechat.GeneratedBills.expected;
import static dev.tenderkit.wechat.GeneratedBills.read;
import static dev.tenderkit.wechat.GeneratedBills.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.MalformedBillException;
import dev.tenderkit.testkit.wechat.WeChatBillRow;
import dev.tenderkit.testkit.wechat.WeChatBillWriter;
import dev.tenderkit.testkit.wechat.WeChatBillWriter.Layout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trade bill parser on files of WeChat Pay's format, sound and broken one way at a time. */
class TradeBillReaderTest {
    /** A bill as WeChat Pay publishes it (bills.md §2 sample layout), typed out, not written by the testkit. */
    private static final String SAMPLE = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
            + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,"
            + "退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
            + "`2026-12-02 09:15:01,`wxd678efh567hg6787,`1900000109,`0,`,`4200002026120200000000000001,`T1,"
            + "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`SUCCESS,`OTHERS,`CNY,`1299.02,`0.00,`0,`0,`0.00,`0.00,`,`,"
            + "`咖啡,`,`7.79000,`0.60%,`1299.02,`0.00,`\r\n"
            + "`2026-12-02 18:40:59,`wxd678efh567hg6787,`1900000109,`0,`,`4200002026120200000000000001,`T1,"
            + "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300002026120200000000001,"
            + "`R1,`100.00,`0.00,`ORIGINAL,`SUCCESS,`咖啡,`,`-0.60000,`0.60%,`0.00,`100.00,`\r\n"
            + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
            + "`2,`1299.02,`100.00,`0.00,`7.19000,`1299.02,`100.00\r\n";

    private static MalformedBillException error(Path dir, String text) {
        return read(dir, text.getBytes(StandardCharsets.UTF_8)).error()
                .orElseThrow(() -> new AssertionError("accepted: " + text));
    }

    @Test
    void aTypedOutBillReadsAsWeChatPayMeantIt(@TempDir Path dir) {
        GeneratedBills.Read r = read(dir, SAMPLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), r.error());
        BillEntry pay = r.entries().get(0);
        assertEquals(BillEntryKind.PAYMENT, pay.kind());
        assertEquals(Money.parse("1299.02"), pay.amount());
        assertEquals(OffsetDateTime.parse("2026-12-02T09:15:01+08:00").toInstant(), pay.time());
        assertEquals(779_000, pay.fee().orElseThrow().milliFen());
        assertEquals(FeeRate.parse("0.6%"), pay.fee().orElseThrow().rate().orElseThrow());
        BillEntry refund = r.entries().get(1);
        assertEquals(BillEntryKind.REFUND, refund.kind());
        assertEquals("T1", refund.outTradeNo());
        assertEquals(Optional.of("R1"), refund.refundRequestNo());
        assertEquals(Money.parse("100"), refund.amount());
        assertEquals(-60_000, refund.fee().orElseThrow().milliFen(), "a refund returns its fee");
        assertEquals(3, refund.line());
    }

    @Test
    void theWritersLayoutsAndAByteOrderMarkAllRead(@TempDir Path dir) {
        List<WeChatBillRow> rows = GeneratedBills.day(new Random(7), 40);
        for (Layout layout : Layout.values()) {
            assertEquals(new GeneratedBills.Read(expected(rows), Optional.empty()), read(dir, render(layout, rows)),
                    layout.name());
        }
        byte[] bom = new WeChatBillWriter(Layout.ALL, GeneratedBills.APPID, GeneratedBills.MCHID).withByteOrderMark()
                .render(rows);
        assertEquals(expected(rows), read(dir, bom).entries());
    }

    @Test
    void anEmptyDayHasHeaderAndSummaryOnly(@TempDir Path dir) {
        assertEquals(new GeneratedBills.Read(List.of(), Optional.empty()), read(dir, render(Layout.ALL, List.of())));
    }

    @Test
    void anUnknownStatusIsAnErrorAtItsCell(@TempDir Path dir) {
        MalformedBillException e = error(dir, SAMPLE.replace("`MICROPAY,`REFUND,", "`MICROPAY,`CLOSED,"));
        assertEquals(3, e.line());
        assertEquals(10, e.column());
        assertEquals("交易状态", e.columnName());
        MalformedBillException refund = error(dir, SAMPLE.replace("`ORIGINAL,`SUCCESS,", "`ORIGINAL,`DONE,"));
        assertEquals("退款状态", refund.columnName());
    }

    @Test
    void everyCellReadIsValidated(@TempDir Path dir) {
        assertEquals("订单金额", error(dir, SAMPLE.replace("`1299.02,`0.00,`\r\n", "`1299.2x,`0.00,`\r\n")).columnName());
        assertEquals("交易时间", error(dir, SAMPLE.replace("09:15:01", "9:15:01")).columnName());
        assertEquals("交易时间", error(dir, SAMPLE.replace("2026-12-02 09:15:01", "2026-12-03 09:15:01")).columnName(),
                "a row of another day");
        assertEquals("商户号", error(dir, SAMPLE.replace("`1900000109,`0,`,`420000202612020000000000000"
                + "1,`T1,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`SUCCESS", "`1900000999,`0,`,`42000020261202000000"
                + "00000001,`T1,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`SUCCESS")).columnName(), "another merchant");
        assertEquals("手续费", error(dir, SAMPLE.replace("`7.79000", "`7.790001")).columnName());
        assertEquals("手续费", error(dir, SAMPLE.replace("`7.79000", "`-7.79000")).columnName(), "a negative payment fee");
        MalformedBillException shifted = error(dir, SAMPLE.replace("`0.60%,`1299.02", "`0.60%,`备,注,`1299.02".replace(",注", ",`注")));
        assertEquals(2, shifted.line(), "a comma in a cell shifts the row");
        assertTrue(shifted.problem().contains("shifted"), shifted.problem());
        assertEquals("商户退款单号", error(dir, SAMPLE.replace("`R1,", "`,")).columnName());
        assertEquals("货币种类", error(dir, SAMPLE.replace("`OTHERS,`CNY,`1299", "`OTHERS,`USD,`1299")).columnName());
    }

    @Test
    void aFieldWithoutItsBacktickIsAnErrorAtItsColumn(@TempDir Path dir) {
        MalformedBillException e = error(dir, SAMPLE.replace(",`T1,`oUpF8", ",T1,`oUpF8"));
        assertEquals(2, e.line());
        assertEquals(7, e.column());
    }

    @Test
    void aHeaderWithoutAColumnTheParserNeedsNamesIt(@TempDir Path dir) {
        MalformedBillException e = error(dir, SAMPLE.replace("商户订单号", "订单编号"));
        assertEquals(1, e.line());
        assertEquals("商户订单号", e.columnName());
    }

    @Test
    void aSummaryThatDisagreesWithTheRowsNamesItsColumn(@TempDir Path dir) {
        MalformedBillException count = error(dir, SAMPLE.replace("`2,`1299.02", "`3,`1299.02"));
        assertEquals(5, count.line());
        assertEquals("总交易单数", count.columnName());
        assertEquals("退款总金额", error(dir, SAMPLE.replace("`1299.02,`100.00,`0.00,`7.19", "`1299.02,`10.00,`0.00,`7.19"))
                .columnName());
        assertEquals("手续费总金额", error(dir, SAMPLE.replace("`7.19000", "`7.19001")).columnName());
        assertTrue(error(dir, SAMPLE + "`3\r\n").problem().contains("after the summary"));
    }

    @Test
    void aBillWithoutItsSummaryIsTruncated(@TempDir Path dir) {
        String cut = SAMPLE.substring(0, SAMPLE.indexOf("总交易单数"));
        MalformedBillException e = error(dir, cut);
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("truncated"), e.problem());
    }

    @Test
    void aFailedRefundIsSkippedButCountedInTheSummary(@TempDir Path dir) {
        GeneratedBills.Read r = read(dir, SAMPLE.replace("`ORIGINAL,`SUCCESS,", "`ORIGINAL,`FAIL,")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), r.error());
        assertEquals(1, r.entries().size());
    }
}
