package dev.tenderkit.core.payment;

/**
 * Told of every journaled change, for the cashier screen ("waiting for the buyer to confirm") and
 * for operations. Called after the change is durable, on the engine's threads: be quick, don't
 * block. An exception thrown here is logged and does not affect the payment.
 */
public interface TradeListener {
    /** Does nothing. */
    TradeListener NONE = new TradeListener() {
    };

    /** A trade changed state (or noted a problem). */
    default void onTradeChanged(TradeRecord trade) {
    }

    /** A trade was flagged for a person. */
    default void onAttentionNeeded(TradeRecord trade) {
    }

    /** A refund changed state. */
    default void onRefundChanged(RefundRecord refund) {
    }
}
