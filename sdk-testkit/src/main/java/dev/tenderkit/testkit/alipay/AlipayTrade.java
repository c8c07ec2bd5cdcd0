package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One trade in the simulated Alipay's ledger, as an immutable snapshot.
 *
 * @param outTradeNo the merchant's trade number
 * @param tradeNo the simulator's trade number
 * @param kind how the trade was created: {@code "BAR_CODE"} (trade.pay), {@code "QR"}
 *     (trade.precreate) or {@code "NONE"} (a cancel or close of a number the simulator never saw,
 *     which reserves the number closed)
 * @param totalAmount the trade's amount (zero for {@code NONE})
 * @param status {@code WAIT_BUYER_PAY}, {@code TRADE_SUCCESS} or {@code TRADE_CLOSED}
 * @param charged what the buyer is charged now: the amount once paid, less refunds and reversals
 * @param fundChannel the funding used once paid: {@code ALIPAYACCOUNT} or {@code PCREDIT} (Huabei);
 *     empty while unpaid
 * @param installments Huabei installment periods (3, 6, 12), 0 when none
 * @param refunds out_request_no → amount refunded by it, in the order received
 * @param closedBy {@code "cancel"}, {@code "close"} or {@code "refund"} (fully refunded) once closed
 */
public record AlipayTrade(String outTradeNo, String tradeNo, String kind, Money totalAmount, Status status,
        Money charged, Optional<String> fundChannel, int installments, Map<String, Money> refunds,
        Optional<String> closedBy) {

    /** The trade_status values the simulator uses. */
    public enum Status {
        /** Created, the buyer has not paid. */
        WAIT_BUYER_PAY,
        /** Paid; possibly partly refunded. */
        TRADE_SUCCESS,
        /** Closed: never paid and closed or cancelled, reversed after payment, or fully refunded. */
        TRADE_CLOSED
    }

    /** Checks and copies. */
    public AlipayTrade {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(tradeNo, "tradeNo");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(fundChannel, "fundChannel");
        Objects.requireNonNull(closedBy, "closedBy");
        refunds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(refunds));
    }

    /** @return whether the buyer was ever charged for this trade (paid, even if since refunded or reversed) */
    public boolean everPaid() {
        return fundChannel.isPresent();
    }

    /** @return whether the money came from Huabei */
    public boolean huabei() {
        return fundChannel.filter("PCREDIT"::equals).isPresent();
    }

    /** @return the sum of all refunds */
    public Money refunded() {
        Money sum = Money.ZERO;
        for (Money m : refunds.values()) {
            sum = sum.plus(m);
        }
        return sum;
    }
}
