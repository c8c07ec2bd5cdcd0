package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.api.internal.util.AlipaySignature;
import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.alipay.NotificationAnswer.Reason;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.testkit.alipay.NotificationDelivery;
import dev.tenderkit.testkit.alipay.NotificationFault;
import dev.tenderkit.testkit.alipay.NotificationSchedule;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications end to end: the simulated Alipay posts them to a loopback receiver (a JDK
 * HttpServer in this test) whose endpoint is {@link AlipayNotificationHandler}; what the handler
 * answers is what the simulator sees.
 */
class AlipayNotificationFlowTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final String APP_ID = "2021000000000001";
    private static final String SELLER = "2088000000000777";
    private static final String CODE = "281234567890123456";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatedAlipay alipay;
    private AlipayGateway gateway;
    private HttpServer receiver;
    private volatile AlipayNotificationHandler handler;
    /** Our orders as the POS journaled them: out_trade_no → amount. */
    private final Map<String, Money> orders = new ConcurrentHashMap<>();
    private final List<NotificationAnswer> answers = new CopyOnWriteArrayList<>();
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/alipay/notify", ex -> {
            try (ex) {
                NotificationAnswer a = handler.handle(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answers.add(a);
                byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        receiver.start();
        alipay = SimulatedAlipay.builder(KEYS).appId(APP_ID).sellerId(SELLER)
                .notificationSchedule(NotificationSchedule.alipay().compressed(60_000)).start();
        AlipayCredentials credentials = credentials(APP_ID);
        handler = handler(credentials, SELLER);
        gateway = AlipayGateway.builder().credentials(credentials).gatewayUrl(alipay.gatewayUrl())
                .notifyUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/alipay/notify")
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(5)).build())
                .build();
    }

    @AfterEach
    void stop() {
        alipay.close();
        receiver.stop(0);
    }

    private static AlipayCredentials credentials(String appId) {
        return AlipayCredentials.builder().appId(appId).appPrivateKey(KEYS.appPrivateKeyPem())
                .alipayPublicKey(KEYS.alipayPublicKeyPem()).build();
    }

    private AlipayNotificationHandler handler(AlipayCredentials credentials, String sellerId) {
        return AlipayNotificationHandler.builder().credentials(credentials).sellerId(sellerId)
                .orders(no -> Optional.ofNullable(orders.get(no)))
                .listener(new AlipayNotificationListener() {
                    @Override
                    public void onPaid(AlipayNotification n) {
                        told.add("paid " + n.outTradeNo().orElseThrow());
                    }

                    @Override
                    public void onRefunded(AlipayNotification n) {
                        told.add("refunded " + n.outTradeNo().orElseThrow() + " " + n.get("refund_fee").orElseThrow());
                    }

                    @Override
                    public void onClosed(AlipayNotification n) {
                        told.add("closed " + n.outTradeNo().orElseThrow());
                    }
                })
                .build();
    }

    private PayResult pay(String outTradeNo, String amount) {
        orders.putIfAbsent(outTradeNo, Money.parse(amount));
        return gateway.pay(new PayRequest(new TradeRef(outTradeNo, "alipay-direct"), Money.parse(amount),
                PaymentCodeClassifier.standard().classify(CODE), "咖啡 coffee", PaymentMethods.ALIPAY, Optional.empty(),
                true));
    }

    private static Reason reason(NotificationAnswer a) {
        return assertInstanceOf(NotificationAnswer.Rejected.class, a).reason();
    }

    @Test
    void aPaidTradeIsAcceptedOnceAndTheListenerToldOnce() throws Exception {
        assertInstanceOf(PayResult.Paid.class, pay("F1", "88.00"));
        List<NotificationDelivery> d = alipay.awaitNotifications(1, WAIT);
        assertTrue(d.get(0).acknowledged(), d.get(0).answer());
        NotificationAnswer.Accepted a = assertInstanceOf(NotificationAnswer.Accepted.class, answers.get(0));
        assertEquals(Money.parse("88.00"), a.amount());
        assertEquals(Optional.of(d.get(0).notifyId()), a.notification().notifyId());
        assertEquals(List.of("paid F1"), told);
        // the official SDK agrees that the simulator signed this notification the way Alipay does
        assertTrue(AlipaySignature.rsaCheckV1(new HashMap<>(d.get(0).params()), KEYS.alipayPublicKeyBase64(), "utf-8",
                "RSA2"));
        Thread.sleep(100);
        assertEquals(1, alipay.notifications().size());
    }

    @Test
    void aDuplicateIsRecognisedAnsweredSuccessAndNotPassedOnAgain() throws Exception {
        alipay.failNextNotification(NotificationFault.DUPLICATE);
        pay("F2", "10.00");
        List<NotificationDelivery> d = alipay.awaitNotifications(2, WAIT);
        assertTrue(d.get(0).acknowledged() && d.get(1).acknowledged(), "a duplicate still stops Alipay resending");
        assertInstanceOf(NotificationAnswer.Accepted.class, answers.get(0));
        NotificationAnswer.Duplicate dup = assertInstanceOf(NotificationAnswer.Duplicate.class, answers.get(1));
        assertEquals(d.get(0).notifyId(), dup.notifyId());
        assertEquals(List.of("paid F2"), told);
    }

    @Test
    void aBadSignatureIsAnsweredFailAndTheCorrectlySignedResendAccepted() throws Exception {
        alipay.failNextNotification(NotificationFault.BAD_SIGNATURE);
        pay("F3", "10.00");
        List<NotificationDelivery> d = alipay.awaitNotifications(2, WAIT);
        assertEquals("fail", d.get(0).answer());
        assertFalse(d.get(0).acknowledged());
        assertEquals(Reason.BAD_SIGNATURE, reason(answers.get(0)));
        assertTrue(d.get(1).acknowledged());
        assertInstanceOf(NotificationAnswer.Accepted.class, answers.get(1));
        assertEquals(List.of("paid F3"), told);
    }

    @Test
    void anAmountOtherThanTheOrdersIsFailedWithTheReasonOnEveryResend() throws Exception {
        orders.put("F4", Money.parse("80.00")); // the POS journaled 80.00; the wallet says 88.00
        pay("F4", "88.00");
        List<NotificationDelivery> d = alipay.awaitNotifications(3, WAIT);
        assertTrue(d.stream().noneMatch(NotificationDelivery::acknowledged));
        NotificationAnswer.Rejected r = assertInstanceOf(NotificationAnswer.Rejected.class, answers.get(0));
        assertEquals(Reason.TOTAL_AMOUNT, r.reason());
        assertTrue(r.detail().contains("88.00") && r.detail().contains("80.00"), r.detail());
        assertTrue(told.isEmpty());
    }

    @Test
    void anotherAppsNotificationIsFailed() throws Exception {
        handler = handler(credentials("2021000000000999"), SELLER);
        pay("F5", "1.00");
        alipay.awaitNotifications(2, WAIT);
        assertEquals(Reason.APP_ID, reason(answers.get(0)));
        assertEquals(Reason.APP_ID, reason(answers.get(1)), "and again on the resend");
        assertTrue(told.isEmpty());
    }

    @Test
    void anotherSellersNotificationIsFailed() throws Exception {
        handler = handler(credentials(APP_ID), "2088999999999999");
        pay("F6", "1.00");
        alipay.awaitNotifications(1, WAIT);
        NotificationAnswer.Rejected r = assertInstanceOf(NotificationAnswer.Rejected.class, answers.get(0));
        assertEquals(Reason.SELLER_ID, r.reason());
        assertEquals(Optional.of("F6"), r.notification().flatMap(AlipayNotification::outTradeNo));
        assertTrue(told.isEmpty());
    }

    @Test
    void aNotificationForAnOrderThatIsNotOursIsFailed() throws Exception {
        gateway.pay(new PayRequest(new TradeRef("F7", "alipay-direct"), Money.parse("1.00"),
                PaymentCodeClassifier.standard().classify(CODE), "x", PaymentMethods.ALIPAY, Optional.empty(), true));
        alipay.awaitNotifications(1, WAIT);
        assertEquals(Reason.OUT_TRADE_NO, reason(answers.get(0)));
        assertTrue(told.isEmpty());
    }

    @Test
    void refundsAreAcceptedAsRefundsWithTheirOwnNotifyIds() throws Exception {
        pay("F8", "50.00");
        gateway.refund(new RefundRequest(new TradeRef("F8", "alipay-direct"), "R1", Money.parse("20.00"),
                Money.parse("50.00"), "退货"));
        gateway.refund(new RefundRequest(new TradeRef("F8", "alipay-direct"), "R2", Money.parse("30.00"),
                Money.parse("50.00"), "退货"));
        // Waits for the three acknowledgements, not for three attempts: on a loaded machine a first
        // attempt may time out and be retried. The simulator delivers on two threads, as Alipay's
        // notifications may arrive in any order, so the order of what the listener was told is free.
        List<NotificationDelivery> d = alipay.awaitAcknowledged(3, WAIT);
        assertEquals(3, d.stream().filter(NotificationDelivery::acknowledged).map(NotificationDelivery::notifyId)
                .distinct().count());
        assertEquals(Set.of("paid F8", "refunded F8 20.00", "refunded F8 50.00"), Set.copyOf(told));
        assertEquals(3, told.size(), "each notification told once: " + told);
    }

    @Test
    void racingDeliveriesOfOneNotificationAreAcceptedExactlyOnce() throws Exception {
        pay("F9", "9.00");
        Map<String, String> params = alipay.awaitNotifications(1, WAIT).get(0).params();
        AlipayNotificationHandler fresh = handler(credentials(APP_ID), SELLER);
        told.clear();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<NotificationAnswer>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return fresh.handle(params);
                }));
            }
            go.countDown();
            List<NotificationAnswer> all = new ArrayList<>();
            for (Future<NotificationAnswer> f : results) {
                all.add(f.get());
            }
            assertEquals(1, all.stream().filter(a -> a instanceof NotificationAnswer.Accepted).count());
            assertTrue(all.stream().allMatch(a -> a instanceof NotificationAnswer.Accepted
                    || a instanceof NotificationAnswer.Duplicate
                    || ((NotificationAnswer.Rejected) a).reason() == Reason.IN_PROGRESS));
            assertEquals(List.of("paid F9"), told);
            orders.remove("F9");
            assertInstanceOf(NotificationAnswer.Duplicate.class, fresh.handle(params),
                    "a resend of an accepted notification is answered success even once the order is gone");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aListenerThatFailsMakesAlipayResend() throws Exception {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        handler = AlipayNotificationHandler.builder().credentials(credentials(APP_ID)).sellerId(SELLER)
                .orders(no -> Optional.ofNullable(orders.get(no)))
                .listener(new AlipayNotificationListener() {
                    @Override
                    public void onPaid(AlipayNotification n) {
                        calls.add(n.notifyId().orElseThrow());
                        if (calls.size() == 1) {
                            throw new IllegalStateException("database down");
                        }
                    }
                }).build();
        pay("F10", "3.00");
        List<NotificationDelivery> d = alipay.awaitNotifications(2, WAIT);
        assertEquals(Reason.LISTENER_FAILED, reason(answers.get(0)));
        assertTrue(d.get(1).acknowledged());
        assertEquals(2, calls.size());
    }

    @Test
    void aMalformedBodyOrARepeatedParameterIsFailedBeforeAnyKeyIsUsed() {
        assertEquals(Reason.MALFORMED, reason(handler.handle("a=%zz")));
        assertEquals(Reason.MALFORMED, reason(handler.handle("sign=x&sign=y")));
        assertEquals(Reason.SIGN_MISSING, reason(handler.handle("out_trade_no=F1&total_amount=1.00")));
        assertEquals("fail", handler.handle("").body());
    }
}
