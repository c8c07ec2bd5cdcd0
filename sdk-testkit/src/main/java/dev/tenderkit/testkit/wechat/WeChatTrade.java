package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One order in the simulated WeChat Pay's ledger, as an immutable snapshot. Amounts in fen.
 *
 * @param outTradeNo the merchant's order number
 * @param transactionId WeChat's transaction number (28 digits)
 * @param tradeType {@code MICROPAY} (codepay, the buyer's 付款码) or {@code NATIVE} (a QR code the buyer scans)
 * @param total the order amount
 * @param state the order's own state; a query reports {@code REFUND} for a paid order with refunds
 * @param charged what the buyer is out of pocket now: the amount once paid, less settled refunds
 *     and reversals
 * @param bankType the funding WeChat reports once paid ({@code OTHERS} for the balance, e.g.
 *     {@code CMB_CREDIT} for a credit card); empty while unpaid
 * @param successTime when it was paid; empty while unpaid
 * @param created when the order was created (the simulator's clock)
 */
public record WeChatTrade(String outTradeNo, String transactionId, String tradeType, Money total, State state,
        Money charged, Optional<String> bankType, Optional<Instant> successTime, Instant created) {

    /** The order states (trade_state) the simulator uses. */
    public enum State {
        /** Paid. */
        SUCCESS,
        /** Created and not paid (a QR order the buyer has not scanned). */
        NOTPAY,
        /** A barcode order waiting for the buyer's PIN. */
        USERPAYING,
        /** A barcode order the payment failed for (no funds, the buyer gave up). */
        PAYERROR,
        /** A barcode order reversed: by the merchant, or by WeChat 45 s after it was left unpaid. */
        REVOKED,
        /** Closed unpaid by the merchant. */
        CLOSED
    }

    /** Checks. */
    public WeChatTrade {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(tradeType, "tradeType");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(bankType, "bankType");
        Objects.requireNonNull(successTime, "successTime");
        Objects.requireNonNull(created, "created");
    }

    /** @return whether the buyer was ever charged for this order (paid, even if since refunded or reversed) */
    public boolean everPaid() {
        return successTime.isPresent();
    }

    /** @return whether the order is still open (waiting for the buyer) */
    public boolean open() {
        return state == State.NOTPAY || state == State.USERPAYING;
    }

    WeChatTrade with(State s, Money nowCharged) {
        return new WeChatTrade(outTradeNo, transactionId, tradeType, total, s, nowCharged, bankType, successTime, created);
    }

    WeChatTrade paid(String bank, Instant at) {
        return new WeChatTrade(outTradeNo, transactionId, tradeType, total, State.SUCCESS, total, Optional.of(bank),
                Optional.of(at), created);
    }
}
