package dev.tenderkit.testkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.alipay.TestAlipayClient.Reply;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's asynchronous notifications, received by a loopback HTTP server in this test and
 * verified with this test's own code (sorted parameters without sign and sign_type).
 */
class SimulatedAlipayNotificationTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final String CODE = "286543210987654321";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatedAlipay alipay;
    private TestAlipayClient client;
    private HttpServer receiver;
    private final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
    private final List<Map<String, String>> posted = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger contentTypeWrong = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/notify", ex -> {
            try (ex) {
                if (!ex.getRequestHeaders().getFirst("Content-Type").startsWith("application/x-www-form-urlencoded")) {
                    contentTypeWrong.incrementAndGet();
                }
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
                Map<String, String> params = new LinkedHashMap<>();
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                posted.add(params);
                String answer = answers.isEmpty() ? "success" : answers.poll();
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        receiver.start();
        alipay = SimulatedAlipay.builder(KEYS).sellerId("2088000000000777")
                .notificationSchedule(NotificationSchedule.alipay().compressed(60_000)).start();
        client = new TestAlipayClient(alipay.gatewayUrl(), alipay.appId(), KEYS.appPrivateKeyPem(), KEYS.alipayPublicKeyPem());
        client.extra.put("notify_url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify");
    }

    @AfterEach
    void stop() {
        alipay.close();
        receiver.stop(0);
    }

    private Reply pay(String outTradeNo) throws Exception {
        return client.call("alipay.trade.pay", "{\"out_trade_no\":\"" + outTradeNo + "\",\"scene\":\"bar_code\",\"auth_code\":\""
                + CODE + "\",\"total_amount\":\"88.00\",\"subject\":\"咖啡 & cake\"}");
    }

    /** Alipay's notification check, written here: sorted, without sign and sign_type, empty values out. */
    private boolean verifies(Map<String, String> params) throws Exception {
        StringBuilder content = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("sign") && !k.equals("sign_type") && !v.isEmpty()) {
                content.append(content.length() == 0 ? "" : "&").append(k).append('=').append(v);
            }
        });
        java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
        s.initVerify(KEYS.alipayKeyPair().getPublic());
        s.update(content.toString().getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(params.get("sign")));
    }

    @Test
    void aPaidTradeIsNotifiedOnceSignedWithAlipaysFields() throws Exception {
        assertEquals("10000", pay("N1").code());
        List<NotificationDelivery> d = alipay.awaitNotifications(1, WAIT);
        assertEquals(1, d.size());
        NotificationDelivery n = d.get(0);
        assertTrue(n.acknowledged());
        assertEquals(1, n.attempt());
        assertEquals("TRADE_SUCCESS", n.tradeStatus());
        Map<String, String> p = posted.get(0);
        assertEquals(n.params(), p);
        assertTrue(verifies(p));
        assertEquals("trade_status_sync", p.get("notify_type"));
        assertEquals(alipay.appId(), p.get("app_id"));
        assertEquals("2088000000000777", p.get("seller_id"));
        assertEquals("N1", p.get("out_trade_no"));
        assertEquals(alipay.ledger().trade("N1").orElseThrow().tradeNo(), p.get("trade_no"));
        assertEquals("88.00", p.get("total_amount"));
        assertEquals("88.00", p.get("receipt_amount"));
        assertEquals("88.00", p.get("buyer_pay_amount"));
        assertEquals("咖啡 & cake", p.get("subject"));
        assertEquals("RSA2", p.get("sign_type"));
        assertEquals("[{\"amount\":\"88.00\",\"fundChannel\":\"ALIPAYACCOUNT\"}]", p.get("fund_bill_list"));
        assertTrue(p.get("gmt_payment").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        assertTrue(p.get("notify_id").matches("\\d{34}"), p.get("notify_id"));
        assertEquals(0, contentTypeWrong.get());
        Thread.sleep(100);
        assertEquals(1, alipay.notifications().size(), "acknowledged: not sent again");
    }

    @Test
    void anythingButSuccessIsResentOnTheScheduleWithTheSameNotifyId() throws Exception {
        answers.add("fail");
        answers.add("SUCCESS");
        answers.add("success ");
        pay("N2");
        List<NotificationDelivery> d = alipay.awaitNotifications(4, WAIT);
        assertEquals(List.of(1, 2, 3, 4), d.stream().map(NotificationDelivery::attempt).toList());
        assertEquals(List.of(false, false, false, true), d.stream().map(NotificationDelivery::acknowledged).toList());
        assertEquals(1, d.stream().map(NotificationDelivery::notifyId).distinct().count());
    }

    @Test
    void anUnansweredNotificationIsSentEightTimesThenDropped() throws Exception {
        for (int i = 0; i < 20; i++) {
            answers.add("fail");
        }
        pay("N3");
        List<NotificationDelivery> d = alipay.awaitNotifications(8, WAIT);
        assertEquals(8, d.size());
        Thread.sleep(300); // the last wait is 15 h / 60,000 = 0.9 s: nothing more comes after the eighth
        assertEquals(8, alipay.awaitNotifications(9, Duration.ofSeconds(2)).size());
    }

    @Test
    void alipaysOwnScheduleOnVirtualTimeEightDeliveriesWithin25Hours() throws Exception {
        ManualTaskScheduler time = new ManualTaskScheduler(Instant.parse("2026-11-25T02:00:00Z"));
        try (SimulatedAlipay real = SimulatedAlipay.builder(KEYS).clock(time.clock()).notificationScheduler(time).start()) {
            TestAlipayClient c = new TestAlipayClient(real.gatewayUrl(), real.appId(), KEYS.appPrivateKeyPem(),
                    KEYS.alipayPublicKeyPem());
            c.extra.putAll(client.extra);
            for (int i = 0; i < 20; i++) {
                answers.add("fail");
            }
            c.call("alipay.trade.pay", "{\"out_trade_no\":\"V1\",\"scene\":\"bar_code\",\"auth_code\":\"" + CODE
                    + "\",\"total_amount\":\"1.00\",\"subject\":\"x\"}");
            assertTrue(real.notifications().isEmpty(), "nothing is sent until the scheduler runs");
            time.runDueTasks();
            assertEquals(1, real.notifications().size());
            assertEquals("2026-11-25 10:00:00", real.notifications().get(0).params().get("notify_time"));
            List<Duration> waits = List.of(Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ofMinutes(10),
                    Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15));
            for (Duration wait : waits) {
                int before = real.notifications().size();
                time.advance(wait.minusSeconds(1));
                assertEquals(before, real.notifications().size(), "not before " + wait);
                time.advance(Duration.ofSeconds(1));
                assertEquals(before + 1, real.notifications().size(), "after " + wait);
            }
            time.advance(Duration.ofDays(7));
            assertEquals(8, real.notifications().size(), "then Alipay gives up");
            assertEquals(Duration.ofHours(24).plusMinutes(24), Duration.between(Instant.parse("2026-11-25T02:00:00Z"),
                    time.now().minus(Duration.ofDays(7))));
            assertEquals(0, time.pendingTasks());
        }
    }

    @Test
    void aScriptedDuplicateComesAgainWithTheSameNotifyIdAndSignature() throws Exception {
        alipay.failNextNotification(NotificationFault.DUPLICATE);
        pay("N4");
        List<NotificationDelivery> d = alipay.awaitNotifications(2, WAIT);
        assertEquals(2, d.size());
        assertEquals(d.get(0).params(), d.get(1).params());
        assertTrue(d.get(0).acknowledged() && d.get(1).acknowledged());
    }

    @Test
    void aBadSignatureOnTheFirstDeliveryThenCorrectlySignedResends() throws Exception {
        alipay.failNextNotification(NotificationFault.BAD_SIGNATURE);
        answers.add("fail");
        pay("N5");
        List<NotificationDelivery> d = alipay.awaitNotifications(2, WAIT);
        assertFalse(verifies(d.get(0).params()));
        assertTrue(verifies(d.get(1).params()));
        assertEquals(d.get(0).notifyId(), d.get(1).notifyId());
    }

    @Test
    void refundsReversalsAndClosesAreNotifiedAndTradesWithoutNotifyUrlAreNot() throws Exception {
        pay("N6");
        client.call("alipay.trade.refund", "{\"out_trade_no\":\"N6\",\"refund_amount\":\"8.00\",\"out_request_no\":\"R1\"}");
        client.call("alipay.trade.refund", "{\"out_trade_no\":\"N6\",\"refund_amount\":\"80.00\",\"out_request_no\":\"R2\"}");
        // Deliveries run on the simulator's threads, so, as at Alipay, they may arrive in any order.
        List<NotificationDelivery> d = alipay.awaitNotifications(3, WAIT);
        assertEquals(List.of("TRADE_CLOSED", "TRADE_SUCCESS", "TRADE_SUCCESS"),
                d.stream().map(NotificationDelivery::tradeStatus).sorted().toList());
        NotificationDelivery partial = only(d, n -> "R1".equals(n.params().get("out_biz_no")));
        assertEquals("TRADE_SUCCESS", partial.tradeStatus());
        assertEquals("8.00", partial.params().get("refund_fee"));
        NotificationDelivery full = only(d, n -> n.tradeStatus().equals("TRADE_CLOSED"));
        assertEquals("R2", full.params().get("out_biz_no"));
        assertEquals("88.00", full.params().get("refund_fee"), "refund_fee: the total refunded");
        assertTrue(full.params().containsKey("gmt_close"));
        only(d, n -> n.tradeStatus().equals("TRADE_SUCCESS") && !n.params().containsKey("out_biz_no"));

        alipay.script("281111111111111111", BuyerScript.neverPays());
        client.call("alipay.trade.pay", "{\"out_trade_no\":\"N7\",\"scene\":\"bar_code\",\"auth_code\":\"281111111111111111\","
                + "\"total_amount\":\"5.00\",\"subject\":\"x\"}");
        client.call("alipay.trade.cancel", "{\"out_trade_no\":\"N7\"}");
        NotificationDelivery cancelled = only(alipay.awaitNotifications(4, WAIT), n -> n.outTradeNo().equals("N7"));
        assertEquals("TRADE_CLOSED", cancelled.tradeStatus());
        assertFalse(cancelled.params().containsKey("gmt_payment"), "never paid");
        assertFalse(cancelled.params().containsKey("refund_fee"));

        client.extra.remove("notify_url");
        pay("N8");
        assertEquals(4, alipay.awaitNotifications(5, Duration.ofMillis(500)).size());
    }

    private static NotificationDelivery only(List<NotificationDelivery> all, java.util.function.Predicate<NotificationDelivery> which) {
        List<NotificationDelivery> found = all.stream().filter(which).toList();
        assertEquals(1, found.size(), "exactly one such delivery in " + all);
        return found.get(0);
    }
}
