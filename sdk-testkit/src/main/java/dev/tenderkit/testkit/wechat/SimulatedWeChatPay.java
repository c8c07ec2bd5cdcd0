package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.core.time.TaskScheduler;
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
 * A simulated WeChat Pay APIv3: a real HTTP server on loopback serving codepay, order query (by
 * out_trade_no and transaction_id), reverse, close, native, refund, refund query and the
 * certificates endpoint the way WeChat Pay does, with a ledger, scripted buyers and refunds, fault
 * injection and callbacks, for tests and examples that must run offline.
 *
 * <p>Every request must carry {@code Authorization: WECHATPAY2-SHA256-RSA2048 …} signed with the
 * merchant's key over {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n} (else 401 SIGN_ERROR); every
 * answer, errors included, is signed with WeChat Pay's key over {@code TIMESTAMP\nNONCE\nBODY\n}.
 * Started with {@link SimulatedWeChatPayKeys#generateSm2()} key material it runs WeChat Pay's 国密
 * scheme instead: {@code WECHATPAY2-SM2-WITH-SM3} requests and answers, {@code AEAD_SM4_GCM} callbacks
 * and certificates.
 * Refusals are 4xx JSON {@code {"code","message"}} as WeChat sends them. The simulator's
 * cryptography is its own, on the JDK, written apart from sdk-wechat's and sdk-core's, so a bug in
 * one does not hide in the other.
 *
 * <p>Start one per test and close it after; everything is thread-safe.
 * <pre>{@code
 * SimulatedWeChatPayKeys keys = SimulatedWeChatPayKeys.generate();
 * try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(keys).start()) {
 *     wechat.script("134567890123456789", BuyerScript.pinFor(2));
 *     wechat.failNext("query", Fault.reset(Fault.When.BEFORE_LEDGER));
 *     // point the adapter at wechat.baseUrl(), mchid wechat.mchid(), appid wechat.appid(),
 *     // keys.merchantPrivateKeyPem(), keys.merchantCertificateSerial(), keys.apiV3Key(),
 *     // and keys.publicKeyId() + keys.wechatPublicKeyPem() (or the platform certificate)
 * }
 * }</pre>
 */
public final class SimulatedWeChatPay implements AutoCloseable {

    /** The endpoint names faults are scripted by ({@link #failNext(String, Fault)}). */
    public static final List<String> ENDPOINTS = List.of("codepay", "query", "reverse", "close", "native", "refund",
            "refund-query", "certificates");

