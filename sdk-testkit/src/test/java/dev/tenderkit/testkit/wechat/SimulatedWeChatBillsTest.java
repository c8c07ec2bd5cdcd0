package dev.tenderkit.testkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ManualTaskScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The writer's file format, and the simulator's tradebill apply and download as WeChat Pay serves them. */
class SimulatedWeChatBillsTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayTest.KEYS;
    private static final Instant NINE = OffsetDateTime.parse("2026-12-02T09:15:01+08:00").toInstant();

    @Test
    void theWriterWritesWeChatsLayoutWithBackticksFiveDecimalFeesAndTheSummary() {
        List<WeChatBillRow> rows = List.of(
                WeChatBillRow.payment(NINE, "4200002026120200000000000001", "T1", Money.parse("1299.02"), 779_000, 6000)
                        .with("咖啡", "OTHERS", "MICROPAY"),
                WeChatBillRow.refund(NINE.plus(Duration.ofSeconds(34_198)), "4200002026120200000000000001", "T1",
                        "50300002026120200000000001", "R1", Money.parse("100"), "SUCCESS", -60_000, 6000)
                        .with("咖啡", "OTHERS", "MICROPAY"));
        String text = new String(new WeChatBillWriter(WeChatBillWriter.Layout.ALL, "wxd678efh567hg6787", "1900000109")
                .render(rows), StandardCharsets.UTF_8);
        assertEquals("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
                + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,"
                + "退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
                + "`2026-12-02 09:15:01,`wxd678efh567hg6787,`1900000109,`0,`,`4200002026120200000000000001,`T1,"
                + "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`SUCCESS,`OTHERS,`CNY,`1299.02,`0.00,`0,`0,`0.00,`0.00,`,`,"
                + "`咖啡,`,`7.79000,`0.60%,`1299.02,`0.00,`\r\n"
                + "`2026-12-02 18:44:59,`wxd678efh567hg6787,`1900000109,`0,`,`4200002026120200000000000001,`T1,"
                + "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300002026120200000000001,"
                + "`R1,`100.00,`0.00,`ORIGINAL,`SUCCESS,`咖啡,`,`-0.60000,`0.60%,`0.00,`100.00,`\r\n"
                + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
                + "`2,`1299.02,`100.00,`0.00,`7.19000,`1299.02,`100.00\r\n", text);
        String legacy = new String(new WeChatBillWriter(WeChatBillWriter.Layout.LEGACY, "wx1", "1900000109")
                .render(rows.subList(0, 1)), StandardCharsets.UTF_8);
        assertTrue(legacy.contains(",货币种类,总金额,代金券或立减优惠金额,"), legacy);
        assertTrue(legacy.endsWith("总交易单数,总交易额,总退款金额,总代金券或立减优惠退款金额,手续费总金额\r\n"
                + "`1,`1299.02,`0.00,`0.00,`7.79000\r\n"), legacy);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    @Test
    void theApplyIsSignedTheFileIsNotAndItsHashIsTheFilesOwn() throws Exception {
        ManualTaskScheduler time = new ManualTaskScheduler(NINE);
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).scheduler(time).start()) {
            TestWeChatClient client = new TestWeChatClient(wechat.baseUrl(), wechat.mchid(),
                    KEYS.merchantCertificateSerial(), KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(),
                    time.clock());
            wechat.bills().chargeTheTillNeverSaw("G1", Money.ofFen(1000)).outTradeNo();
            wechat.bills().feeRate(FeeRate.parse("1%"));
            String apply = "/v3/bill/tradebill?bill_date=2026-12-02&bill_type=ALL";
            TestWeChatClient.Reply early = client.get(apply);
            assertEquals(400, early.status());
            assertTrue(early.verified() && early.body().contains("STATEMENT_CREATING"), early.body());
            time.advance(Duration.ofHours(15));
            assertTrue(client.get("/v3/bill/tradebill?bill_date=2026-12-01").body().contains("NO_STATEMENT_EXIST"));
            assertTrue(client.get("/v3/bill/tradebill?bill_date=2026-12-2").body().contains("PARAM_ERROR"));
            TestWeChatClient.Reply ok = client.get(apply);
            assertEquals(200, ok.status());
            assertTrue(ok.verified(), "the apply's answer is signed like every API answer");
            assertEquals("SHA1", field(ok.body(), "hash_type"));
            String path = field(ok.body(), "download_url").substring(wechat.baseUrl().toString().length());
            assertTrue(path.startsWith("/v3/billdownload/file?token="), path);
            TestWeChatClient.Reply file = client.get(path);
            assertEquals(200, file.status());
            assertTrue(file.signature().isEmpty() && file.timestamp().isEmpty(), "WeChat Pay signs no file");
            assertEquals(field(ok.body(), "hash_value"),
                    WeChatBillWriter.sha1Hex(file.body().getBytes(StandardCharsets.UTF_8)));
            assertTrue(file.body().contains(",`G1,") && file.body().contains(",`0.10000,`1.00%,"), file.body());
            assertEquals(401, client.send("GET", path, "", Duration.ofSeconds(10),
                    "WECHATPAY2-SHA256-RSA2048 mchid=\"" + wechat.mchid() + "\"").status(), "the download is signed");
            time.advance(Duration.ofSeconds(30));
            TestWeChatClient.Reply expired = client.get(path);
            assertEquals(400, expired.status());
            assertTrue(expired.body().contains("INVALID_REQUEST"), expired.body());
        }
    }

    @Test
    void aRefundBillHasTheRefundLayoutAndOnlyRefunds() throws Exception {
        ManualTaskScheduler time = new ManualTaskScheduler(NINE);
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).scheduler(time).start()) {
            TestWeChatClient client = new TestWeChatClient(wechat.baseUrl(), wechat.mchid(),
                    KEYS.merchantCertificateSerial(), KEYS.merchantPrivateKeyPem(), KEYS.wechatPublicKeyPem(),
                    time.clock());
            wechat.bills().chargeTheTillNeverSaw("G1", Money.ofFen(1000));
            assertEquals(200, client.post("/v3/refund/domestic/refunds", "{\"out_trade_no\":\"G1\",\"out_refund_no\":"
                    + "\"RF1\",\"amount\":{\"refund\":400,\"total\":1000,\"currency\":\"CNY\"}}").status());
            time.advance(Duration.ofHours(15));
            TestWeChatClient.Reply ok = client.get("/v3/bill/tradebill?bill_date=2026-12-02&bill_type=REFUND");
            String bill = client.get(field(ok.body(), "download_url").substring(wechat.baseUrl().toString().length()))
                    .body();
            String[] lines = bill.split("\r\n");
            assertEquals(String.join(",", WeChatBillWriter.Layout.REFUND.columns()), lines[0]);
            assertEquals(4, lines.length, bill);
            assertTrue(lines[1].contains(",`REFUND,") && lines[1].contains(",`RF1,`4.00,"), lines[1]);
            assertTrue(lines[1].contains(",`-0.02000,`0.60%,"), "4.00 × 0.60% = 0.024 → 0.02 returned: " + lines[1]);
            assertFalse(bill.contains(",`SUCCESS,`OTHERS"), "no payment rows in a refund bill");
        }
    }
}
