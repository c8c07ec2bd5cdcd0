package dev.tenderkit.core.payment;

import dev.tenderkit.core.fee.FeeQuote;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.InstallmentFeeShare;
import dev.tenderkit.core.fee.QuoteOutcome;
import dev.tenderkit.core.fee.QuoteRequest;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices paid trades from a {@link FeeSchedule}: the version in force on the business day the
 * trade was paid, with the installment fee borne as the trade's plan says. Thread-safe.
 */
public final class FeeSchedulePricing implements PaymentPricing {
    private static final Logger LOG = LoggerFactory.getLogger(FeeSchedulePricing.class);

    private final FeeSchedule schedule;

    /** @param schedule the merchant's fee schedule */
    public FeeSchedulePricing(FeeSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** @return the schedule */
    public FeeSchedule schedule() {
        return schedule;
    }

    /** @return the quote request for a payment, as the engine routes and prices it */
    static QuoteRequest request(PaymentMethod method, Money amount, Optional<InstallmentPlan> installments, Instant at) {
        QuoteRequest.Builder b = QuoteRequest.builder(method, amount).at(at);
        installments.ifPresent(p -> b.installmentShare(
                p.feeBearer() == FeeBearer.SELLER ? InstallmentFeeShare.SELLER : InstallmentFeeShare.BUYER));
        return b.build();
    }

    @Override
    public Optional<Money> merchantFee(String channelId, PaymentMethod pricedAs, Money amount,
            Optional<InstallmentPlan> installments, Instant paidAt) {
        QuoteOutcome q = schedule.quote(channelId, request(pricedAs, amount, installments, paidAt));
        if (q instanceof FeeQuote quote) {
            return Optional.of(quote.merchantFee());
        }
        LOG.warn("the fee schedule does not price {} on channel {}: {}", pricedAs.id(), channelId, q);
        return Optional.empty();
    }
}
