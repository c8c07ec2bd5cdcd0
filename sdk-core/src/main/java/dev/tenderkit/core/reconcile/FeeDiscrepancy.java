package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment whose fee on the bill is not the fee the merchant's schedule contracts for that channel, method and
 * business day: the evidence a merchant takes into a rate negotiation.
 *
 * @param outTradeNo the trade
 * @param channelId the channel it went through
 * @param methodId the payment method
 * @param amount the amount paid
 * @param scheduleVersion the id of the schedule version in effect that day
 * @param contractedRate the contract's percentage rate
 * @param contractedFee the fee the contract gives for the payment (rounded as the schedule rounds)
 * @param billedFee the fee the bill states
 * @param billedRate the rate the bill states or, when it states none (Alipay), the fee divided by the amount
 * @param overchargeMilliFen billed minus contracted, in thousandths of a fen (negative: charged less)
 * @param billLine the bill's line
 */
public record FeeDiscrepancy(String outTradeNo, String channelId, String methodId, Money amount,
        String scheduleVersion, FeeRate contractedRate, Money contractedFee, BilledFee billedFee,
        Optional<FeeRate> billedRate, long overchargeMilliFen, long billLine) {
    /** Validates. */
    public FeeDiscrepancy {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(scheduleVersion, "scheduleVersion");
        Objects.requireNonNull(contractedRate, "contractedRate");
        Objects.requireNonNull(contractedFee, "contractedFee");
        Objects.requireNonNull(billedFee, "billedFee");
        Objects.requireNonNull(billedRate, "billedRate");
    }
}
