package dev.tenderkit.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BillLinesTest {
    private static final Charset GBK = Charset.forName("GBK");

    private static List<String> lines(byte[] bytes, Charset cs) {
        BillLines reader = new BillLines(new ByteArrayInputStream(bytes), cs, "bill.csv", 100);
        List<String> out = new ArrayList<>();
        for (Optional<String> l = reader.next(); l.isPresent(); l = reader.next()) {
            out.add(l.get());
            assertEquals(out.size(), reader.lineNumber());
        }
        return out;
    }

    @Test
    void everyLineEndingIsALineAndTheLastNeedsNone() {
        assertEquals(List.of("a", "", "b", "c"), lines("a\r\n\nb\rc".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
        assertEquals(List.of("a"), lines("a\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertEquals(List.of(), lines(new byte[0], StandardCharsets.UTF_8));
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() {
        assertEquals(List.of("交易时间", "x"), lines("\uFEFF交易时间\nx".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
    }

    @Test
    void gbkTextReadsAcrossBufferBoundaries() {
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String row = "支付宝交易号" + i + ",商户订单号\t,业务明细";
            expected.add(row);
            sb.append(row).append("\r\n");
        }
        BillLines reader = new BillLines(new ByteArrayInputStream(sb.toString().getBytes(GBK)), GBK, "b", 1000);
        for (String row : expected) {
            assertEquals(Optional.of(row), reader.next());
        }
        assertEquals(Optional.empty(), reader.next());
    }

    @Test
    void utf8ReadAsGbkOrCutInsideACharacterIsAnErrorNamingTheLineAndColumn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("ok line\nabc".getBytes(GBK));
        out.write(new byte[] {(byte) 0x81});
        BillLines reader = new BillLines(new ByteArrayInputStream(out.toByteArray()), GBK, "bill.csv", 100);
        assertEquals(Optional.of("ok line"), reader.next());
        MalformedBillException e = assertThrows(MalformedBillException.class, reader::next);
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertTrue(e.getMessage().startsWith("bill.csv:2:4: "), e.getMessage());

        byte[] gbk = "第一行\n金额".getBytes(GBK);
        BillLines asUtf8 = new BillLines(new ByteArrayInputStream(gbk), StandardCharsets.UTF_8, "w.csv", 100);
        MalformedBillException e2 = assertThrows(MalformedBillException.class, asUtf8::next);
        assertEquals(1, e2.line());
        assertEquals(1, e2.column());
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() {
        byte[] bytes = ("short\n" + "x".repeat(101) + "\n").getBytes(StandardCharsets.UTF_8);
        BillLines reader = new BillLines(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, "b", 100);
        reader.next();
        MalformedBillException e = assertThrows(MalformedBillException.class, reader::next);
        assertEquals(2, e.line());
    }

    @Test
    void columnsAreFoundByNameAndRowsCheckedForWidth() {
        BillColumns columns = BillColumns.of("b", 5, BillColumns.split("交易时间,`x,商户订单号,", ',', '`'));
        assertEquals(List.of("交易时间", "x", "商户订单号"), columns.names());
        assertEquals(2, columns.require("商户订单号"));
        MalformedBillException missing = assertThrows(MalformedBillException.class, () -> columns.require("费率"));
        assertEquals("费率", missing.columnName());
        assertEquals(5, missing.line());
        columns.checkWidth(6, BillColumns.split("`a,`b,`c", ',', '`'));
        MalformedBillException narrow = assertThrows(MalformedBillException.class,
                () -> columns.checkWidth(7, BillColumns.split("`a,`b", ',', '`')));
        assertEquals(7, narrow.line());
        assertEquals(List.of("2088", "T1", ""), BillColumns.split(" 2088\t,T1\t\t,", ',', (char) 0));
        assertThrows(MalformedBillException.class, () -> BillColumns.of("b", 1, List.of("a", "a")));
    }

    @Test
    void feesReadExactlyToFiveDecimalsAndRefuseAnythingElse() {
        assertEquals(52_800, BilledFee.parseYuan("0.52800", Optional.empty()).milliFen());
        assertEquals(53_000, BilledFee.parseYuan("0.53", Optional.empty()).milliFen());
        assertEquals(-2_000, BilledFee.parseYuan("-0.02000", Optional.empty()).milliFen());
        assertEquals(1_200_000, BilledFee.parseYuan("12", Optional.empty()).milliFen());
        assertEquals("-0.02000", BilledFee.parseYuan("-0.02", Optional.empty()).toYuanString());
        assertEquals("12.00001", new BilledFee(1_200_001, Optional.empty()).toYuanString());
        for (String bad : List.of("", "-", ".5", "1.", "0.000001", "01.0", "1,0", "+1", "1e3", " 1", "--1")) {
            assertThrows(dev.tenderkit.core.InvalidInputException.class,
                    () -> BilledFee.parseYuan(bad, Optional.empty()), bad);
        }
    }
}
