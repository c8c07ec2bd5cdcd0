package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * Prices a confirmed payment for the merchant: the engine asks after a trade is paid, with the
 * method the buyer actually used (Huabei rather than plain Alipay when the wallet reports credit).
 */
@FunctionalInterface
public interface PaymentPricing {
    /** Prices nothing. */
    PaymentPricing NONE = (channelId, method, amount, paidAt) -> Optional.empty();

    /**
     * @return the merchant's fee, or empty when no schedule prices it
     */
    Optional<Money> merchantFee(String channelId, PaymentMethod pricedAs, Money amount, Instant paidAt);
}
