package dev.tenderkit.testkit.crash;

import java.util.Objects;

/**
 * What a crash child told the cashier about an order, read from its {@code OUTCOME} line.
 *
 * @param orderId the order
 * @param outTradeNo its trade
 * @param kind PAID, FAILED, REVERSED or UNRESOLVED
 */
public record CashierTold(String orderId, String outTradeNo, String kind) {
    /** Validates. */
    public CashierTold {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(kind, "kind");
    }
}
