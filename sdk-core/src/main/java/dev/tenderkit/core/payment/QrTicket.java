package dev.tenderkit.core.payment;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A started QR payment: the code to show and the outcome to wait for.
 *
 * @param outTradeNo the trade number, absent when the payment was refused before any trade
 * @param qrCode completes with the code to show (fails if the wallet gave none)
 * @param outcome completes when the trade is paid, closed, failed, refused or flagged
 */
public record QrTicket(Optional<String> outTradeNo, CompletableFuture<String> qrCode,
        CompletableFuture<TradeOutcome> outcome) {
    /** Validates. */
    public QrTicket {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(qrCode, "qrCode");
        Objects.requireNonNull(outcome, "outcome");
    }
}
