package dev.tenderkit.core.payment.spi;

import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * A refund as sent to a gateway; idempotent by {@link #refundRequestNo()} within the trade.
 *
 * @param trade the trade to refund
 * @param refundRequestNo the refund's own number, unique within the trade
 * @param amount the amount to refund now
 * @param tradeAmount the trade's original amount (some wallets require it)
 * @param reason why, shown to the buyer
 */
public record RefundRequest(TradeRef trade, String refundRequestNo, Money amount, Money tradeAmount, String reason) {
    /** Validates. */
    public RefundRequest {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(refundRequestNo, "refundRequestNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(tradeAmount, "tradeAmount");
        Objects.requireNonNull(reason, "reason");
    }
}
