package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BillUnavailableException;
import dev.tenderkit.core.reconcile.MalformedBillException;
import dev.tenderkit.testkit.alipay.AlipayBillWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trade bill's detail file as bills.md §1 describes it, read by the adapter: what is taken, what is refused. */
class AlipayBillReaderTest {
    private static final String HEAD = "#支付宝业务明细查询\n#账号：[20880000000000020156]\n"
            + "#起始日期：[2026年12月02日 00:00:00]   终止日期：[2026年12月03日 00:00:00]\n"
            + "#-----------------------------------------业务明细列表----------------------------------------\n";
    private static final String END = "#-----------------------------------------业务明细列表结束------------------------------------\n";
    private static final String PAY = "2026120222001400000000000001\t,ORD_7\t,交易\t,热拿铁,2026-12-02 08:15:02,"
            + "2026-12-02 08:15:09,S01\t,一号店\t,op1\t,\t,*明(138****0000)\t,23.50,23.50,0.00,0.00,0.00,0.00,0.00,,0.00\t,"
            + "0.00,\t,0.14,0.00,热拿铁\n";
    private static final String REFUND = "2026120222001400000000000001\t,ORD_7\t,退款\t,热拿铁,2026-12-02 08:15:02,"
            + "2026-12-02 19:40:00,S01\t,一号店\t,op1\t,\t,*明(138****0000)\t,-3.50,-3.50,0.00,0.00,0.00,0.00,0.00,,0.00\t,"
            + "0.00,ORD_7_R1\t,-0.02,0.00,热拿铁\n";
    private static final String TOTALS = "#交易合计：1笔，商家实收共23.50元，商家优惠共0.00元\n"
            + "#退款合计：1笔，商家实收退款共-3.50元，商家优惠退款共0.00元\n#导出时间：[2026年12月03日 06:01:12]\n";

    @TempDir
    Path dir;

    private List<BillEntry> read(String detail) {
        return BillFiles.readText(dir, detail);
    }

    private MalformedBillException refused(String detail) {
        return assertThrows(MalformedBillException.class, () -> read(detail));
    }

    @Test
    void aPaymentAndItsRefundAreReadByHeaderNameWithTabsTrimmedAndTheRefundAsAMagnitude() {
        List<BillEntry> entries = read(HEAD + AlipayBillWriter.HEADER + "\n" + PAY + REFUND + END + TOTALS);
        assertEquals(2, entries.size());
        BillEntry pay = entries.get(0);
        assertEquals("ORD_7", pay.outTradeNo());
        assertEquals("2026120222001400000000000001", pay.walletTradeNo());
        assertEquals(BillEntryKind.PAYMENT, pay.kind());
        assertEquals(Money.parse("23.50"), pay.amount());
        assertEquals(Instant.parse("2026-12-02T00:15:09Z"), pay.time(), "完成时间 in UTC+8");
        assertEquals(14_000, pay.fee().orElseThrow().milliFen());
        assertEquals(Optional.empty(), pay.refundRequestNo());
        assertEquals(6, pay.line());
        BillEntry refund = entries.get(1);
        assertEquals(BillEntryKind.REFUND, refund.kind());
        assertEquals(Money.parse("3.50"), refund.amount());
        assertEquals(Optional.of("ORD_7_R1"), refund.refundRequestNo());
        assertEquals(-2_000, refund.fee().orElseThrow().milliFen(), "the fee returned");
        assertEquals("退款", refund.walletStatus());
    }

    @Test
    void aBankAcquirersLayoutWithHalfWidthBracketsAndARateIsReadAsWell() {
        String header = "商户订单号,支付宝交易号,业务类型,完成时间,订单金额(元),商家实收(元),手续费(元),费率,实收净额(元),交易方式";
        String row = "ORD_9\t,2026120222001400000000000009\t,交易\t,2026-12-02 12:00:00,100.00,100.00,0.38,0.38%,99.62,条码\n";
        List<BillEntry> entries = read(HEAD + header + "\n" + row + END
                + "#交易合计：1笔，商家实收共100.00元，商家优惠共0.00元\n#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元\n"
                + "#导出时间：[2026年12月03日 06:01:12]\n");
        assertEquals(38_000, entries.get(0).fee().orElseThrow().milliFen());
        assertEquals(Optional.of(FeeRate.parse("0.38%")), entries.get(0).fee().orElseThrow().rate());
    }

