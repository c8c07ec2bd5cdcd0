package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * Prices a confirmed payment for the merchant: the engine asks after a trade is paid, with the
 * method the buyer actually used (Huabei rather than plain Alipay when the wallet reports credit).
 * {@link FeeSchedulePricing} prices from a fee schedule.
 */
@FunctionalInterface
public interface PaymentPricing {
    /** Prices nothing. */
    PaymentPricing NONE = (channelId, method, amount, installments, paidAt) -> Optional.empty();

    /**
     * @param channelId the channel that took the payment
     * @param pricedAs the method the buyer actually used
     * @param amount the amount paid
     * @param installments the installment plan, if any (who bears its fee changes the merchant's fee)
     * @param paidAt when it was paid (selects the schedule version in force)
     * @return the merchant's fee, or empty when nothing prices it
     */
    Optional<Money> merchantFee(String channelId, PaymentMethod pricedAs, Money amount,
            Optional<InstallmentPlan> installments, Instant paidAt);
}
