package dev.tenderkit.wechat;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.wechat.CallbackAnswer.Reason;
import dev.tenderkit.wechat.CallbackAnswer.Rejected;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrator's WeChat Pay callback endpoint (wechatpay.md §3): raw body and the four
 * {@code Wechatpay-*} headers in, the HTTP status and body to answer out. In order:
 *
 * <ol>
 *   <li>the signature, with the gateway's keys (public key or platform certificates), a timestamp
 *       five minutes or more off refused (the official SDK checks none here), probe signatures
 *       ({@code WECHATPAY/SIGNTEST/}) refused;</li>
 *   <li>{@code resource} decrypted with the APIv3 key in the algorithm it names, which must be the
 *       credentials' scheme's: AEAD_AES_256_GCM for RSA, AEAD_SM4_GCM for SM2;</li>
 *   <li>a callback {@code id} already accepted is a {@link CallbackAnswer.Duplicate};</li>
 *   <li>the business checks: our {@code mchid} and {@code appid} (when present), a known
 *       {@code out_trade_no}, and its amount equal to the order's (a refund's at most the order's);</li>
 *   <li>then the {@link WeChatPayCallbackListener} is told, once.</li>
 * </ol>
 *
 * Thread-safe: concurrent deliveries of one id are handled once (the others answered 500, resent
 * later). The memory of accepted ids is bounded.
 */
