package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.Payment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the steps of a trade or a refund may use — time, the two executors, the store with its
 * listener, pricing — and never the engine itself. Implementations are thread-safe.
 */
interface TradeServices {

    /** @return the engine's time */
    Instant now();

    /** Runs {@code body} now on the gateway executor (it may block on I/O). */
    void run(Runnable body);

    /** Runs {@code body} on the gateway executor once {@code delay} has passed on the scheduler. */
    void schedule(Runnable body, Duration delay);

    /** Journals a trade record durably, then tells the listener; throws when the store fails. */
    void save(TradeRecord record);

    /** Journals a refund record durably, then tells the listener; throws when the store fails. */
    void save(RefundRecord record);

    /** Tells the listener a trade needs a person. */
    void attentionNeeded(TradeRecord record);

    /**
     * @param requested the method asked for; empty when the registry does not know it (then unpriced)
     * @return the merchant's fee for a payment, priced as what the buyer actually used; empty when unpriced
     */
    Optional<Money> price(TradeRecord trade, Optional<PaymentMethod> requested, Payment payment);

    /** @return a trade's latest record in the store */
    Optional<TradeRecord> trade(String outTradeNo);

    /** @return the sum of a trade's confirmed refunds, from the store's refund records */
    Money refundedTotal(String outTradeNo);

    /** The trade's steps are over (final, failed to journal, or broken): it leaves the in-flight set. */
    void finished(TradeContext trade);

    /** The refund's steps are over. */
    void finished(RefundProcess refund);
}
