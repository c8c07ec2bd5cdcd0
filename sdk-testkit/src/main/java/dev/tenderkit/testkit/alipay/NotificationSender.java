package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.time.TaskScheduler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Alipay's asynchronous notifications (alipay.md §6): for each {@link TradeEvent} of a trade whose
 * creating request carried {@code notify_url}, a form-encoded POST of the {@code trade_status_sync}
 * fields, signed with the simulator's "Alipay" key over the sorted parameters without {@code sign}
 * and {@code sign_type}; resent on the {@link NotificationSchedule} until the receiver answers the
 * body {@code success}, with the same {@code notify_id} every time, on the injected
 * {@link TaskScheduler} (real time by default; virtual time in tests). Scripted
 * {@link NotificationFault}s apply to the next notifications. Thread-safe.
 */
final class NotificationSender {
    private static final DateTimeFormatter TIME = WalletState.TIME;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    static final String SELLER_EMAIL = "merchant@example.com";

    /** One notification on its way: what it posts, how often it has been posted. */
    private static final class Outgoing {
        final String notifyId;
        final String outTradeNo;
        final String tradeStatus;
        final String url;
        final Map<String, String> params;
        Map<String, String> nextParams;
        boolean duplicate;
        int attempts;
        int retriesUsed;

        Outgoing(String notifyId, String outTradeNo, String tradeStatus, String url, Map<String, String> params) {
            this.notifyId = notifyId;
            this.outTradeNo = outTradeNo;
            this.tradeStatus = tradeStatus;
            this.url = url;
            this.params = params;
            this.nextParams = params;
        }
    }

    private final String appId;
    private final String sellerId;
    private final PrivateKey alipayKey;
    private final NotificationSchedule schedule;
    private final TaskScheduler timer;
    private volatile boolean closed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Instant> paidAt = new ConcurrentHashMap<>();
    private final Deque<NotificationFault> faults = new ArrayDeque<>();
    private final List<NotificationDelivery> deliveries = new ArrayList<>();
    private long sequence;

    NotificationSender(String appId, String sellerId, PrivateKey alipayKey, NotificationSchedule schedule,
            TaskScheduler timer) {
        this.appId = appId;
        this.sellerId = sellerId;
        this.alipayKey = alipayKey;
        this.schedule = schedule;
        this.timer = timer;
    }

    synchronized void failNext(NotificationFault fault) {
        faults.add(fault);
    }

    /** Called under the wallet's lock when a trade changes; posts nothing itself (the timer does). */
    void onEvent(TradeEvent e) {
        if (e.kind() == TradeEvent.Kind.PAID) {
            paidAt.put(e.trade().outTradeNo(), e.at());
        }
        if (e.origin().notifyUrl().isEmpty()) {
            return;
        }
        Map<String, String> params = fields(e);
        String notifyId;
        NotificationFault fault;
        synchronized (this) {
            notifyId = DAY.format(e.at().atZone(WalletState.BEIJING)) + "01222" + String.format("%021d", ++sequence);
            fault = faults.poll();
        }
        params.put("notify_id", notifyId);
        params.put("sign", SimulatorSignatures.sign(signedContent(params), alipayKey));
        Outgoing o = new Outgoing(notifyId, e.trade().outTradeNo(), params.get("trade_status"),
                e.origin().notifyUrl().get(), Map.copyOf(params));
        if (fault == NotificationFault.DUPLICATE) {
            o.duplicate = true;
        } else if (fault == NotificationFault.BAD_SIGNATURE) {
            Map<String, String> forged = new LinkedHashMap<>(params);
            forged.put("sign", SimulatorSignatures.sign(signedContent(params) + "&forged=1", alipayKey));
            o.nextParams = forged;
        }
        after(Duration.ZERO, o);
    }

