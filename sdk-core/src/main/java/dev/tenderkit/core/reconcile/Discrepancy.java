package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * One disagreement between the store and a wallet's bill, with both sides as each recorded it and what to do.
 *
 * @param kind what disagrees, by direction
 * @param outTradeNo the trade
 * @param orderId the POS's order id, when the store has the trade
 * @param refundRequestNo the refund, for refund discrepancies
 * @param ours the amount the store records (paid or refunded), when it has one
 * @param ourState the store's state of the trade or refund, when it has one
 * @param theirs the amount on the bill, when the bill has one
 * @param theirState the bill's status text, when the bill has a row
 * @param walletTradeNo the wallet's trade number, when the bill has a row
 * @param billLine the bill's line, when it has a row
 * @param explanation one sentence for people
 */
public record Discrepancy(DiscrepancyKind kind, String outTradeNo, Optional<String> orderId,
        Optional<String> refundRequestNo, Optional<Money> ours, Optional<String> ourState, Optional<Money> theirs,
        Optional<String> theirState, Optional<String> walletTradeNo, Optional<Long> billLine, String explanation) {

    /** Validates. */
    public Discrepancy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(refundRequestNo, "refundRequestNo");
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(ourState, "ourState");
        Objects.requireNonNull(theirs, "theirs");
        Objects.requireNonNull(theirState, "theirState");
        Objects.requireNonNull(walletTradeNo, "walletTradeNo");
        Objects.requireNonNull(billLine, "billLine");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** @return what settles it */
    public ReconciliationAction action() {
        return kind.action();
    }
}