    @Test
    void aTopUpIsSkippedButAnUnknownBusinessTypeIsAnErrorNamingItsColumn() {
        String topUp = PAY.replace("\t,交易\t,", "\t,充值\t,");
        assertEquals(List.of(), read(HEAD + AlipayBillWriter.HEADER + "\n" + topUp + END
                + TOTALS.replace("1笔，商家实收共23.50", "0笔，商家实收共0.00").replace("1笔，商家实收退款共-3.50", "0笔，商家实收退款共0.00")));
        MalformedBillException e = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY.replace("\t,交易\t,", "\t,转账\t,")
                + END + TOTALS);
        assertEquals(6, e.line());
        assertEquals(3, e.column());
        assertEquals("业务类型", e.columnName());
    }

    @Test
    void totalsThatDisagreeWithTheRowsAreAnErrorAtTheTotalsLine() {
        MalformedBillException e = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY + END + TOTALS);
        assertEquals(9, e.line(), e.getMessage());
        assertTrue(e.problem().contains("退款 rows"), e.getMessage());
        MalformedBillException sum = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY + REFUND + END
                + TOTALS.replace("23.50元", "23.51元"));
        assertEquals(9, sum.line());
    }

    @Test
    void aFileCutBeforeItsEndMarkerOrItsTotalsIsTruncatedNotAShorterDay() {
        MalformedBillException noEnd = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY);
        assertEquals(7, noEnd.line());
        assertTrue(noEnd.problem().contains("truncated"), noEnd.getMessage());
        MalformedBillException noTotals = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY + REFUND + END);
        assertTrue(noTotals.problem().contains("#交易合计"), noTotals.getMessage());
        MalformedBillException noExport = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY + REFUND + END
                + TOTALS.substring(0, TOTALS.indexOf("#导出")));
        assertTrue(noExport.problem().contains("#导出时间"), noExport.getMessage());
    }

    @Test
    void theBillOfAnotherDayOrAccountIsRefused() {
        MalformedBillException day = refused(HEAD.replace("02日 00", "01日 00").replace("03日 00", "02日 00")
                + AlipayBillWriter.HEADER + "\n" + PAY + REFUND + END + TOTALS);
        assertEquals(3, day.line());
        MalformedBillException account = refused(HEAD.replace("20880000000000020156", "20889999999999990156")
                + AlipayBillWriter.HEADER + "\n" + PAY + REFUND + END + TOTALS);
        assertEquals(2, account.line());
        MalformedBillException late = refused(HEAD + AlipayBillWriter.HEADER + "\n"
                + PAY.replace("2026-12-02 08:15:09", "2026-12-03 00:00:00") + REFUND + END + TOTALS);
        assertEquals("完成时间", late.columnName());
    }

    @Test
    void badCellsNameTheirLineAndColumn() {
        MalformedBillException amount = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY.replace(",23.50,23.50,", ",23.5x,23.50,")
                + REFUND + END + TOTALS);
        assertEquals(6, amount.line());
        assertEquals(12, amount.column());
        assertEquals("订单金额（元）", amount.columnName());
        MalformedBillException positiveRefund = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY
                + REFUND.replace(",-3.50,-3.50,", ",3.50,-3.50,") + END + TOTALS);
        assertEquals(7, positiveRefund.line());
        MalformedBillException time = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY.replace("08:15:09", "8:15:09")
                + REFUND + END + TOTALS);
        assertEquals("完成时间", time.columnName());
        MalformedBillException width = refused(HEAD + AlipayBillWriter.HEADER + "\n" + PAY.replace("热拿铁,", "热,拿铁,")
                + REFUND + END + TOTALS);
        assertEquals(6, width.line());
        MalformedBillException missing = refused(HEAD + AlipayBillWriter.HEADER.replace("商户订单号", "订单号") + "\n" + PAY
                + REFUND + END + TOTALS);
        assertEquals(5, missing.line());
        assertEquals("商户订单号", missing.columnName());
    }

    @Test
    void aUtf8FileIsNotTakenForGbk() {
        String text = HEAD + AlipayBillWriter.HEADER + "\n" + PAY + REFUND + END + TOTALS;
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        MalformedBillException e = assertThrows(MalformedBillException.class, () -> BillFiles.read(
                BillFiles.file(dir, BillFiles.zip(BillFiles.writer(), utf8, List.of())), BillFiles.DAY));
        assertTrue(e.line() >= 1, e.getMessage());
    }

    @Test
    void theDetailEntryIsChosenByNameNotByPositionAndADownloadThatIsNoZipIsAnExpiredLink() {
        AlipayBillWriter w = BillFiles.writer();
        String text = HEAD + AlipayBillWriter.HEADER + "\n" + PAY + REFUND + END + TOTALS;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(w.detailEntryName(), text.getBytes(AlipayBillWriter.GBK));
        entries.put(w.summaryEntryName(), "#支付宝业务汇总查询\n".getBytes(AlipayBillWriter.GBK));
        assertEquals(2, BillFiles.read(BillFiles.file(dir, AlipayBillWriter.zipEntries(entries)), BillFiles.DAY).size(),
                "the summary last: a last-entry reader would have taken it");
        Map<String, byte[]> none = new LinkedHashMap<>();
        none.put(w.summaryEntryName(), "x".getBytes(AlipayBillWriter.GBK));
        MalformedBillException e = assertThrows(MalformedBillException.class, () -> BillFiles.read(
                BillFiles.file(dir, AlipayBillWriter.zipEntries(none)), BillFiles.DAY));
        assertTrue(e.problem().contains("0 detail files"), e.getMessage());
        assertThrows(MalformedBillException.class, () -> BillFiles.read(BillFiles.file(dir,
                AlipayBillWriter.zipEntries(entries)), BillFiles.DAY.plusDays(1)), "the entry of another day");
        BillUnavailableException expired = assertThrows(BillUnavailableException.class, () -> BillFiles.read(
                BillFiles.file(dir, "<html>下载超时，请重新下载</html>".getBytes(AlipayBillWriter.GBK)), BillFiles.DAY));
        assertTrue(expired.getMessage().contains("下载超时"), expired.getMessage());
    }
}
