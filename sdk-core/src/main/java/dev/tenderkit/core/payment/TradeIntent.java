package dev.tenderkit.core.payment;

import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a trade asks for, journaled before anything is sent and never changed afterwards: every
 * revision of a {@link TradeRecord} carries the same intent. Immutable.
 *
 * @param outTradeNo TenderKit's trade number, unique across terminals and restarts
 * @param orderId the POS's own order id
 * @param attempt which attempt of the order this is: 1 for the first; a new attempt is made only
 *     once the previous one is final and unpaid
 * @param kind barcode or QR
 * @param channelId the channel the trade goes through
 * @param gatewayId the gateway serving that channel
 * @param methodId the payment method requested
 * @param amount the amount to charge
 * @param subject what is sold
 * @param installments the installment plan requested, if any
 * @param maskedPaymentCode the buyer's payment code, masked ("" for QR trades)
 * @param paymentCodeDigest a digest of the whole payment code salted with the out_trade_no
 *     ({@link PaymentCodeDigest}), so that a second request for the same order can be told to carry
 *     the same code without keeping the code; empty for QR trades and for records written before it
 * @param createdAt when the intent was journaled
 * @param deadline when an unpaid trade is reversed
 */
public record TradeIntent(String outTradeNo, String orderId, int attempt, TradeKind kind, String channelId,
        String gatewayId, String methodId, Money amount, String subject, Optional<InstallmentPlan> installments,
        String maskedPaymentCode, Optional<String> paymentCodeDigest, Instant createdAt, Instant deadline) {

    /** Validates. */
    public TradeIntent {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(orderId, "orderId");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt + ": " + outTradeNo);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(installments, "installments");
        Objects.requireNonNull(maskedPaymentCode, "maskedPaymentCode");
        Objects.requireNonNull(paymentCodeDigest, "paymentCodeDigest");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** @return the same intent under another order id (a repair moving a duplicate aside) */
    public TradeIntent underOrder(String otherOrderId) {
        return new TradeIntent(outTradeNo, otherOrderId, attempt, kind, channelId, gatewayId, methodId, amount,
                subject, installments, maskedPaymentCode, paymentCodeDigest, createdAt, deadline);
    }
}
