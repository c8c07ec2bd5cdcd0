package dev.tenderkit.core.payment;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.time.TaskScheduler;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Configures a {@link PaymentEngine}; {@link #build()} validates and names the wrong setting,
 * including a channel of the merchant that has no gateway. Time comes from the scheduler
 * ({@link TaskScheduler#clock()}): there is one time model. Not thread-safe.
 */
public final class PaymentEngineBuilder {
    CapabilityResolver resolver;
    Supplier<CheckoutContext> context;
    TransactionStore store;
    final Map<String, PaymentGateway> gateways = new HashMap<>();
    TaskScheduler scheduler;
    private Executor gatewayExecutor;
    TradeListener listener = TradeListener.NONE;
    PaymentCodeClassifier classifier = PaymentCodeClassifier.standard();
    PaymentPricing pricing = PaymentPricing.NONE;
    Optional<FeeSchedule> feeSchedule = Optional.empty();
    ZoneOffset businessZone = ZoneOffset.ofHours(8);
    String terminalId;
    LostTradeSearch.Settings lostTradeSearch = LostTradeSearch.Settings.DEFAULT;
    private DirectAccount direct;

    PaymentEngineBuilder() {
    }

    /**
     * The quick start: a merchant with one direct account at one wallet and no policy file. Replaces
     * {@link #resolver}, {@link #context} and {@link #gateway}: the built-in profile has one channel,
     * {@code <wallet>-direct} (e.g. {@code alipay-direct}), offering every method of the wallet, and
     * the wallet itself decides what the account may take.
     *
     * @param wallet the wallet of the account
     * @param merchantId the merchant's id, for the records
     * @param gateway the wallet's gateway for the account
     * @return this
     */
    public PaymentEngineBuilder directAccount(Wallet wallet, String merchantId, PaymentGateway gateway) {
        this.direct = new DirectAccount(Objects.requireNonNull(wallet, "wallet"),
                Objects.requireNonNull(merchantId, "merchantId"));
        return gateway(direct.channelId(), gateway);
    }

    /**
     * How {@link PaymentEngine#recover()} searches the wallets for trades the store lost.
     *
     * @param consecutiveNotFound "not found" answers in a row that end the search of one run;
     *     default 3; 0 turns the search off
     * @param runsWhenIntact how many recent earlier runs are searched while the store is intact
     *     (all of them, within the store's retention, while it is damaged); default 8
     * @return this
     */
    public PaymentEngineBuilder lostTradeSearch(int consecutiveNotFound, int runsWhenIntact) {
        if (consecutiveNotFound < 0 || consecutiveNotFound > 100) {
            throw new ConfigurationException("lostTradeSearch.consecutiveNotFound", "must be 0-100, got "
                    + consecutiveNotFound);
        }
        if (runsWhenIntact < 1 || runsWhenIntact > 1000) {
            throw new ConfigurationException("lostTradeSearch.runsWhenIntact", "must be 1-1000, got "
                    + runsWhenIntact);
        }
        this.lostTradeSearch = new LostTradeSearch.Settings(consecutiveNotFound, runsWhenIntact,
                LostTradeSearch.Settings.DEFAULT.maxNumbersPerRun());
        return this;
    }

    /** @param resolver decides capability and supplies the method registry; required @return this */
    public PaymentEngineBuilder resolver(CapabilityResolver resolver) {
        this.resolver = resolver;
        return this;
    }

    /** @param context this terminal and merchant, asked afresh per payment (health changes); required @return this */
    public PaymentEngineBuilder context(Supplier<CheckoutContext> context) {
        this.context = context;
        return this;
    }

    /** @param store where trades are journaled; required @return this */
    public PaymentEngineBuilder store(TransactionStore store) {
        this.store = store;
        return this;
    }

    /** @param channelId a merchant channel @param gateway the gateway serving it @return this */
    public PaymentEngineBuilder gateway(String channelId, PaymentGateway gateway) {
        gateways.put(Objects.requireNonNull(channelId, "channelId"), Objects.requireNonNull(gateway, "gateway"));
        return this;
    }

    /** @param scheduler the engine's timers and clock; required @return this */
    public PaymentEngineBuilder scheduler(TaskScheduler scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    /**
     * @param executor runs the trades' steps, which block on gateway and journal I/O; default the
     *     scheduler's {@link TaskScheduler#blockingExecutor()}
     * @return this
     */
    public PaymentEngineBuilder gatewayExecutor(Executor executor) {
        this.gatewayExecutor = Objects.requireNonNull(executor, "gatewayExecutor");
        return this;
    }

    /** @param listener told of every change; default none @return this */
    public PaymentEngineBuilder listener(TradeListener listener) {
        this.listener = listener;
        return this;
    }

    /** @param classifier tells wallets by payment code; default the standard rules @return this */
    public PaymentEngineBuilder classifier(PaymentCodeClassifier classifier) {
        this.classifier = classifier;
        return this;
    }

    /**
     * @param schedule the merchant's fee schedule: routes to the cheapest capable channel and
     *     prices paid trades (replaces {@link #pricing})
     * @return this
     */
    public PaymentEngineBuilder feeSchedule(FeeSchedule schedule) {
        this.feeSchedule = Optional.of(schedule);
        this.pricing = new FeeSchedulePricing(schedule);
        return this;
    }

    /** @param pricing prices paid trades; default none @return this */
    public PaymentEngineBuilder pricing(PaymentPricing pricing) {
        this.pricing = pricing;
        return this;
    }

    /** @param businessZone the offset of the business day for listings; default UTC+8 @return this */
    public PaymentEngineBuilder businessZone(ZoneOffset businessZone) {
        this.businessZone = businessZone;
        return this;
    }

    /** @param terminalId this terminal's id: 1-12 ASCII letters or digits, unique per merchant; required @return this */
    public PaymentEngineBuilder terminalId(String terminalId) {
        this.terminalId = terminalId;
        return this;
    }

    Executor gatewayExecutor() {
        return gatewayExecutor != null ? gatewayExecutor : scheduler.blockingExecutor();
    }

    /**
     * @return the engine
     * @throws ConfigurationException naming the missing setting, or the merchant channels that have
     *     no gateway
     */
    public PaymentEngine build() {
        require("scheduler", scheduler);
        CapabilityResolver resolver = this.resolver;
        Supplier<CheckoutContext> context = this.context;
        if (direct != null) {
            if (resolver != null || context != null) {
                throw new ConfigurationException("directAccount", "brings its own resolver and context: set either "
                        + "directAccount(...) or resolver(...) and context(...), not both");
            }
            resolver = direct.resolver(scheduler);
            CheckoutContext built = direct.context();
            context = () -> built;
        }
        require("resolver", resolver);
        require("context", context);
        require("store", store);
        require("listener", listener);
        require("classifier", classifier);
        require("pricing", pricing);
        require("businessZone", businessZone);
        if (gateways.isEmpty()) {
            throw new ConfigurationException("gateways", "configure at least one channel's gateway");
        }
        CheckoutContext ctx = Objects.requireNonNull(context.get(), "the context supplier returned null");
        List<String> missing = new ArrayList<>();
        for (String channelId : ctx.merchant().channelIds()) {
            if (!gateways.containsKey(channelId)) {
                missing.add(channelId);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("gateways", "merchant channel(s) " + missing + " have no gateway: add "
                    + "gateway(channelId, gateway) for each (configured: " + gateways.keySet().stream().sorted().toList()
                    + ")");
        }
        return new PaymentEngine(this, resolver, context);
    }

    private static void require(String name, Object value) {
        if (value == null) {
            throw new ConfigurationException(name, "is required");
        }
    }
}