    /** Schedules a delivery; once the simulator is closed, nothing more is sent. */
    private void after(Duration wait, Outgoing o) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(() -> deliver(o), wait);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: notifications not yet delivered are dropped, as close() says
        }
    }

    /** Sends nothing more, whatever is still scheduled. */
    void close() {
        closed = true;
    }

    /** The content Alipay signs a notification over: without {@code sign} and {@code sign_type}. */
    static String signedContent(Map<String, String> params) {
        return SimulatorSignatures.sortedContent(params, Set.of("sign", "sign_type"));
    }

    private Map<String, String> fields(TradeEvent e) {
        AlipayTrade t = e.trade();
        String total = t.totalAmount().toPlainString();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("notify_time", time(e.at()));
        p.put("notify_type", "trade_status_sync");
        p.put("app_id", appId);
        p.put("auth_app_id", appId);
        p.put("charset", "utf-8");
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("trade_no", t.tradeNo());
        p.put("out_trade_no", t.outTradeNo());
        p.put("trade_status", t.status().name());
        p.put("seller_id", sellerId);
        p.put("seller_email", SELLER_EMAIL);
        p.put("total_amount", total);
        p.put("subject", e.origin().subject());
        p.put("gmt_create", time(e.origin().created()));
        if (t.everPaid()) {
            p.put("buyer_id", WalletState.BUYER_ID);
            p.put("buyer_logon_id", WalletState.BUYER_LOGON_ID);
            p.put("receipt_amount", total);
            p.put("invoice_amount", total);
            p.put("buyer_pay_amount", total);
            p.put("point_amount", "0.00");
            p.put("fund_bill_list", "[{\"amount\":\"" + total + "\",\"fundChannel\":\""
                    + t.fundChannel().orElse("ALIPAYACCOUNT") + "\"}]");
            p.put("gmt_payment", time(paidAt.getOrDefault(t.outTradeNo(), e.at())));
        }
        if (e.kind() == TradeEvent.Kind.REFUNDED) {
            p.put("out_biz_no", e.outBizNo().orElseThrow());
            p.put("refund_fee", t.refunded().toPlainString());
            p.put("gmt_refund", time(e.at()));
        } else if (e.kind() == TradeEvent.Kind.CLOSED && t.everPaid()) {
            // a paid trade cancelled: the whole amount went back
            p.put("refund_fee", total);
            p.put("gmt_refund", time(e.at()));
        }
        if (t.status() == AlipayTrade.Status.TRADE_CLOSED) {
            p.put("gmt_close", time(e.at()));
        }
        return p;
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(WalletState.BEIJING));
    }

    private void deliver(Outgoing o) {
        if (closed) {
            return;
        }
        Map<String, String> params = o.nextParams;
        o.nextParams = o.params;
        o.attempts++;
        Optional<Integer> status = Optional.empty();
        String answer;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(o.url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(params), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = Optional.of(r.statusCode());
            answer = r.body();
        } catch (IOException | IllegalArgumentException e) {
            answer = "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean acknowledged = "success".equals(answer);
        record(new NotificationDelivery(o.notifyId, o.outTradeNo, o.tradeStatus, o.attempts, o.url, params, status, answer,
                acknowledged));
        if (o.duplicate) {
            o.duplicate = false;
            after(Duration.ZERO, o);
        } else if (!acknowledged && o.retriesUsed < schedule.retries().size()) {
            after(schedule.retries().get(o.retriesUsed++), o);
        }
    }

    private void record(NotificationDelivery d) {
        synchronized (deliveries) {
            deliveries.add(d);
            deliveries.notifyAll();
        }
    }

    List<NotificationDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Waits until at least {@code count} deliveries were made or {@code timeout} passed. */
    List<NotificationDelivery> await(int count, Duration timeout) throws InterruptedException {
        return await(count, timeout, false);
    }

    /**
     * Waits until at least {@code count} deliveries were made ({@code acknowledgedOnly}: answered
     * "success") or {@code timeout} passed; returns every delivery made so far.
     */
    List<NotificationDelivery> await(int count, Duration timeout, boolean acknowledgedOnly) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (deliveries) {
            while ((acknowledgedOnly ? deliveries.stream().filter(NotificationDelivery::acknowledged).count()
                    : deliveries.size()) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(deliveries, left);
            }
            return List.copyOf(deliveries);
        }
    }
}