public final class WeChatPayCallbackHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WeChatPayCallbackHandler.class);

    private final AnswerVerifier verifier;
    private final WeChatPayCredentials credentials;
    private final Function<String, Optional<Money>> orders;
    private final WeChatPayCallbackListener listener;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> accepted;

    private WeChatPayCallbackHandler(Builder b) {
        this.verifier = b.gateway.verifier();
        this.credentials = b.gateway.credentials();
        this.orders = b.orders;
        this.listener = b.listener;
        int max = b.remembered;
        this.accepted = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > max;
            }
        });
    }

    /** @return a builder; the gateway (whose keys verify callbacks) and the orders are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param body the raw request body, exactly as received
     * @param timestamp {@code Wechatpay-Timestamp}
     * @param nonce {@code Wechatpay-Nonce}
     * @param signature {@code Wechatpay-Signature}
     * @param serial {@code Wechatpay-Serial}
     * @return what to answer
     */
    public CallbackAnswer handle(String body, String timestamp, String nonce, String signature, String serial) {
        Objects.requireNonNull(body, "body");
        Map<String, String> h = new java.util.HashMap<>();
        put(h, AnswerVerifier.TIMESTAMP, timestamp);
        put(h, AnswerVerifier.NONCE, nonce);
        put(h, AnswerVerifier.SIGNATURE, signature);
        put(h, AnswerVerifier.SERIAL, serial);
        AnswerVerification v = verifier.verify(name -> Optional.ofNullable(h.get(name)), body);
        if (v instanceof AnswerVerification.Unverified u) {
            return reject(Reason.BAD_SIGNATURE, u.failure() + ": " + u.detail());
        }
        Optional<JsonObject> json = JsonObject.parse(body);
        JsonObject resource = json.map(j -> j.object("resource")).orElse(JsonObject.EMPTY);
        Optional<String> id = json.flatMap(j -> j.string("id"));
        Optional<String> event = json.flatMap(j -> j.string("event_type"));
        Optional<String> algorithm = resource.string("algorithm");
        if (id.isEmpty() || event.isEmpty() || algorithm.flatMap(SigningScheme::forResourceAlgorithm).isEmpty()) {
            return reject(Reason.MALFORMED, "not a WeChat Pay callback with an AEAD_AES_256_GCM or AEAD_SM4_GCM resource");
        }
        if (!algorithm.get().equals(credentials.apiV3Cipher().algorithm())) {
            return reject(Reason.MALFORMED, "a " + algorithm.get() + " resource, but the credentials are "
                    + credentials.signingScheme() + " (" + credentials.apiV3Cipher().algorithm() + ")");
        }
        String plain;
        try {
            plain = credentials.apiV3Cipher().decryptToString(resource.string("nonce").orElse(""),
                    resource.string("associated_data").orElse(""), resource.string("ciphertext").orElse(""));
        } catch (TenderKitException e) {
            return reject(Reason.DECRYPTION_FAILED, "the resource did not decrypt with the APIv3 key (check apiV3Key)");
        }
        Optional<JsonObject> r = JsonObject.parse(plain);
        if (r.isEmpty()) {
            return reject(Reason.MALFORMED, "the decrypted resource is not a JSON object");
        }
        if (accepted.containsKey(id.get())) {
            LOG.debug("WeChat Pay callback {} again: already accepted", id.get());
            return new CallbackAnswer.Duplicate(id.get());
        }
        if (!inProgress.add(id.get())) {
            return reject(Reason.TRY_AGAIN, "callback " + id.get() + " is being handled");
        }
        try {
            CallbackAnswer a = check(id.get(), event.get(), r.get());
            if (a instanceof CallbackAnswer.Accepted ok) {
                try {
                    listener.onCallback(ok.callback());
                } catch (RuntimeException e) {
                    LOG.warn("WeChat Pay callback listener failed on {}: {}", id.get(), e.toString());
                    return reject(Reason.TRY_AGAIN, "the listener failed");
                }
                accepted.put(id.get(), Boolean.TRUE);
            }
            return a;
        } finally {
            inProgress.remove(id.get());
        }
    }

    private CallbackAnswer check(String id, String event, JsonObject r) {
        boolean refund = event.startsWith("REFUND.");
        Optional<String> wrong = refund ? same(r, "mchid", credentials.mchid())
                : AnswerBinding.ours(r, credentials, r.string("out_trade_no").orElse(""));
        if (wrong.isPresent()) {
            return reject(Reason.BUSINESS_CHECK, wrong.get());
        }
        Optional<String> no = r.string("out_trade_no");
        if (no.isEmpty()) {
            return reject(Reason.BUSINESS_CHECK, "the resource names no out_trade_no");
        }
        Optional<Money> order = orders.apply(no.get());
        if (order.isEmpty()) {
            return reject(Reason.BUSINESS_CHECK, "out_trade_no " + no.get() + " is not one of our orders");
        }
        Optional<Long> fen = r.object("amount").number(refund ? "refund" : "total");
        if (fen.isEmpty() || fen.get() <= 0) {
            return reject(Reason.BUSINESS_CHECK, "the resource carries no whole amount");
        }
        Money amount = Money.ofFen(fen.get());
        if (refund ? amount.isGreaterThan(order.get()) : !amount.equals(order.get())) {
            return reject(Reason.BUSINESS_CHECK, "amount " + amount + " does not fit order " + no.get() + " of "
                    + order.get());
        }
        String state = r.string(refund ? "refund_status" : "trade_state").orElse("");
        return new CallbackAnswer.Accepted(new WeChatPayCallback(id, event, no.get(), r.string("transaction_id"),
                state, amount, r.string("out_refund_no")));
    }

    private static Optional<String> same(JsonObject r, String field, String expected) {
        return r.string(field).filter(expected::equals).isPresent() ? Optional.empty()
                : Optional.of("the resource's " + field + " is not " + expected);
    }

    private static void put(Map<String, String> h, String name, String value) {
        if (value != null) {
            h.put(name, value);
        }
    }

    private static CallbackAnswer reject(Reason reason, String detail) {
        LOG.info("WeChat Pay callback rejected: {} {}", reason, detail);
        return new Rejected(reason, detail);
    }

    /** Collects the settings; {@link #build()} names the first missing one. */
    public static final class Builder {
        private WeChatPayGateway gateway;
        private Function<String, Optional<Money>> orders;
        private WeChatPayCallbackListener listener = WeChatPayCallbackListener.NONE;
        private int remembered = 10_000;

        private Builder() {
        }

        /** @param gateway the merchant's gateway: its keys and clock verify callbacks @return this */
        public Builder gateway(WeChatPayGateway gateway) {
            this.gateway = gateway;
            return this;
        }

        /** @param orders our orders' amounts by out_trade_no (e.g. from the engine's records) @return this */
        public Builder orders(Function<String, Optional<Money>> orders) {
            this.orders = orders;
            return this;
        }

        /** @param listener told of each accepted callback @return this */
        public Builder listener(WeChatPayCallbackListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @param n how many accepted ids to remember for duplicates; default 10,000 @return this */
        public Builder rememberedCallbacks(int n) {
            this.remembered = n;
            return this;
        }

        /** @return the handler */
        public WeChatPayCallbackHandler build() {
            if (gateway == null) {
                throw new ConfigurationException("gateway", "callbacks are verified with the merchant's gateway keys");
            }
            if (orders == null) {
                throw new ConfigurationException("orders", "the handler checks each callback against our orders");
            }
            if (remembered < 1) {
                throw new ConfigurationException("rememberedCallbacks", "must be at least 1");
            }
            return new WeChatPayCallbackHandler(this);
        }
    }
}
