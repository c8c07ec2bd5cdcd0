package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment or refund the store made near the end of the day that the day's bill does not list: the wallet may
 * have dated it into the next day, so it is held, not counted, and carried into the next day's reconciliation
 * ({@link Reconciler#reconcile(BillDownload, java.util.List)}), which settles it either way.
 *
 * @param outTradeNo the trade
 * @param refundRequestNo the refund, for a held refund
 * @param amount what the store records as paid or refunded
 * @param at when the store dates it (the payment's time, the refund's request)
 */
public record HeldEntry(String outTradeNo, Optional<String> refundRequestNo, Money amount, Instant at) {
    /** Validates. */
    public HeldEntry {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(refundRequestNo, "refundRequestNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
    }
}
