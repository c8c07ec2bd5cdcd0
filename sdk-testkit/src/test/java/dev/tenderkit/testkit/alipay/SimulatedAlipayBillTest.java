package dev.tenderkit.testkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.alipay.TestAlipayClient.Reply;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated Alipay's trade bill over real HTTP: the link query, the download, its expiry and format. */
class SimulatedAlipayBillTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final String BILL = "alipay.data.dataservice.bill.downloadurl.query";
    /** 2026-12-02 10:00 in Beijing. */
    private static final Instant START = Instant.parse("2026-12-02T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    private ManualTaskScheduler time;
    private SimulatedAlipay alipay;
    private TestAlipayClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        time = new ManualTaskScheduler(START);
        alipay = SimulatedAlipay.builder(KEYS).clock(time.clock()).sellerId("2088000000000002").start();
        client = new TestAlipayClient(alipay.gatewayUrl(), alipay.appId(), KEYS.appPrivateKeyPem(), KEYS.alipayPublicKeyPem());
    }

    @AfterEach
    void stop() {
        alipay.close();
    }

    private void pay(String no, String amount) throws Exception {
        Reply r = client.call("alipay.trade.pay", "{\"out_trade_no\":\"" + no + "\",\"scene\":\"bar_code\",\"auth_code\":"
                + "\"286543210987654321\",\"total_amount\":\"" + amount + "\",\"subject\":\"咖啡, 大杯\"}");
        assertEquals("10000", r.fields().get("code"), r.body());
    }

    private Reply askLink(String day) throws Exception {
        Reply r = client.call(BILL, "{\"bill_type\":\"trade\",\"bill_date\":\"" + day + "\"}");
        assertTrue(r.signatureValid(), r.body());
        return r;
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), AlipayBillWriter.GBK)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), AlipayBillWriter.GBK));
            }
        }
        return entries;
    }

    @Test
    void aDaysMovementsAreServedAsAGbkZipWhoseDetailFileSaysWhatTheLedgerDid() throws Exception {
        pay("T1", "88.00");
        time.advance(Duration.ofMinutes(1));
        pay("T2", "10.00");
        time.advance(Duration.ofMinutes(1));
        assertEquals("10000", client.call("alipay.trade.refund", "{\"out_trade_no\":\"T1\",\"refund_amount\":\"8.00\","
                + "\"out_request_no\":\"R1\"}").fields().get("code"));
        assertEquals("10000", client.call("alipay.trade.cancel", "{\"out_trade_no\":\"T2\"}").fields().get("code"));
        alipay.bills().serviceFeeRate("T1", FeeRate.parse("1%"));

        Reply early = askLink("2026-12-02");
        assertEquals("isv.invalid-arguments", early.fields().get("sub_code"), "the day has not ended");
        time.advance(Duration.ofHours(15));   // 01:02 on the 3rd in Beijing
        Reply r = askLink("2026-12-02");
        String url = (String) r.fields().get("bill_download_url");
        assertTrue(url.contains("/downloadBillFile.resource?bizType=trade&userId=20880000000000020156&fileType=csv.zip"
                + "&bizDates=20261202&"), url);

        HttpResponse<byte[]> file = get(url);
        assertEquals(200, file.statusCode());
        Map<String, String> entries = unzip(file.body());
        assertEquals(List.of("20880000000000020156_20261202_业务明细.csv", "20880000000000020156_20261202_业务明细(汇总).csv"),
                new ArrayList<>(entries.keySet()), "GBK names, the detail first and the summary last");
        assertEquals(0, file.body()[7] & 0x08, "no UTF-8 flag (bit 11 of the general purpose flags)");
        List<String> lines = List.of(entries.get("20880000000000020156_20261202_业务明细.csv").split("\r\n"));
        assertEquals("#账号：[20880000000000020156]", lines.get(1));
        assertEquals("#起始日期：[2026年12月02日 00:00:00]   终止日期：[2026年12月03日 00:00:00]", lines.get(2));
        assertEquals(AlipayBillWriter.HEADER, lines.get(4));
        String tradeNo1 = alipay.ledger().trade("T1").orElseThrow().tradeNo();
        String tradeNo2 = alipay.ledger().trade("T2").orElseThrow().tradeNo();
        assertEquals(tradeNo1 + "\t,T1\t,交易\t,咖啡， 大杯,2026-12-02 10:00:00,2026-12-02 10:00:00,alipay_store\t,收银台\t,"
                + "cashier\t,\t,tes***@example.com\t,88.00,88.00,0.00,0.00,0.00,0.00,0.00,,0.00\t,0.00,\t,0.88,0.00,咖啡， 大杯",
                lines.get(5), "1% of 88.00, and the subject's comma made full-width");
        assertTrue(lines.get(6).startsWith(tradeNo2 + "\t,T2\t,交易\t,"), lines.get(6));
        assertTrue(lines.get(6).contains(",10.00,10.00,") && lines.get(6).contains(",\t,0.06,"), "0.6% of 10.00");
        assertTrue(lines.get(7).startsWith(tradeNo1 + "\t,T1\t,退款\t,咖啡， 大杯,2026-12-02 10:00:00,2026-12-02 10:02:00,"),
                lines.get(7));
        assertTrue(lines.get(7).contains(",-8.00,-8.00,") && lines.get(7).contains(",R1\t,-0.08,"), lines.get(7));
        assertTrue(lines.get(8).contains(",T2\t,退款\t,") && lines.get(8).contains(",-10.00,-10.00,")
                && lines.get(8).contains(",\t,-0.06,"), "the reversal: a refund row without a request number");
        assertTrue(lines.get(9).contains("业务明细列表结束"));
        assertEquals("#交易合计：2笔，商家实收共98.00元，商家优惠共0.00元", lines.get(10));
        assertEquals("#退款合计：2笔，商家实收退款共-18.00元，商家优惠退款共0.00元", lines.get(11));
        assertEquals("#导出时间：[2026年12月03日 01:02:00]", lines.get(12));
        assertEquals(13, lines.size());
        assertTrue(entries.get("20880000000000020156_20261202_业务明细(汇总).csv").contains("\r\n合计,,2,2,80.00,80.00,"
                + "0.00,0.00,0.00,0.80,0.00,79.20\r\n"), "the summary file's totals: fees 0.88+0.06-0.08-0.06");
    }

    @Test
    void theLinkLivesThirtySecondsOnTheSimulatorsClockAndAnEmptyDayHasNoBill() throws Exception {
        pay("T1", "1.00");
        time.advance(Duration.ofDays(1));
        assertEquals("isp.bill_not_exist", askLink("2026-12-01").fields().get("sub_code"), "nothing moved that day");
        assertEquals("isv.invalid-arguments", askLink("2026-12-2").fields().get("sub_code"), "not yyyy-MM-dd");
        String url = (String) askLink("2026-12-02").fields().get("bill_download_url");
        time.advance(Duration.ofSeconds(30));
        assertEquals('P', get(url).body()[0], "still a zip at 30 s");
        time.advance(Duration.ofSeconds(1));
        HttpResponse<byte[]> expired = get(url);
        assertEquals(200, expired.statusCode());
        assertTrue(new String(expired.body(), AlipayBillWriter.GBK).contains("下载超时，请重新下载"));
        assertFalse(get(url.replaceAll("token=[0-9a-f]+", "token=0")).body()[0] == 'P', "an unknown token");
    }

    @Test
    void theScriptedDivergencesChangeTheBillAndNotTheLedger() {
        alipay.bills().chargeUnseen("GHOST1", Money.parse("5.00"));
        assertEquals(Money.parse("5.00"), alipay.ledger().trade("GHOST1").orElseThrow().charged());
        alipay.bills().serviceFeeRateForChannel("ALIPAYACCOUNT", FeeRate.parse("2%"));
        List<AlipayBillRow> rows = alipay.bills().rows(DAY);
        assertEquals(1, rows.size());
        assertEquals(Money.parse("0.10"), rows.get(0).serviceFee(), "2% per fund channel");
        alipay.bills().hideReversal("GHOST1").stateRefundAs("NONE", Money.parse("1.00"));
        assertEquals(rows, alipay.bills().rows(DAY), "nothing to hide or restate yet");
    }
}
