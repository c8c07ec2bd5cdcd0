package dev.tenderkit.testkit.reconcile;

import dev.tenderkit.core.reconcile.DiscrepancyKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One divergence injected into a generated day, as a correct reconciliation reports it.
 *
 * @param kind the discrepancy it must produce
 * @param outTradeNo the trade
 * @param refundRequestNo the refund, for refund divergences
 */
public record Divergence(DiscrepancyKind kind, String outTradeNo, Optional<String> refundRequestNo) {
    /** Validates. */
    public Divergence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(refundRequestNo, "refundRequestNo");
    }
}
