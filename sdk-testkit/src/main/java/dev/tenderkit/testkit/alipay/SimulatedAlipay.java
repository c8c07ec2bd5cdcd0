package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.time.ExecutorTaskScheduler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A simulated Alipay OpenAPI gateway: a real HTTP server on loopback serving {@code POST
 * /gateway.do} the way Alipay does, with a trade ledger, scripted buyers and merchants, and fault
 * injection, for tests and examples that must run offline.
 *
 * <p>Requests carry the common parameters in the query string and {@code biz_content} in an
 * {@code application/x-www-form-urlencoded} UTF-8 body. The simulator verifies the request
 * signature with the app's public key (RSA2: SHA256withRSA over the parameters sorted by key,
 * empty values dropped, {@code sign} excluded and {@code sign_type} included, joined raw as
 * {@code k=v&...}) and answers {@code {"<method>_response":{...},"sign":"..."}}, signed with its own
 * "Alipay" private key over exactly the characters of the {@code *_response} value it sends. This
 * signing code is written independently of the sdk-alipay adapter's, so a bug in one does not hide
 * in the other.
 *
 * <p>Methods: {@code alipay.trade.pay}, {@code .precreate}, {@code .query}, {@code .cancel},
 * {@code .close}, {@code .refund} and {@code .fastpay.refund.query}, each in its own class of this
 * package, and the trade bill ({@code alipay.data.dataservice.bill.downloadurl.query}, the download of the
 * link it gives, {@link #bills()}). See the module README for the rules each follows and where they differ from Alipay's.
 *
 * <p>Start one per test and close it after ({@link AutoCloseable}); everything is thread-safe.
 * <pre>{@code
 * SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
 * try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).start()) {
 *     alipay.script("28763443825664394", BuyerScript.userPayingFor(2).fromHuabei());
 *     alipay.failNext("alipay.trade.query", Fault.reset(Fault.When.BEFORE_LEDGER));
 *     // point the adapter at alipay.gatewayUrl(), app id alipay.appId(),
 *     // app private key keys.appPrivateKeyPem(), Alipay public key keys.alipayPublicKeyPem()
 * }
 * }</pre>
 */
public final class SimulatedAlipay implements AutoCloseable {

    /** The methods the simulator implements. */
    public static final List<String> METHODS = List.of("alipay.trade.pay", "alipay.trade.precreate",
            "alipay.trade.query", "alipay.trade.cancel", "alipay.trade.close", "alipay.trade.refund",
            "alipay.trade.fastpay.refund.query", "alipay.data.dataservice.bill.downloadurl.query");

