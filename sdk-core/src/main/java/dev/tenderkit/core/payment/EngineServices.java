package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.time.TaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link TradeServices}: the scheduler for timers, the gateway executor for steps
 * (they block on gateway and journal I/O), the store and listener, pricing, and the in-flight set.
 * Thread-safe.
 */
final class EngineServices implements TradeServices {
    private static final Logger LOG = LoggerFactory.getLogger(EngineServices.class);

    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Executor gatewayExecutor;
    private final TransactionStore store;
    private final TradeListener listener;
    private final PaymentPricing pricing;
    private final MethodChoice methods;
    private final InFlight inFlight;

    EngineServices(TaskScheduler scheduler, Executor gatewayExecutor, TransactionStore store, TradeListener listener,
            PaymentPricing pricing, MethodChoice methods, InFlight inFlight) {
        this.clock = scheduler.clock();
        this.scheduler = scheduler;
        this.gatewayExecutor = gatewayExecutor;
        this.store = store;
        this.listener = listener;
        this.pricing = pricing;
        this.methods = methods;
        this.inFlight = inFlight;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void run(Runnable body) {
        gatewayExecutor.execute(body);
    }

    @Override
    public void schedule(Runnable body, Duration delay) {
        scheduler.schedule(() -> gatewayExecutor.execute(body), delay);
    }

    @Override
    public void save(TradeRecord record) {
        store.save(record);
        notify(() -> listener.onTradeChanged(record));
    }

    @Override
    public void save(RefundRecord record) {
        store.save(record);
        notify(() -> listener.onRefundChanged(record));
    }

    @Override
    public void attentionNeeded(TradeRecord record) {
        notify(() -> listener.onAttentionNeeded(record));
    }

    @Override
    public Optional<Money> price(TradeRecord trade, Optional<PaymentMethod> requested, Payment payment) {
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        PaymentMethod pricedAs = methods.pricedAs(requested.get(), payment.fundingSource());
        try {
            return pricing.merchantFee(trade.channelId(), pricedAs, payment.amount(), trade.installments(),
                    payment.paidAt());
        } catch (RuntimeException e) {
            LOG.error("trade {}: pricing the payment as {} failed; the trade is recorded paid without a fee",
                    trade.outTradeNo(), pricedAs.id(), e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<TradeRecord> trade(String outTradeNo) {
        return store.find(outTradeNo);
    }

    @Override
    public Money refundedTotal(String outTradeNo) {
        Money total = Money.ZERO;
        for (RefundRecord r : store.refunds(outTradeNo)) {
            if (r.state() == RefundState.REFUNDED) {
                total = total.plus(r.amount());
            }
        }
        return total;
    }

    @Override
    public void finished(TradeContext trade) {
        inFlight.finished(trade);
    }

    @Override
    public void finished(RefundProcess refund) {
        inFlight.finished(refund);
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("a trade listener threw; the payment is unaffected", e);
        }
    }
}
