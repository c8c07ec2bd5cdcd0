package dev.tenderkit.testkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.testkit.alipay.Fault.When;
import dev.tenderkit.testkit.alipay.TestAlipayClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated Alipay over real HTTP on loopback, driven by an independently written client. */
class SimulatedAlipayTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final String CODE = "286543210987654321";

    @TempDir
    Path dir;
    private SimulatedAlipay alipay;
    private TestAlipayClient client;

    @BeforeEach
    void start() throws Exception {
        alipay = SimulatedAlipay.builder(KEYS)
                .clock(Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC))
                .ledgerFile(dir.resolve("ledger.json"))
                .start();
        client = new TestAlipayClient(alipay.gatewayUrl(), alipay.appId(), KEYS.appPrivateKeyPem(), KEYS.alipayPublicKeyPem());
    }

    @AfterEach
    void stop() {
        alipay.close();
    }

    private Reply pay(String outTradeNo, String code, String amount) throws Exception {
        return client.call("alipay.trade.pay", "{\"out_trade_no\":\"" + outTradeNo + "\",\"scene\":\"bar_code\",\"auth_code\":\""
                + code + "\",\"total_amount\":\"" + amount + "\",\"subject\":\"咖啡 x1\"}");
    }

    private Reply payInstallments(String outTradeNo, String code, String amount, int periods) throws Exception {
        return client.call("alipay.trade.pay", "{\"out_trade_no\":\"" + outTradeNo + "\",\"scene\":\"bar_code\",\"auth_code\":\""
                + code + "\",\"total_amount\":\"" + amount + "\",\"subject\":\"电视\",\"extend_params\":{\"hb_fq_num\":\""
                + periods + "\",\"hb_fq_seller_percent\":\"100\"}}");
    }

    private Reply call(String method, String outTradeNo) throws Exception {
        return client.call(method, "{\"out_trade_no\":\"" + outTradeNo + "\"}");
    }

    private Reply refund(String outTradeNo, String amount, String requestNo) throws Exception {
        return client.call("alipay.trade.refund", "{\"out_trade_no\":\"" + outTradeNo + "\",\"refund_amount\":\"" + amount
                + "\",\"out_request_no\":\"" + requestNo + "\"}");
    }

    private AlipayTrade trade(String outTradeNo) {
        return alipay.ledger().trade(outTradeNo).orElseThrow();
    }

    @Test
    void payAtOnceIsSignedOverTheRawResponseAndRecorded() throws Exception {
        Reply r = pay("T1", CODE, "88.00");
        assertEquals(200, r.status());
        assertTrue(r.signatureValid(), r.body());
        assertEquals("alipay_trade_pay_response", r.node());
        assertEquals("10000", r.code());
        assertEquals("88.00", r.field("total_amount"));
        assertTrue(r.rawContent().contains("\"fund_channel\":\"ALIPAYACCOUNT\""));
        assertTrue(r.body().startsWith("{\"alipay_trade_pay_response\":" + r.rawContent() + ",\"sign\":\""));
        AlipayTrade t = trade("T1");
        assertEquals(AlipayTrade.Status.TRADE_SUCCESS, t.status());
        assertEquals(Money.parse("88.00"), t.charged());
        assertFalse(t.huabei());
        // one changed byte of the signed text fails verification
        String sign = r.body().substring(r.body().lastIndexOf("\"sign\":\"") + 8, r.body().length() - 2);
        assertFalse(client.verify(r.rawContent().replace("88.00", "88.01"), sign));
        assertTrue(alipay.received().get(0).signatureValid());
    }

    @Test
    void userPayingForTwoQueriesThenPaidFromHuabeiInInstallments() throws Exception {
        alipay.script(CODE, BuyerScript.userPayingFor(2).fromHuabei());
        Reply r = payInstallments("T2", CODE, "600.00", 6);
        assertEquals("10003", r.code());
        assertTrue(r.signatureValid());
        assertEquals("WAIT_BUYER_PAY", call("alipay.trade.query", "T2").field("trade_status"));
        assertEquals("WAIT_BUYER_PAY", call("alipay.trade.query", "T2").field("trade_status"));
        Reply paid = call("alipay.trade.query", "T2");
        assertTrue(paid.signatureValid());
        assertEquals("TRADE_SUCCESS", paid.field("trade_status"));
        assertTrue(paid.rawContent().contains("\"fund_channel\":\"PCREDIT\""), paid.rawContent());
        assertTrue(paid.rawContent().contains("\"user_install_num\":\"6\""), paid.rawContent());
        assertTrue(trade("T2").huabei());
        assertEquals(6, trade("T2").installments());
    }

    @Test
    void huabeiWithoutInstallmentsAndNeverPayingBuyers() throws Exception {
        alipay.script(CODE, BuyerScript.paysAtOnce().fromHuabei());
        assertTrue(pay("T3", CODE, "12.00").rawContent().contains("PCREDIT"));
        assertFalse(pay("T3", CODE, "12.00").rawContent().contains("hb_fq_pay_info"));
        alipay.script("287777777777777777", BuyerScript.neverPays());
        assertEquals("10003", pay("T4", "287777777777777777", "1.00").code());
        for (int i = 0; i < 5; i++) {
            assertEquals("WAIT_BUYER_PAY", call("alipay.trade.query", "T4").field("trade_status"));
        }
    }

    @Test
    void merchantNotSignedForHuabeiIsForbiddenInstallmentsOnly() throws Exception {
        alipay.huabeiSigned(false);
        Reply r = payInstallments("T5", CODE, "300.00", 3);
        assertEquals("40004", r.code());
        assertEquals("ACQ.ACCESS_FORBIDDEN", r.subCode());
        assertTrue(r.signatureValid());
        assertTrue(alipay.ledger().trade("T5").isEmpty());
        assertEquals("10000", pay("T6", CODE, "300.00").code());
        assertEquals("ACQ.INVALID_PARAMETER", payInstallments("T7", CODE, "300.00", 4).subCode());
    }

    @Test
    void refusalsForIndustryBalanceAndCodes() throws Exception {
        alipay.restrictedIndustry(true);
        assertEquals("ACQ.RESTRICTED_MERCHANT_INDUSTRY", pay("T8", CODE, "5.00").subCode());
        alipay.restrictedIndustry(false);
        alipay.script("251111111111111111", BuyerScript.insufficientBalance());
        Reply poor = pay("T9", "251111111111111111", "5.00");
        assertEquals("ACQ.BUYER_BALANCE_NOT_ENOUGH", poor.subCode());
        assertTrue(poor.signatureValid());
        alipay.script("252222222222222222", BuyerScript.invalidCode());
        assertEquals("ACQ.PAYMENT_AUTH_CODE_INVALID", pay("T10", "252222222222222222", "5.00").subCode());
        assertEquals("ACQ.PAYMENT_AUTH_CODE_INVALID", pay("T11", "134567890123456789", "5.00").subCode(), "a WeChat code");
        assertEquals("ACQ.TOTAL_FEE_EXCEED", pay("T12", CODE, "0.00").subCode());
        assertEquals("isv.invalid-parameter", pay("T13", CODE, "1.234").subCode());
        assertEquals("ACQ.TRADE_NOT_EXIST", call("alipay.trade.query", "T9").subCode());
        assertTrue(alipay.ledger().trades().isEmpty());
    }

    @Test
    void badRequestSignatureWrongAppIdAndMisplacedCharset() throws Exception {
        Map<String, String> q = client.common("alipay.trade.query");
        String biz = "{\"out_trade_no\":\"T1\"}";
        Map<String, String> all = new java.util.LinkedHashMap<>(q);
        all.put("biz_content", biz);
        q.put("sign", TestAlipayClient.sign(TestAlipayClient.content(all), KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()));
        Reply r = client.send(q, Map.of("biz_content", biz), "alipay.trade.query");
        assertEquals("40002", r.code());
        assertEquals("isv.invalid-signature", r.subCode());
        assertTrue(r.signatureValid(), "error answers are signed too");
        assertFalse(alipay.received().get(0).signatureValid());

        // a parameter changed after signing
        q.put("sign", TestAlipayClient.sign(TestAlipayClient.content(all), client.appKey()));
        assertEquals("ACQ.TRADE_NOT_EXIST", client.send(q, Map.of("biz_content", biz), "alipay.trade.query").subCode(),
                "signed with the right key, the request verifies");
        Reply tampered = client.send(q, Map.of("biz_content", "{\"out_trade_no\":\"T2\"}"), "alipay.trade.query");
        assertEquals("isv.invalid-signature", tampered.subCode());

        TestAlipayClient stranger = new TestAlipayClient(alipay.gatewayUrl(), "2021999999999999", KEYS.appPrivateKeyPem(), KEYS.alipayPublicKeyPem());
        assertEquals("isv.invalid-app-id", stranger.call("alipay.trade.query", biz).subCode());

        Map<String, String> noCharset = client.common("alipay.trade.query");
        noCharset.remove("charset");
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("biz_content", biz);
        body.put("charset", "utf-8");
        Map<String, String> signed = new java.util.LinkedHashMap<>(noCharset);
        signed.putAll(body);
        noCharset.put("sign", TestAlipayClient.sign(TestAlipayClient.content(signed), client.appKey()));
        assertEquals("isv.missing-charset", client.send(noCharset, body, "alipay.trade.query").subCode());

        Reply unknown = client.call("alipay.trade.wap.pay", biz);
        assertEquals("error_response", unknown.node());
        assertEquals("isv.invalid-method", unknown.subCode());
        assertTrue(unknown.signatureValid());
    }

    @Test
    void awkwardValuesAreSignedRawAndEmptyValuesDropped() throws Exception {
        String subject = "花呗 分期 & a=b / c+d 😀 \\\"q\\\"";
        Map<String, String> q = client.common("alipay.trade.pay");
        q.put("notify_url", "");
        q.put("app_auth_token", "   ");
        String biz = "{\"out_trade_no\":\"T20\",\"scene\":\"bar_code\",\"auth_code\":\"" + CODE
                + "\",\"total_amount\":\"1.00\",\"subject\":\"" + subject + "\"}";
        Map<String, String> all = new java.util.LinkedHashMap<>(q);
        all.put("biz_content", biz);
        String content = TestAlipayClient.content(all);
        assertFalse(content.contains("notify_url"));
        assertTrue(content.contains("sign_type=RSA2"));
        q.put("sign", TestAlipayClient.sign(content, client.appKey()));
        Reply r = client.send(q, Map.of("biz_content", biz), "alipay.trade.pay");
        assertEquals("10000", r.code(), r.body());
        assertEquals(content, RequestCheck.signingString(alipay.received().get(0).params()));
    }

    @Test
    void cancelClosesOrRefundsAndAnUnknownNumberStaysClosed() throws Exception {
        Reply early = call("alipay.trade.cancel", "T30");
        assertEquals("10000", early.code());
        assertEquals("close", early.field("action"));
        assertEquals("N", early.field("retry_flag"));
        assertEquals("ACQ.TRADE_HAS_CLOSE", pay("T30", CODE, "9.00").subCode(), "a late pay is refused");
        assertEquals(Money.ZERO, alipay.ledger().totalCharged());

        pay("T31", CODE, "9.00");
        Reply reversal = call("alipay.trade.cancel", "T31");
        assertEquals("refund", reversal.field("action"));
        assertEquals(AlipayTrade.Status.TRADE_CLOSED, trade("T31").status());
        assertEquals(Money.ZERO, trade("T31").charged());
        assertTrue(trade("T31").everPaid());
        assertEquals("refund", call("alipay.trade.cancel", "T31").field("action"), "repeatable");

        alipay.script("281234567890123456", BuyerScript.neverPays());
        pay("T32", "281234567890123456", "9.00");
        alipay.refuseCancels(1);
        Reply busy = call("alipay.trade.cancel", "T32");
        assertEquals("ACQ.SYSTEM_ERROR", busy.subCode());
        assertEquals("Y", busy.field("retry_flag"));
        assertEquals(AlipayTrade.Status.WAIT_BUYER_PAY, trade("T32").status());
        assertEquals("close", call("alipay.trade.cancel", "T32").field("action"));
        assertEquals("TRADE_CLOSED", call("alipay.trade.query", "T32").field("trade_status"));
    }

    @Test
    void closeOnlyClosesUnpaidTrades() throws Exception {
        assertEquals("ACQ.TRADE_NOT_EXIST", call("alipay.trade.close", "T40").subCode());
        alipay.script("281234567890123456", BuyerScript.userPayingFor(3));
        pay("T41", "281234567890123456", "2.00");
        assertEquals("10000", call("alipay.trade.close", "T41").code());
        assertEquals("TRADE_CLOSED", call("alipay.trade.query", "T41").field("trade_status"), "the buyer can no longer pay");
        pay("T42", CODE, "2.00");
        assertEquals("ACQ.TRADE_STATUS_ERROR", call("alipay.trade.close", "T42").subCode());
    }

    @Test
    void refundsAreIdempotentAndNeverExceedThePaidAmount() throws Exception {
        pay("T50", CODE, "100.00");
        Reply first = refund("T50", "30.00", "R1");
        assertEquals("Y", first.field("fund_change"));
        assertEquals("30.00", first.field("refund_fee"));
        Reply again = refund("T50", "30.00", "R1");
        assertEquals("N", again.field("fund_change"));
        assertEquals(Money.parse("70.00"), trade("T50").charged());
        assertEquals("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", refund("T50", "70.01", "R2").subCode());
        assertEquals("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", refund("T50", "31.00", "R1").subCode());
        assertEquals("100.00", refund("T50", "70.00", "R2").field("refund_fee"));
        assertEquals(AlipayTrade.Status.TRADE_CLOSED, trade("T50").status());
        assertEquals("refund", trade("T50").closedBy().orElseThrow());
        assertEquals("ACQ.TRADE_HAS_CLOSE", refund("T50", "0.01", "R3").subCode());
        assertEquals("N", refund("T50", "70.00", "R2").field("fund_change"));

        Reply rq = client.call("alipay.trade.fastpay.refund.query", "{\"out_trade_no\":\"T50\",\"out_request_no\":\"R1\"}");
        assertEquals("30.00", rq.field("refund_amount"));
        assertEquals("REFUND_SUCCESS", rq.field("refund_status"));
        assertTrue(rq.signatureValid());
        Reply none = client.call("alipay.trade.fastpay.refund.query", "{\"out_trade_no\":\"T50\",\"out_request_no\":\"R9\"}");
        assertEquals("10000", none.code());
        assertFalse(none.fields().containsKey("refund_amount"));
        assertEquals("ACQ.TRADE_NOT_EXIST", refund("T51", "1.00", "R1").subCode());
        alipay.script("281234567890123456", BuyerScript.neverPays());
        pay("T52", "281234567890123456", "2.00");
        assertEquals("ACQ.TRADE_STATUS_ERROR", refund("T52", "1.00", "R1").subCode());
    }

    @Test
    void precreateShowsAQrCodeTheBuyerPays() throws Exception {
        String biz = "{\"out_trade_no\":\"T60\",\"total_amount\":\"45.60\",\"subject\":\"面包\",\"extend_params\":{\"hb_fq_num\":\"12\"}}";
        Reply r = client.call("alipay.trade.precreate", biz);
        assertEquals("10000", r.code());
        assertTrue(r.signatureValid());
        assertTrue(r.field("qr_code").startsWith("https://qr.alipay.com/"), r.field("qr_code"));
        assertEquals(r.field("qr_code"), client.call("alipay.trade.precreate", biz).field("qr_code"));
        assertEquals("WAIT_BUYER_PAY", call("alipay.trade.query", "T60").field("trade_status"));
        assertTrue(alipay.buyerScansQr("T60", false));
        Reply q = call("alipay.trade.query", "T60");
        assertEquals("TRADE_SUCCESS", q.field("trade_status"));
        assertTrue(q.rawContent().contains("\"user_install_num\":\"12\""));
        assertEquals("ACQ.TRADE_HAS_SUCCESS", client.call("alipay.trade.precreate", biz).subCode());
        assertFalse(alipay.buyerScansQr("T60", false));
    }

    @Test
    void aWaitingBarcodeBuyerConfirmsInHerOwnTimeFromHuabei() throws Exception {
        alipay.script("281234567890123456", BuyerScript.userPayingFor(1000).fromHuabei());
        assertEquals("10003", pay("T61", "281234567890123456", "9.90").code());
        assertFalse(alipay.buyerConfirms("NO_SUCH_TRADE"));
        assertTrue(alipay.buyerConfirms("T61"));
        Reply q = call("alipay.trade.query", "T61");
        assertEquals("TRADE_SUCCESS", q.field("trade_status"));
        assertTrue(q.rawContent().contains("PCREDIT"), q.rawContent());
        assertFalse(alipay.buyerConfirms("T61"), "already paid");
        client.call("alipay.trade.precreate", "{\"out_trade_no\":\"T62\",\"total_amount\":\"1.00\",\"subject\":\"x\"}");
        assertFalse(alipay.buyerConfirms("T62"), "a QR trade is paid by scanning, not confirmed");
    }

    @Test
    void escapedSlashesAreSentWhileTheSignatureCoversTheUnescapedText() throws Exception {
        alipay.escapeSlashes(true);
        Reply r = client.call("alipay.trade.precreate", "{\"out_trade_no\":\"T61\",\"total_amount\":\"5.00\",\"subject\":\"x\"}");
        assertTrue(r.rawContent().contains("\"qr_code\":\"https:\\/\\/qr.alipay.com\\/bax0"), r.rawContent());
        assertFalse(r.signatureValid(), "the raw text is not what was signed");
        String sign = r.body().substring(r.body().lastIndexOf("\"sign\":\"") + 8, r.body().length() - 2);
        assertTrue(client.verify(r.rawContent().replace("\\/", "/"), sign));
        assertTrue(r.field("qr_code").startsWith("https://qr.alipay.com/"), "JSON readers unescape \\/");
        alipay.escapeSlashes(false);
        assertTrue(client.call("alipay.trade.precreate", "{\"out_trade_no\":\"T61\",\"total_amount\":\"5.00\",\"subject\":\"x\"}")
                .signatureValid());
    }

    @Test
    void slowAnswerAfterTheChargeTimesOutTheClientButTheBuyerIsCharged() throws Exception {
        alipay.failNext("alipay.trade.pay", Fault.slow(Duration.ofMillis(1500), When.AFTER_LEDGER));
        client.timeout = Duration.ofMillis(300);
        assertThrows(HttpTimeoutException.class, () -> pay("T70", CODE, "10.00"));
        // the client may give up before a busy machine has even applied the pay: wait for the ledger
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (alipay.ledger().trade("T70").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(AlipayTrade.Status.TRADE_SUCCESS, trade("T70").status());
        client.timeout = Duration.ofSeconds(10);
        assertEquals("TRADE_SUCCESS", call("alipay.trade.query", "T70").field("trade_status"));
    }

    @Test
    void slowAnswerBeforeTheLedgerStillAnswersCorrectly() throws Exception {
        alipay.failNext(Fault.slow(Duration.ofMillis(200), When.BEFORE_LEDGER));
        long t0 = System.nanoTime();
        assertEquals("10000", pay("T71", CODE, "10.00").code());
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void connectionResetBeforeTheLedgerLeavesNoTrade() throws Exception {
        alipay.failNext(Fault.reset(When.BEFORE_LEDGER));
        assertThrows(IOException.class, () -> pay("T72", CODE, "10.00"));
        assertEquals(1, alipay.resets());
        assertTrue(alipay.ledger().trade("T72").isEmpty());
        assertEquals("ACQ.TRADE_NOT_EXIST", call("alipay.trade.query", "T72").subCode());
    }

    @Test
    void connectionResetAfterTheChargeIsARealTcpReset() throws Exception {
        alipay.failPaymentCode(CODE, Fault.reset(When.AFTER_LEDGER));
        String biz = "{\"out_trade_no\":\"T73\",\"scene\":\"bar_code\",\"auth_code\":\"" + CODE
                + "\",\"total_amount\":\"10.00\",\"subject\":\"x\"}";
        Map<String, String> q = client.common("alipay.trade.pay");
        Map<String, String> all = new java.util.LinkedHashMap<>(q);
        all.put("biz_content", biz);
        q.put("sign", TestAlipayClient.sign(TestAlipayClient.content(all), client.appKey()));
        String form = TestAlipayClient.form(Map.of("biz_content", biz));
        try (Socket s = new Socket("127.0.0.1", alipay.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /gateway.do?" + TestAlipayClient.form(q) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded;charset=utf-8\r\nContent-Length: "
                    + form.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + form).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            SocketException e = assertThrows(SocketException.class, () -> {
                while (in.read() >= 0) {
                    // nothing should arrive
                }
            });
            assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
        }
        assertEquals(AlipayTrade.Status.TRADE_SUCCESS, trade("T73").status());
    }

    @Test
    void httpErrorGarbageAndSystemError() throws Exception {
        alipay.failNext(Fault.httpError(502, When.AFTER_LEDGER));
        Reply r = pay("T74", CODE, "3.00");
        assertEquals(502, r.status());
        assertFalse(r.signatureValid());
        assertEquals(AlipayTrade.Status.TRADE_SUCCESS, trade("T74").status());

        alipay.failNext(Fault.httpError(503, When.BEFORE_LEDGER));
        assertEquals(503, pay("T75", CODE, "3.00").status());
        assertTrue(alipay.ledger().trade("T75").isEmpty());

        alipay.failNext(Fault.garbage(When.AFTER_LEDGER));
        Reply junk = pay("T76", CODE, "3.00");
        assertEquals(200, junk.status());
        assertEquals("", junk.node());
        assertFalse(junk.signatureValid());
        assertEquals(AlipayTrade.Status.TRADE_SUCCESS, trade("T76").status());

        alipay.failNext(Fault.systemError(When.BEFORE_LEDGER));
        Reply busy = pay("T77", CODE, "3.00");
        assertEquals("20000", busy.code());
        assertTrue(busy.signatureValid());
        assertTrue(alipay.ledger().trade("T77").isEmpty());
        alipay.failNext(Fault.systemError(When.AFTER_LEDGER));
        assertEquals("20000", pay("T78", CODE, "3.00").code());
        assertEquals(AlipayTrade.Status.TRADE_SUCCESS, trade("T78").status());
    }

    @Test
    void wronglySignedAnswerOfAnAppliedCharge() throws Exception {
        alipay.failNext("alipay.trade.pay", Fault.badSignature());
        Reply r = pay("T79", CODE, "3.00");
        assertEquals("10000", r.code());
        assertFalse(r.signatureValid());
        assertEquals(AlipayTrade.Status.TRADE_SUCCESS, trade("T79").status());
        assertTrue(pay("T80", CODE, "3.00").signatureValid(), "a rule is used once");
    }

    @Test
    void faultRulesMatchTheirMethodAndPaymentCode() throws Exception {
        alipay.failNext("alipay.trade.query", Fault.httpError(500, When.BEFORE_LEDGER));
        alipay.failPaymentCode("289999999999999999", Fault.httpError(500, When.BEFORE_LEDGER));
        assertEquals(200, pay("T81", CODE, "1.00").status());
        assertEquals(500, call("alipay.trade.query", "T81").status());
        assertEquals(200, call("alipay.trade.query", "T81").status());
        assertEquals(500, pay("T82", "289999999999999999", "1.00").status());
        assertThrows(IllegalArgumentException.class, () -> new Fault(Fault.Kind.BAD_SIGNATURE, When.BEFORE_LEDGER, Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class, () -> Fault.httpError(404, When.BEFORE_LEDGER));
    }

    @Test
    void theLedgerFileRoundTripsAndIsReadableFromAnotherProcess() throws Exception {
        alipay.script(CODE, BuyerScript.paysAtOnce().fromHuabei());
        payInstallments("T90", CODE, "600.00", 3);
        refund("T90", "100.00", "R1");
        pay("T91", "281111111111111111", "1.50");
        call("alipay.trade.cancel", "T91");
        call("alipay.trade.cancel", "T92");
        Path file = dir.resolve("ledger.json");
        AlipayLedger loaded = AlipayLedger.load(file);
        assertEquals(alipay.ledger().trades(), loaded.trades());
        assertEquals(alipay.ledger().trades(), AlipayLedger.fromJson(alipay.ledger().toJson()).trades());
        assertEquals(List.of("T90", "T91", "T92"), List.copyOf(loaded.trades().keySet()));
        assertEquals(Money.parse("500.00"), loaded.totalCharged());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary files left behind");
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerDump.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out);
        assertEquals(List.of("T90 TRADE_SUCCESS 500.00 PCREDIT 3 1", "T91 TRADE_CLOSED 0.00 ALIPAYACCOUNT 0 0",
                "T92 TRADE_CLOSED 0.00 - 0 0"), out.lines().toList());
        assertThrows(IllegalArgumentException.class, () -> AlipayLedger.fromJson("{\"version\":2}"));
    }

    @Test
    void keysArePemAndTheServerOnlyServesPostGatewayDo() throws Exception {
        assertTrue(KEYS.appPrivateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(KEYS.alipayPublicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertFalse(KEYS.toString().contains(KEYS.appPrivateKeyBase64().substring(0, 20)));
        var http = java.net.http.HttpClient.newHttpClient();
        var get = http.send(java.net.http.HttpRequest.newBuilder(alipay.gatewayUrl()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        var other = http.send(java.net.http.HttpRequest.newBuilder(alipay.gatewayUrl().resolve("/other")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
    }
}