    /**
     * One request as the simulator received it.
     *
     * @param method the {@code method} parameter (empty if absent)
     * @param params every parameter, query string and body, decoded, {@code sign} included
     * @param signatureValid whether the request passed the gateway's checks, its signature included
     */
    public record Received(String method, Map<String, String> params, boolean signatureValid) {
        /** Copies. */
        public Received {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    private final SimulatedAlipayKeys keys;
    private final String appId;
    private final String sellerId;
    private final Optional<SimulatedAlipayCertificates> certificates;
    private final WalletState state;
    private final FaultRules faults = new FaultRules();
    private final ResponseRenderer renderer;
    private final ScheduledExecutorService notifyThreads;
    private final NotificationSender notifications;
    private final GatewayServer server;

    SimulatedAlipay(SimulatedAlipayBuilder b) throws IOException {
        this.keys = b.keys;
        this.appId = b.appId;
        this.sellerId = b.sellerId;
        this.notifyThreads = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "simulated-alipay-notify");
            t.setDaemon(true);
            return t;
        });
        this.notifications = new NotificationSender(appId, sellerId, keys.alipayPrivateKey(), b.notificationSchedule,
                b.notificationScheduler != null ? b.notificationScheduler : ExecutorTaskScheduler.on(notifyThreads));
        this.state = new WalletState(b.clock, Optional.ofNullable(b.ledgerFile), notifications::onEvent);
        state.bills.serviceFeeRate(b.serviceFeeRate);
        this.certificates = Optional.ofNullable(b.certificates);
        this.renderer = new ResponseRenderer(keys.alipayPrivateKey(), certificates.map(SimulatedAlipayCertificates::alipayCertSn));
        try {
            this.server = new GatewayServer(state, new RequestCheck(appId, keys.appPublicKey(), certificates), renderer,
                    faults, sellerId);
        } catch (IOException e) {
            notifyThreads.shutdownNow();
            throw e;
        }
    }

    /**
     * @param keys the app's public key (to verify requests) and the simulator's "Alipay" private key
     *     (to sign answers)
     * @return a builder
     */
    public static SimulatedAlipayBuilder builder(SimulatedAlipayKeys keys) {
        return new SimulatedAlipayBuilder(keys);
    }

    /** @return the gateway URL to configure the adapter with, e.g. {@code http://127.0.0.1:41234/gateway.do} */
    public URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/gateway.do");
    }

    /** @return the port the simulator listens on (loopback) */
    public int port() {
        return server.port();
    }

    /** @return the app id requests must carry */
    public String appId() {
        return appId;
    }

    /** @return the keys the simulator uses */
    public SimulatedAlipayKeys keys() {
        return keys;
    }

    /** @return the merchant's PID, {@code seller_id} in notifications */
    public String sellerId() {
        return sellerId;
    }

    /** @return certificate mode: the certificates; empty in public-key mode */
    public Optional<SimulatedAlipayCertificates> certificates() {
        return certificates;
    }

    /** @return the live ledger (read it with {@link AlipayLedger#trades()}) */
    public AlipayLedger ledger() {
        return state.ledger;
    }

    /** @return the trade bills it serves, and their scripted divergences */
    public SimulatedAlipayBills bills() {
        return new SimulatedAlipayBills(state, sellerId);
    }

    /** @return every request received, in order */
    public List<Received> received() {
        return server.received();
    }

    /** @return how many connections the simulator has reset */
    public int resets() {
        return server.resets();
    }

    // ---------------------------------------------------------------- scripting

    /**
     * Scripts the buyer showing {@code paymentCode}.
     *
     * @param paymentCode the code the buyer shows
     * @param script what the buyer does
     * @return this
     */
    public SimulatedAlipay script(String paymentCode, BuyerScript script) {
        Objects.requireNonNull(paymentCode, "paymentCode");
        Objects.requireNonNull(script, "script");
        synchronized (state.lock) {
            state.buyers.put(paymentCode, script);
        }
        return this;
    }

    /**
     * Whether the merchant signed Huabei installments (default yes). When not, a pay or precreate
     * carrying {@code extend_params.hb_fq_num} is refused with 40004 ACQ.ACCESS_FORBIDDEN.
     *
     * @param signed whether installments are signed
     * @return this
     */
    public SimulatedAlipay huabeiSigned(boolean signed) {
        synchronized (state.lock) {
            state.huabeiSigned = signed;
        }
        return this;
    }

    /**
     * Whether the merchant's industry is restricted (default no). When it is, every pay and precreate
     * is refused with 40004 ACQ.RESTRICTED_MERCHANT_INDUSTRY.
     *
     * @param restricted whether the industry is restricted
     * @return this
     */
    public SimulatedAlipay restrictedIndustry(boolean restricted) {
        synchronized (state.lock) {
            state.restrictedIndustry = restricted;
        }
        return this;
    }

    /**
     * The next {@code times} trade.cancel calls are refused with 40004 ACQ.SYSTEM_ERROR and
     * {@code retry_flag=Y}, without changing the ledger.
     *
     * @param times how many cancels to refuse
     * @return this
     */
    public SimulatedAlipay refuseCancels(int times) {
        synchronized (state.lock) {
            state.cancelsToRefuse = Math.max(0, times);
        }
        return this;
    }

    /**
     * The next request of any method suffers {@code fault}.
     *
     * @param fault what goes wrong
     * @return this
     */
    public SimulatedAlipay failNext(Fault fault) {
        faults.add(Optional.empty(), Optional.empty(), fault);
        return this;
    }

    /**
     * The next request of {@code method} (e.g. {@code alipay.trade.query}) suffers {@code fault}.
     * Rules are used once each, in the order added.
     *
     * @param method the API method
     * @param fault what goes wrong
     * @return this
     */
    public SimulatedAlipay failNext(String method, Fault fault) {
        faults.add(Optional.of(method), Optional.empty(), fault);
        return this;
    }

    /**
     * The next trade.pay with this payment code suffers {@code fault}.
     *
     * @param paymentCode the buyer's code
     * @param fault what goes wrong
     * @return this
     */
    public SimulatedAlipay failPaymentCode(String paymentCode, Fault fault) {
        faults.add(Optional.of("alipay.trade.pay"), Optional.of(paymentCode), fault);
        return this;
    }

    /**
     * The buyer of a waiting barcode trade ("user paying": entering her password) confirms in the
     * app now, whatever her script said about queries — from Huabei if her script pays from it, in
     * the installments the pay asked for. A moment of her own, independent of the terminal's polls:
     * it may fall after the terminal's deadline or while the terminal is down.
     *
     * @param outTradeNo the trade
     * @return whether a waiting barcode trade was paid (false if it is paid, closed, unknown or a QR trade)
     */
    public boolean buyerConfirms(String outTradeNo) {
        return state.buyerConfirms(outTradeNo);
    }

    /**
     * The buyer scans the QR code of a waiting precreated trade and pays: from Huabei (in the
     * installments the precreate asked for) if {@code huabei}, else from the balance — and from the
     * balance too when the precreate disabled credit ({@code disable_pay_channels} with {@code pcredit}).
     *
     * @param outTradeNo the trade
     * @param huabei whether the buyer pays with Huabei
     * @return whether a waiting trade was paid (false once the precreate's {@code timeout_express}
     *     has passed: the trade is then closed)
     */
    public boolean buyerScansQr(String outTradeNo, boolean huabei) {
        return state.buyerScansQr(outTradeNo, huabei);
    }

    /**
     * Answers are sent with every {@code /} in the response node written {@code \/} while the
     * signature covers the unescaped text, as Alipay's gateway does (default off). A verifier must
     * retry with the slashes unescaped (alipay.md §2); one that verifies only the raw text fails.
     *
     * @param on whether to escape slashes
     * @return this
     */
    public SimulatedAlipay escapeSlashes(boolean on) {
        renderer.escapeSlashes(on);
        return this;
    }

    // ---------------------------------------------------------------- notifications

    /**
     * The next asynchronous notification suffers {@code fault}. Faults are used once each, in the
     * order added.
     *
     * @param fault what goes wrong
     * @return this
     */
    public SimulatedAlipay failNextNotification(NotificationFault fault) {
        notifications.failNext(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /**
     * Every notification delivery made so far, in order. A trade whose creating request (trade.pay
     * or trade.precreate) carried {@code notify_url} is notified when it is paid, refunded (in part
     * or in full), reversed or closed unpaid.
     *
     * @return the deliveries
     */
    public List<NotificationDelivery> notifications() {
        return notifications.deliveries();
    }

    /**
     * Waits for notification deliveries (they are made on the simulator's own threads).
     *
     * @param count how many deliveries to wait for, in all
     * @param timeout how long at most
     * @return every delivery made so far: at least {@code count} unless the time ran out
     * @throws InterruptedException if interrupted while waiting
     */
    public List<NotificationDelivery> awaitNotifications(int count, Duration timeout) throws InterruptedException {
        return notifications.await(count, timeout);
    }

    /**
     * Waits until at least {@code count} deliveries were acknowledged by the merchant's endpoint
     * (answered "success"), or {@code timeout} passed; returns every delivery made so far, failed
     * attempts included. Deliveries run on two threads, so notifications of different events may
     * be acknowledged in either order.
     */
    public List<NotificationDelivery> awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        return notifications.await(count, timeout, true);
    }

    /** Stops the server and its threads; notifications not yet delivered are dropped. */
    @Override
    public void close() {
        notifications.close();
        server.close();
        notifyThreads.shutdownNow();
    }
}
