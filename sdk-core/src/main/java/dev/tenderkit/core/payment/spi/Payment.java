package dev.tenderkit.core.payment.spi;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed payment as the gateway reports it.
 *
 * @param gatewayTradeNo the wallet's trade number
 * @param amount the amount charged
 * @param fundingSource what the buyer paid with
 * @param paidAt when the wallet says it was paid
 */
public record Payment(String gatewayTradeNo, Money amount, FundingSource fundingSource, Instant paidAt) {
    /** Validates. */
    public Payment {
        Objects.requireNonNull(gatewayTradeNo, "gatewayTradeNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fundingSource, "fundingSource");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
