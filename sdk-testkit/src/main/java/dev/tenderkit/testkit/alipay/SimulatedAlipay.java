package dev.tenderkit.testkit.alipay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

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
 * {@code .close}, {@code .refund} and {@code .fastpay.refund.query}. See the module README for the
 * rules each follows and where they differ from Alipay's.
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
            "alipay.trade.fastpay.refund.query");

    private static final Pattern ALIPAY_CODE = Pattern.compile("(2[5-9]|30)[0-9]{14,22}");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,8})(\\.[0-9]{1,2})?");
    private static final Money MAX_AMOUNT = Money.ofYuan(100_000_000L);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final ZoneId BEIJING = ZoneId.of("GMT+8");

    /**
     * One request as the simulator received it.
     *
     * @param method the {@code method} parameter (empty if absent)
     * @param params every parameter, query string and body, decoded, {@code sign} included
     * @param signatureValid whether the request signature verified
     */
    public record Received(String method, Map<String, String> params, boolean signatureValid) {
        /** Copies. */
        public Received {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    private record Rule(Optional<String> method, Optional<String> authCode, Fault fault) {
    }

    private record Pending(int waitingQueries, boolean huabei, int installments) {
    }

    /** An answer: the response node's fields, or a whole raw HTTP reply. */
    private record Answer(Map<String, Object> node, boolean changed) {
    }

    private final SimulatedAlipayKeys keys;
    private final String appId;
    private final Clock clock;
    private final Optional<Path> ledgerFile;
    private final AlipayLedger ledger = new AlipayLedger();
    private final ExecutorService threads;
    private final HttpServer server;
    private final ResettableFront front;

    private final Object lock = new Object();
    private final Map<String, BuyerScript> buyers = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, Integer> qrInstallments = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();
    private boolean huabeiSigned = true;
    private boolean restrictedIndustry;
    private int cancelsToRefuse;
    private long sequence;

    private SimulatedAlipay(Builder b) throws IOException {
        this.keys = b.keys;
        this.appId = b.appId;
        this.clock = b.clock;
        this.ledgerFile = Optional.ofNullable(b.ledgerFile);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulated-alipay");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        try {
            this.front = new ResettableFront(server.getAddress(), threads);
        } catch (IOException e) {
            server.stop(0);
            threads.shutdownNow();
            throw e;
        }
    }

    /**
     * @param keys the app's public key (to verify requests) and the simulator's "Alipay" private key
     *     (to sign answers)
     * @return a builder
     */
    public static Builder builder(SimulatedAlipayKeys keys) {
        return new Builder(keys);
    }

    /** Configures and starts a {@link SimulatedAlipay}. */
    public static final class Builder {
        private final SimulatedAlipayKeys keys;
        private String appId = "2021000000000001";
        private Clock clock = Clock.systemUTC();
        private Path ledgerFile;

        private Builder(SimulatedAlipayKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /** @param id the app id requests must carry (default {@code 2021000000000001}) */
        public Builder appId(String id) {
            this.appId = Objects.requireNonNull(id, "appId");
            return this;
        }

        /** @param c the clock for payment and refund times (default: the system clock) */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @param file where the ledger is written (atomically) after every request that changes it */
        public Builder ledgerFile(Path file) {
            this.ledgerFile = Objects.requireNonNull(file, "ledgerFile");
            return this;
        }

        /**
         * Starts the server on a free loopback port.
         *
         * @return the running simulator
         * @throws IllegalArgumentException if the app id is blank
         * @throws UncheckedIOException if it cannot listen
         */
        public SimulatedAlipay start() {
            if (appId.isBlank()) {
                throw new IllegalArgumentException("appId: must not be blank");
            }
            try {
                return new SimulatedAlipay(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the simulated Alipay", e);
            }
        }
    }

    /** @return the gateway URL to configure the adapter with, e.g. {@code http://127.0.0.1:41234/gateway.do} */
    public URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + front.port() + "/gateway.do");
    }

    /** @return the port the simulator listens on (loopback) */
    public int port() {
        return front.port();
    }

    /** @return the app id requests must carry */
    public String appId() {
        return appId;
    }

    /** @return the keys the simulator uses */
    public SimulatedAlipayKeys keys() {
        return keys;
    }

    /** @return the live ledger (read it with {@link AlipayLedger#trades()}) */
    public AlipayLedger ledger() {
        return ledger;
    }

    /** @return every request received, in order */
    public List<Received> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** @return how many connections the simulator has reset */
    public int resets() {
        return front.resets();
    }

    // ---------------------------------------------------------------- scripting

    /**
     * Scripts the buyer showing {@code paymentCode}.
     *
     * @return this
     */
    public SimulatedAlipay script(String paymentCode, BuyerScript script) {
        synchronized (lock) {
            buyers.put(Objects.requireNonNull(paymentCode, "paymentCode"), Objects.requireNonNull(script, "script"));
        }
        return this;
    }

    /**
     * Whether the merchant signed Huabei installments (default yes). When not, a pay or precreate
     * carrying {@code extend_params.hb_fq_num} is refused with 40004 ACQ.ACCESS_FORBIDDEN.
     *
     * @return this
     */
    public SimulatedAlipay huabeiSigned(boolean signed) {
        synchronized (lock) {
            this.huabeiSigned = signed;
        }
        return this;
    }

    /**
     * Whether the merchant's industry is restricted (default no). When it is, every pay and precreate
     * is refused with 40004 ACQ.RESTRICTED_MERCHANT_INDUSTRY.
     *
     * @return this
     */
    public SimulatedAlipay restrictedIndustry(boolean restricted) {
        synchronized (lock) {
            this.restrictedIndustry = restricted;
        }
        return this;
    }

    /**
     * The next {@code times} trade.cancel calls are refused with 40004 ACQ.SYSTEM_ERROR and
     * {@code retry_flag=Y}, without changing the ledger.
     *
     * @return this
     */
    public SimulatedAlipay refuseCancels(int times) {
        synchronized (lock) {
            this.cancelsToRefuse = Math.max(0, times);
        }
        return this;
    }

    /**
     * The next request of any method suffers {@code fault}.
     *
     * @return this
     */
    public SimulatedAlipay failNext(Fault fault) {
        return addRule(new Rule(Optional.empty(), Optional.empty(), fault));
    }

    /**
     * The next request of {@code method} (e.g. {@code alipay.trade.query}) suffers {@code fault}.
     * Rules are used once each, in the order added.
     *
     * @return this
     */
    public SimulatedAlipay failNext(String method, Fault fault) {
        return addRule(new Rule(Optional.of(method), Optional.empty(), fault));
    }

    /**
     * The next trade.pay with this payment code suffers {@code fault}.
     *
     * @return this
     */
    public SimulatedAlipay failPaymentCode(String paymentCode, Fault fault) {
        return addRule(new Rule(Optional.of("alipay.trade.pay"), Optional.of(paymentCode), fault));
    }

    private SimulatedAlipay addRule(Rule r) {
        Objects.requireNonNull(r.fault(), "fault");
        synchronized (lock) {
            rules.add(r);
        }
        return this;
    }

    /**
     * The buyer scans the QR code of a waiting precreated trade and pays: from Huabei (in the
     * installments the precreate asked for) if {@code huabei}, else from the balance.
     *
     * @param outTradeNo the trade
     * @param huabei whether the buyer pays with Huabei
     * @return whether a waiting trade was paid
     */
    public boolean buyerScansQr(String outTradeNo, boolean huabei) {
        synchronized (lock) {
            Optional<AlipayTrade> t = ledger.trade(outTradeNo);
            if (t.isEmpty() || t.get().status() != AlipayTrade.Status.WAIT_BUYER_PAY) {
                return false;
            }
            int inst = qrInstallments.getOrDefault(outTradeNo, 0);
            markPaid(t.get(), huabei || inst > 0, inst);
            persist();
            return true;
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"/gateway.do".equals(ex.getRequestURI().getPath())) {
                sendPlain(ex, 404, "not found: the simulated Alipay serves POST /gateway.do");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                sendPlain(ex, 405, "method not allowed: use POST");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> query = parseForm(Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse(""));
            Map<String, String> params = new LinkedHashMap<>(query);
            String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
            if (body.length > 0 && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                params.putAll(parseForm(new String(body, StandardCharsets.US_ASCII)));
            }
            String method = params.getOrDefault("method", "");
            String node = METHODS.contains(method) ? method.replace('.', '_') + "_response" : "error_response";

            Optional<Map<String, Object>> refusal = checkRequest(query, params, method);
            boolean valid = refusal.isEmpty() || !"isv.invalid-signature".equals(refusal.get().get("sub_code"));
            synchronized (lock) {
                received.add(new Received(method, params, valid && refusal.isEmpty()));
            }
            if (refusal.isPresent()) {
                sendSigned(ex, node, refusal.get(), false);
                return;
            }
            Map<String, Object> biz;
            try {
                biz = Json.parseObject(params.getOrDefault("biz_content", "{}"));
            } catch (IllegalArgumentException e) {
                sendSigned(ex, node, error("40002", "Invalid Arguments", "isv.invalid-parameter",
                        "biz_content is not a JSON object: " + e.getMessage()), false);
                return;
            }
            Optional<Fault> fault = takeRule(method, str(biz, "auth_code"));
            if (fault.isPresent() && fault.get().when() == Fault.When.BEFORE_LEDGER) {
                if (!spoil(ex, fault.get(), node, Optional.empty())) {
                    return;
                }
            }
            Map<String, Object> answer = apply(method, biz);
            if (fault.isPresent() && fault.get().when() == Fault.When.AFTER_LEDGER) {
                if (!spoil(ex, fault.get(), node, Optional.of(answer))) {
                    return;
                }
            }
            sendSigned(ex, node, answer, false);
        } catch (RuntimeException e) {
            sendPlain(ex, 500, "simulator failure: " + e);
        }
    }

    /**
     * Acts out a fault. Returns true when the normal answer should still be sent (a slow answer
     * after its delay).
     */
    private boolean spoil(HttpExchange ex, Fault f, String node, Optional<Map<String, Object>> answer) throws IOException {
        switch (f.kind()) {
            case SLOW:
                try {
                    Thread.sleep(f.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                return true;
            case RESET:
                front.reset(ex.getRemoteAddress().getPort());
                return false;
            case HTTP_ERROR:
                sendPlain(ex, f.httpStatus(), "<html><body>" + f.httpStatus() + " Bad Gateway</body></html>");
                return false;
            case GARBAGE:
                byte[] junk = "<!DOCTYPE html>\u0000\u00ff{\"alipay_trade_\u00e9".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
                ex.sendResponseHeaders(200, junk.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(junk);
                }
                return false;
            case BAD_SIGNATURE:
                sendSigned(ex, node, answer.orElseThrow(), true);
                return false;
            case SYSTEM_ERROR:
                sendSigned(ex, node, error("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙"), false);
                return false;
            default:
                throw new IllegalStateException("unknown fault " + f.kind());
        }
    }

    private Optional<Fault> takeRule(String method, String authCode) {
        synchronized (lock) {
            for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
                Rule r = it.next();
                if (r.method().map(method::equals).orElse(true) && r.authCode().map(c -> c.equals(authCode)).orElse(true)) {
                    it.remove();
                    return Optional.of(r.fault());
                }
            }
            return Optional.empty();
        }
    }

    private Optional<Map<String, Object>> checkRequest(Map<String, String> query, Map<String, String> params, String method) {
        if (method.isEmpty()) {
            return Optional.of(error("40001", "Missing Required Arguments", "isv.missing-method", "缺少方法名参数"));
        }
        String charset = query.get("charset");
        if (charset == null) {
            return Optional.of(error("40001", "Missing Required Arguments", "isv.missing-charset",
                    "缺少字符集参数: 请确认charset参数放在了URL查询字符串中"));
        }
        if (!"utf-8".equalsIgnoreCase(charset)) {
            return Optional.of(error("40002", "Invalid Arguments", "isv.invalid-charset", "字符集错误: the simulator speaks utf-8 only"));
        }
        String sign = params.get("sign");
        if (sign == null || sign.isBlank()) {
            return Optional.of(error("40001", "Missing Required Arguments", "isv.missing-signature", "缺少签名参数"));
        }
        String signType = params.getOrDefault("sign_type", "");
        String algorithm = switch (signType) {
            case "RSA2" -> "SHA256withRSA";
            case "RSA" -> "SHA1withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return Optional.of(error("40002", "Invalid Arguments", "isv.invalid-signature-type", "无效签名类型: " + signType));
        }
        if (!appId.equals(params.get("app_id"))) {
            return Optional.of(error("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数"));
        }
        if (!verify(algorithm, signingString(params), sign)) {
            return Optional.of(error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错"));
        }
        if (!METHODS.contains(method)) {
            return Optional.of(error("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名"));
        }
        return Optional.empty();
    }

    /**
     * The string Alipay signs a request over: every parameter but {@code sign}, whose key and value
     * are not blank, sorted by key (String order), joined raw as {@code k=v} with {@code &}.
     */
    static String signingString(Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> {
            if (!"sign".equals(k) && k != null && v != null && !k.isBlank() && !v.isBlank()) {
                sorted.put(k, v);
            }
        });
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }

    private boolean verify(String algorithm, String content, String sign) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(keys.appPublicKey());
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(sign.trim()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private String signAnswer(String text) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(keys.alipayPrivateKey());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the simulator's key", e);
        }
    }

    private void sendSigned(HttpExchange ex, String node, Map<String, Object> fields, boolean wrongSignature) throws IOException {
        String content = Json.write(fields);
        // a wrong signature is a valid signature over other text: it must fail verification, not parsing
        String sign = signAnswer(wrongSignature ? content + " " : content);
        String body = "{\"" + node + "\":" + content + ",\"sign\":\"" + sign + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendPlain(HttpExchange ex, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parseForm(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    // ---------------------------------------------------------------- the wallet

    private Map<String, Object> apply(String method, Map<String, Object> biz) {
        synchronized (lock) {
            Answer a = switch (method) {
                case "alipay.trade.pay" -> pay(biz);
                case "alipay.trade.precreate" -> precreate(biz);
                case "alipay.trade.query" -> new Answer(query(biz), true);
                case "alipay.trade.cancel" -> cancel(biz);
                case "alipay.trade.close" -> close(biz);
                case "alipay.trade.refund" -> refund(biz);
                case "alipay.trade.fastpay.refund.query" -> new Answer(refundQuery(biz), false);
                default -> throw new IllegalStateException("unchecked method " + method);
            };
            if (a.changed()) {
                persist();
            }
            return a.node();
        }
    }

    private void persist() {
        ledgerFile.ifPresent(ledger::saveTo);
    }

    private Answer pay(Map<String, Object> biz) {
        String outTradeNo = str(biz, "out_trade_no");
        String authCode = str(biz, "auth_code");
        String scene = str(biz, "scene");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            return refused("ACQ.INVALID_PARAMETER", "out_trade_no: 1-64 letters, digits or underscores");
        }
        if (!"bar_code".equals(scene) && !"wave_code".equals(scene)) {
            return refused("ACQ.INVALID_PARAMETER", "scene must be bar_code or wave_code, was '" + scene + "'");
        }
        if (authCode.isEmpty()) {
            return refused("ACQ.INVALID_PARAMETER", "auth_code is required");
        }
        if (str(biz, "subject").isEmpty()) {
            return refused("ACQ.INVALID_PARAMETER", "subject is required");
        }
        Object amount = amount(biz, "total_amount");
        if (amount instanceof Answer a) {
            return a;
        }
        Money total = (Money) amount;
        Optional<AlipayTrade> existing = ledger.trade(outTradeNo);
        if (existing.isPresent()) {
            AlipayTrade t = existing.get();
            if (t.kind().equals("BAR_CODE") && !t.totalAmount().equals(total)) {
                return refused("ACQ.TRADE_PAYINFO_INCONSISTENT", "交易信息被篡改: same out_trade_no, other amount");
            }
            return switch (t.status()) {
                case TRADE_SUCCESS -> new Answer(paidAnswer(t), false);
                case WAIT_BUYER_PAY -> new Answer(payingAnswer(t), false);
                case TRADE_CLOSED -> refused("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            };
        }
        if (restrictedIndustry) {
            return refused("ACQ.RESTRICTED_MERCHANT_INDUSTRY", "行业信息交易受限");
        }
        Object hb = installments(biz);
        if (hb instanceof Answer a) {
            return a;
        }
        int installments = (Integer) hb;
        BuyerScript buyer = buyers.getOrDefault(authCode,
                ALIPAY_CODE.matcher(authCode).matches() ? BuyerScript.paysAtOnce() : BuyerScript.invalidCode());
        switch (buyer.behaviour()) {
            case INVALID_CODE:
                return refused("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款");
            case BALANCE_NOT_ENOUGH:
                return refused("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足");
            default:
                break;
        }
        AlipayTrade t = new AlipayTrade(outTradeNo, nextTradeNo(), "BAR_CODE", total, AlipayTrade.Status.WAIT_BUYER_PAY,
                Money.ZERO, Optional.empty(), 0, Map.of(), Optional.empty());
        ledger.put(t);
        boolean huabei = buyer.huabei() || installments > 0;
        if (buyer.behaviour() == BuyerScript.Behaviour.PAYS && buyer.waitingQueries() == 0) {
            return new Answer(paidAnswer(markPaid(t, huabei, installments)), true);
        }
        int waiting = buyer.behaviour() == BuyerScript.Behaviour.NEVER_PAYS ? Integer.MAX_VALUE : buyer.waitingQueries();
        pending.put(outTradeNo, new Pending(waiting, huabei, installments));
        return new Answer(payingAnswer(t), true);
    }

    private Answer precreate(Map<String, Object> biz) {
        String outTradeNo = str(biz, "out_trade_no");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            return refused("ACQ.INVALID_PARAMETER", "out_trade_no: 1-64 letters, digits or underscores");
        }
        if (str(biz, "subject").isEmpty()) {
            return refused("ACQ.INVALID_PARAMETER", "subject is required");
        }
        Object amount = amount(biz, "total_amount");
        if (amount instanceof Answer a) {
            return a;
        }
        Money total = (Money) amount;
        Optional<AlipayTrade> existing = ledger.trade(outTradeNo);
        if (existing.isPresent()) {
            AlipayTrade t = existing.get();
            return switch (t.status()) {
                case WAIT_BUYER_PAY -> new Answer(qrAnswer(t), false);
                case TRADE_SUCCESS -> refused("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
                case TRADE_CLOSED -> refused("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            };
        }
        if (restrictedIndustry) {
            return refused("ACQ.RESTRICTED_MERCHANT_INDUSTRY", "行业信息交易受限");
        }
        Object hb = installments(biz);
        if (hb instanceof Answer a) {
            return a;
        }
        AlipayTrade t = new AlipayTrade(outTradeNo, nextTradeNo(), "QR", total, AlipayTrade.Status.WAIT_BUYER_PAY,
                Money.ZERO, Optional.empty(), 0, Map.of(), Optional.empty());
        ledger.put(t);
        qrInstallments.put(outTradeNo, (Integer) hb);
        return new Answer(qrAnswer(t), true);
    }

    private Map<String, Object> query(Map<String, Object> biz) {
        Optional<AlipayTrade> found = find(biz);
        if (found.isEmpty() || found.get().kind().equals("NONE")) {
            return refusal("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        AlipayTrade t = found.get();
        Pending p = pending.get(t.outTradeNo());
        if (t.status() == AlipayTrade.Status.WAIT_BUYER_PAY && p != null) {
            if (p.waitingQueries() == 0) {
                t = markPaid(t, p.huabei(), p.installments());
            } else if (p.waitingQueries() != Integer.MAX_VALUE) {
                pending.put(t.outTradeNo(), new Pending(p.waitingQueries() - 1, p.huabei(), p.installments()));
            }
        }
        Map<String, Object> m = success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("buyer_logon_id", "tes***@example.com");
        m.put("trade_status", t.status().name());
        m.put("total_amount", t.totalAmount().toPlainString());
        if (t.status() == AlipayTrade.Status.TRADE_SUCCESS) {
            m.put("buyer_pay_amount", t.totalAmount().toPlainString());
            m.put("receipt_amount", t.totalAmount().toPlainString());
            m.put("send_pay_date", now());
            m.put("buyer_user_id", "2088000000000001");
            m.put("fund_bill_list", fundBills(t));
            if (t.installments() > 0) {
                m.put("hb_fq_pay_info", hbInfo(t));
            }
        }
        return m;
    }

    private Answer cancel(Map<String, Object> biz) {
        String outTradeNo = str(biz, "out_trade_no");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            return refused("ACQ.INVALID_PARAMETER", "out_trade_no: 1-64 letters, digits or underscores");
        }
        if (cancelsToRefuse > 0) {
            cancelsToRefuse--;
            Map<String, Object> m = refusal("ACQ.SYSTEM_ERROR", "系统错误");
            m.put("retry_flag", "Y");
            return new Answer(m, false);
        }
        Optional<AlipayTrade> found = ledger.trade(outTradeNo);
        String action;
        AlipayTrade t;
        if (found.isEmpty()) {
            t = new AlipayTrade(outTradeNo, nextTradeNo(), "NONE", Money.ZERO, AlipayTrade.Status.TRADE_CLOSED, Money.ZERO,
                    Optional.empty(), 0, Map.of(), Optional.of("cancel"));
            ledger.put(t);
            action = "close";
        } else {
            t = found.get();
            pending.remove(outTradeNo);
            if (t.status() == AlipayTrade.Status.TRADE_CLOSED) {
                action = t.everPaid() ? "refund" : "close";
            } else {
                action = t.status() == AlipayTrade.Status.TRADE_SUCCESS ? "refund" : "close";
                t = new AlipayTrade(t.outTradeNo(), t.tradeNo(), t.kind(), t.totalAmount(), AlipayTrade.Status.TRADE_CLOSED,
                        Money.ZERO, t.fundChannel(), t.installments(), t.refunds(), Optional.of("cancel"));
                ledger.put(t);
            }
        }
        Map<String, Object> m = success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", outTradeNo);
        m.put("retry_flag", "N");
        m.put("action", action);
        return new Answer(m, true);
    }

    private Answer close(Map<String, Object> biz) {
        Optional<AlipayTrade> found = find(biz);
        if (found.isEmpty()) {
            return refused("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        AlipayTrade t = found.get();
        if (t.status() == AlipayTrade.Status.TRADE_SUCCESS) {
            return refused("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        if (t.status() == AlipayTrade.Status.WAIT_BUYER_PAY) {
            pending.remove(t.outTradeNo());
            t = new AlipayTrade(t.outTradeNo(), t.tradeNo(), t.kind(), t.totalAmount(), AlipayTrade.Status.TRADE_CLOSED,
                    Money.ZERO, t.fundChannel(), t.installments(), t.refunds(), Optional.of("close"));
            ledger.put(t);
        }
        Map<String, Object> m = success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        return new Answer(m, true);
    }

    private Answer refund(Map<String, Object> biz) {
        Object amount = amount(biz, "refund_amount");
        if (amount instanceof Answer a) {
            return a;
        }
        Money refund = (Money) amount;
        Optional<AlipayTrade> found = find(biz);
        if (found.isEmpty() || found.get().kind().equals("NONE")) {
            return refused("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        AlipayTrade t = found.get();
        String requestNo = str(biz, "out_request_no");
        if (requestNo.isEmpty()) {
            requestNo = t.outTradeNo();
        }
        Money done = t.refunds().get(requestNo);
        if (done != null) {
            if (!done.equals(refund)) {
                return refused("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额与原退款请求不一致");
            }
            return new Answer(refundAnswer(t, refund, "N"), false);
        }
        if (t.status() == AlipayTrade.Status.WAIT_BUYER_PAY) {
            return refused("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        if (t.status() == AlipayTrade.Status.TRADE_CLOSED) {
            return refused("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
        }
        if (refund.isGreaterThan(t.charged())) {
            return refused("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
        }
        Map<String, Money> refunds = new LinkedHashMap<>(t.refunds());
        refunds.put(requestNo, refund);
        Money charged = t.charged().minus(refund);
        boolean full = charged.isZero();
        t = new AlipayTrade(t.outTradeNo(), t.tradeNo(), t.kind(), t.totalAmount(),
                full ? AlipayTrade.Status.TRADE_CLOSED : AlipayTrade.Status.TRADE_SUCCESS, charged, t.fundChannel(),
                t.installments(), refunds, full ? Optional.of("refund") : Optional.empty());
        ledger.put(t);
        return new Answer(refundAnswer(t, refund, "Y"), true);
    }

    private Map<String, Object> refundQuery(Map<String, Object> biz) {
        Optional<AlipayTrade> found = find(biz);
        if (found.isEmpty() || found.get().kind().equals("NONE")) {
            return refusal("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        AlipayTrade t = found.get();
        String requestNo = str(biz, "out_request_no");
        if (requestNo.isEmpty()) {
            requestNo = t.outTradeNo();
        }
        Map<String, Object> m = success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("out_request_no", requestNo);
        Money done = t.refunds().get(requestNo);
        if (done != null) {
            m.put("total_amount", t.totalAmount().toPlainString());
            m.put("refund_amount", done.toPlainString());
            m.put("refund_status", "REFUND_SUCCESS");
        }
        return m;
    }

    // ---------------------------------------------------------------- helpers

    private AlipayTrade markPaid(AlipayTrade t, boolean huabei, int installments) {
        pending.remove(t.outTradeNo());
        AlipayTrade paid = new AlipayTrade(t.outTradeNo(), t.tradeNo(), t.kind(), t.totalAmount(),
                AlipayTrade.Status.TRADE_SUCCESS, t.totalAmount(), Optional.of(huabei ? "PCREDIT" : "ALIPAYACCOUNT"),
                huabei ? installments : 0, t.refunds(), Optional.empty());
        ledger.put(paid);
        return paid;
    }

    private Optional<AlipayTrade> find(Map<String, Object> biz) {
        String outTradeNo = str(biz, "out_trade_no");
        if (!outTradeNo.isEmpty()) {
            return ledger.trade(outTradeNo);
        }
        String tradeNo = str(biz, "trade_no");
        return ledger.trades().values().stream().filter(t -> t.tradeNo().equals(tradeNo) && !tradeNo.isEmpty()).findFirst();
    }

    private Object amount(Map<String, Object> biz, String field) {
        String text = str(biz, field);
        if (!AMOUNT.matcher(text).matches()) {
            return new Answer(error("40002", "Invalid Arguments", "isv.invalid-parameter",
                    field + " must be yuan with at most 2 decimals, was '" + text + "'"), false);
        }
        Money m = Money.parse(text.contains(".") ? text : text + ".00");
        if (!m.isPositive() || m.isGreaterThan(MAX_AMOUNT)) {
            return refused("ACQ.TOTAL_FEE_EXCEED", field + " must be within [0.01, 100000000]");
        }
        return m;
    }

    /** @return the installment count (0 when none) or a refusal */
    private Object installments(Map<String, Object> biz) {
        Object ext = biz.get("extend_params");
        if (!(ext instanceof Map<?, ?> extend) || extend.get("hb_fq_num") == null) {
            return 0;
        }
        String num = String.valueOf(extend.get("hb_fq_num"));
        if (!List.of("3", "6", "12").contains(num)) {
            return refused("ACQ.INVALID_PARAMETER", "hb_fq_num must be 3, 6 or 12, was '" + num + "'");
        }
        Object percent = extend.get("hb_fq_seller_percent");
        if (percent != null && !List.of("0", "100").contains(String.valueOf(percent))) {
            return refused("ACQ.INVALID_PARAMETER", "hb_fq_seller_percent must be 0 or 100, was '" + percent + "'");
        }
        if (!huabeiSigned) {
            return refused("ACQ.ACCESS_FORBIDDEN", "无权限使用接口: 花呗分期未签约");
        }
        return Integer.parseInt(num);
    }

    private Map<String, Object> paidAnswer(AlipayTrade t) {
        Map<String, Object> m = success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("buyer_logon_id", "tes***@example.com");
        m.put("total_amount", t.totalAmount().toPlainString());
        m.put("receipt_amount", t.totalAmount().toPlainString());
        m.put("buyer_pay_amount", t.totalAmount().toPlainString());
        m.put("gmt_payment", now());
        m.put("fund_bill_list", fundBills(t));
        m.put("buyer_user_id", "2088000000000001");
        if (t.installments() > 0) {
            m.put("hb_fq_pay_info", hbInfo(t));
        }
        return m;
    }

    private Map<String, Object> payingAnswer(AlipayTrade t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", "10003");
        m.put("msg", " order success pay inprocess");
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("total_amount", t.totalAmount().toPlainString());
        return m;
    }

    private Map<String, Object> qrAnswer(AlipayTrade t) {
        Map<String, Object> m = success();
        m.put("out_trade_no", t.outTradeNo());
        m.put("qr_code", "https://qr.alipay.com/bax0" + t.tradeNo().substring(t.tradeNo().length() - 12));
        return m;
    }

    private Map<String, Object> refundAnswer(AlipayTrade t, Money thisRefund, String fundChange) {
        Map<String, Object> m = success();
        m.put("trade_no", t.tradeNo());
        m.put("out_trade_no", t.outTradeNo());
        m.put("buyer_logon_id", "tes***@example.com");
        m.put("fund_change", fundChange);
        m.put("refund_fee", t.refunded().toPlainString());
        m.put("send_back_fee", thisRefund.toPlainString());
        m.put("gmt_refund_pay", now());
        return m;
    }

    private static List<Object> fundBills(AlipayTrade t) {
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("fund_channel", t.fundChannel().orElse("ALIPAYACCOUNT"));
        bill.put("amount", t.totalAmount().toPlainString());
        bill.put("real_amount", t.totalAmount().toPlainString());
        return List.of(bill);
    }

    private static Map<String, Object> hbInfo(AlipayTrade t) {
        Map<String, Object> hb = new LinkedHashMap<>();
        hb.put("fq_amount", t.totalAmount().toPlainString());
        hb.put("user_install_num", String.valueOf(t.installments()));
        return hb;
    }

    private static Map<String, Object> success() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", "10000");
        m.put("msg", "Success");
        return m;
    }

    private static Map<String, Object> error(String code, String msg, String subCode, String subMsg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("msg", msg);
        m.put("sub_code", subCode);
        m.put("sub_msg", subMsg);
        return m;
    }

    private static Map<String, Object> refusal(String subCode, String subMsg) {
        return error("40004", "Business Failed", subCode, subMsg);
    }

    private static Answer refused(String subCode, String subMsg) {
        return new Answer(refusal(subCode, subMsg), false);
    }

    private static String str(Map<String, Object> biz, String key) {
        Object v = biz.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    private String now() {
        return TIME.format(clock.instant().atZone(BEIJING));
    }

    private String nextTradeNo() {
        return DAY.format(clock.instant().atZone(BEIJING)) + "22" + String.format("%018d", ++sequence);
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        front.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