    /**
     * One request as the simulator received it.
     *
     * @param endpoint one of {@link #ENDPOINTS}; empty if the path named none
     * @param method the HTTP method
     * @param url the raw path and query
     * @param body the body as sent
     * @param headers the request headers but {@code Authorization}
     * @param authentic whether its {@code Authorization} verified
     */
    public record Received(String endpoint, String method, String url, String body, Map<String, String> headers,
            boolean authentic) {
        /** Copies. */
        public Received {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    private final SimulatedWeChatPayKeys keys;
    private final WalletState state;
    private final FaultRules faults = new FaultRules();
    private final Optional<ScheduledExecutorService> ownThreads;
    private final CallbackSender callbacks;
    private final GatewayServer server;

    SimulatedWeChatPay(SimulatedWeChatPayBuilder b) throws IOException {
        this.keys = b.keys;
        TaskScheduler scheduler;
        if (b.scheduler != null) {
            scheduler = b.scheduler;
            this.ownThreads = Optional.empty();
        } else {
            ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "simulated-wechatpay-timer");
                t.setDaemon(true);
                return t;
            });
            scheduler = ExecutorTaskScheduler.on(threads);
            this.ownThreads = Optional.of(threads);
        }
        SimulatorCrypto crypto = keys.isSm2() ? new SimulatorCrypto(new SimulatorShangMi()) : new SimulatorCrypto();
        SerialChoice serials = new SerialChoice(keys.publicKeyId(), keys.platformCertificateSerial(), b.publicKeyMode,
                b.platformCertificates);
        // a forged answer is signed with the merchant's own key: the key a misconfigured client might trust
        AnswerSigner signer = new AnswerSigner(crypto, keys.wechatPrivateKey(), keys.merchantKeyPair().getPrivate(),
                () -> scheduler.clock().instant());
        this.callbacks = new CallbackSender(crypto, keys.apiV3KeyBytes(), signer, serials.fallback(), b.callbackSchedule,
                scheduler);
        this.state = new WalletState(b.mchid, b.appid, scheduler, crypto, b.refundSettlesAfter,
                Optional.ofNullable(b.ledgerFile), callbacks::onEvent);
        Map<String, Endpoint> endpoints = Map.of(
                "codepay", new CodePay(state),
                "query", new OrderQuery(state, false),
                "query-by-id", new OrderQuery(state, true),
                "reverse", new OrderReverse(state),
                "close", new OrderClose(state),
                "native", new NativePrepay(state),
                "refund", new RefundApply(state),
                "refund-query", new RefundQuery(state),
                "certificates", new CertificateList(state, keys, b.platformCertificates));
        RequestAuth auth = new RequestAuth(b.mchid, b.merchantPublicKey, b.merchantSerial, crypto,
                () -> scheduler.clock().instant());
        try {
            this.server = new GatewayServer(relay -> new GatewayDispatch(state, endpoints, auth, signer, serials, faults, relay));
        } catch (IOException e) {
            ownThreads.ifPresent(ScheduledExecutorService::shutdownNow);
            throw e;
        }
        state.persist();
    }

    /** @param keys the merchant's and WeChat Pay's key material @return a builder */
    public static SimulatedWeChatPayBuilder builder(SimulatedWeChatPayKeys keys) {
        return new SimulatedWeChatPayBuilder(keys);
    }

    /** @return where to point the adapter instead of {@code https://api.mch.weixin.qq.com}, e.g. {@code http://127.0.0.1:41234} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** @return the loopback port */
    public int port() {
        return server.port();
    }

    /** @return the merchant number requests must carry */
    public String mchid() {
        return state.mchid;
    }

    /** @return the appid requests must carry */
    public String appid() {
        return state.appid;
    }

    /** @return the key material */
    public SimulatedWeChatPayKeys keys() {
        return keys;
    }

    /** @return the live ledger, with WeChat's auto-revoke of orders past 45 s applied first */
    public WeChatLedger ledger() {
        synchronized (state.lock) {
            if (state.revokeExpired()) {
                state.persist();
            }
        }
        return state.ledger;
    }

    /** @return every request received, in order */
    public List<Received> received() {
        return server.dispatch().received();
    }

    /** @return how many connections a fault has reset */
    public int resets() {
        return server.resets();
    }

    // ---------------------------------------------------------------- scripting

    /** Scripts the buyer showing {@code paymentCode}. @return this */
    public SimulatedWeChatPay script(String paymentCode, BuyerScript script) {
        Objects.requireNonNull(paymentCode, "paymentCode");
        Objects.requireNonNull(script, "script");
        synchronized (state.lock) {
            state.buyers.put(paymentCode, script);
        }
        return this;
    }

    /** Scripts how the refund {@code outRefundNo} ends (default: SUCCESS on the first query). @return this */
    public SimulatedWeChatPay scriptRefund(String outRefundNo, RefundScript script) {
        Objects.requireNonNull(outRefundNo, "outRefundNo");
        Objects.requireNonNull(script, "script");
        synchronized (state.lock) {
            state.refundScripts.put(outRefundNo, script);
        }
        return this;
    }

    /**
     * @param status the HTTP status of a codepay answered {@code {"trade_state":"USERPAYING"}}: 202
     *     (default) or 200; which one WeChat sends is unconfirmed (wechatpay.md §4)
     * @return this
     */
    public SimulatedWeChatPay userPayingStatus(int status) {
        if (status != 200 && status != 202) {
            throw new IllegalArgumentException("userPayingStatus: 200 or 202, was " + status);
        }
        synchronized (state.lock) {
            state.userPayingStatus = status;
        }
        return this;
    }

    /** The next request to any endpoint suffers {@code fault}. @return this */
    public SimulatedWeChatPay failNext(Fault fault) {
        faults.add(Optional.empty(), Optional.empty(), fault);
        return this;
    }

    /**
     * The next request to {@code endpoint} suffers {@code fault}; rules are used once each, in order.
     *
     * @param endpoint one of {@link #ENDPOINTS}
     * @return this
     */
    public SimulatedWeChatPay failNext(String endpoint, Fault fault) {
        if (!ENDPOINTS.contains(endpoint)) {
            throw new IllegalArgumentException("endpoint: one of " + ENDPOINTS + ", was '" + endpoint + "'");
        }
        faults.add(Optional.of(endpoint), Optional.empty(), fault);
        return this;
    }

    /** The next codepay with this payment code suffers {@code fault}. @return this */
    public SimulatedWeChatPay failPaymentCode(String paymentCode, Fault fault) {
        faults.add(Optional.of("codepay"), Optional.of(Objects.requireNonNull(paymentCode, "paymentCode")), fault);
        return this;
    }

    /**
     * The buyer of a barcode order at the PIN dialog enters her PIN now, whatever her script said
     * (a moment of her own: it may fall after the terminal's deadline, or while the terminal is down).
     *
     * @return whether an order waiting for the PIN was paid (false once revoked, closed, paid or unknown)
     */
    public boolean buyerEntersPin(String outTradeNo) {
        synchronized (state.lock) {
            state.revokeExpired();
            Optional<WeChatTrade> t = state.ledger.trade(outTradeNo);
            WalletState.Pending p = state.pending.get(outTradeNo);
            if (t.isEmpty() || t.get().state() != WeChatTrade.State.USERPAYING || p == null) {
                return false;
            }
            state.markPaid(t.get(), p.script.bankType());
            state.persist();
            return true;
        }
    }

    /**
     * The buyer scans a waiting QR (native) order and pays from her balance; WeChat then calls the
     * order's {@code notify_url} back with TRANSACTION.SUCCESS.
     *
     * @return whether a waiting QR order was paid
     */
    public boolean buyerScansQr(String outTradeNo) {
        synchronized (state.lock) {
            Optional<WeChatTrade> t = state.ledger.trade(outTradeNo);
            if (t.isEmpty() || !t.get().tradeType().equals("NATIVE") || t.get().state() != WeChatTrade.State.NOTPAY) {
                return false;
            }
            state.markPaid(t.get(), "OTHERS");
            state.persist();
            return true;
        }
    }

    // ---------------------------------------------------------------- callbacks

    /** The next callback suffers {@code fault} (its first delivery; resends are sound). @return this */
    public SimulatedWeChatPay failNextCallback(CallbackFault fault) {
        callbacks.failNext(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** @return every callback delivery made so far, in order */
    public List<CallbackDelivery> callbacks() {
        return callbacks.deliveries();
    }

    /**
     * Waits for callback deliveries made on real-time threads (with a {@code ManualTaskScheduler},
     * advance it instead).
     *
     * @return every delivery so far: at least {@code count} unless the time ran out
     */
    public List<CallbackDelivery> awaitCallbacks(int count, Duration timeout) throws InterruptedException {
        return callbacks.await(count, timeout, false);
    }

    /** As {@link #awaitCallbacks}, counting only deliveries the receiver acknowledged. */
    public List<CallbackDelivery> awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        return callbacks.await(count, timeout, true);
    }

    /** Stops the server and its threads; callbacks not yet delivered are dropped. */
    @Override
    public void close() {
        callbacks.close();
        server.close();
        ownThreads.ifPresent(ScheduledExecutorService::shutdownNow);
    }
}
