package dev.tenderkit.core.payment.spi;

import java.util.Objects;

/**
 * Identifies a trade to its gateway.
 *
 * @param outTradeNo TenderKit's trade number, unique per merchant
 * @param channelId the channel the trade went through
 */
public record TradeRef(String outTradeNo, String channelId) {
    /** Validates. */
    public TradeRef {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(channelId, "channelId");
    }
}
