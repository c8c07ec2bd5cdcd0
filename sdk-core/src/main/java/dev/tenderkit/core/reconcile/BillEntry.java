package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a wallet's bill, wallet-neutral: what the wallet recorded for one of the merchant's trades.
 *
 * @param outTradeNo the merchant's trade number (our out_trade_no), trimmed of the bill's tabs and backticks
 * @param walletTradeNo the wallet's own number for the trade (支付宝交易号, 微信订单号)
 * @param kind what the row records
 * @param amount the amount of the row, never negative: for a payment, the order amount the buyer was charged
 *     (Alipay {@code 订单金额}, WeChat Pay {@code 订单金额}); for a refund, the amount returned (Alipay writes it
 *     negative, WeChat Pay positive: here it is always the magnitude); for a reversal, the order amount
 * @param refundRequestNo for a refund, the merchant's refund request number (Alipay {@code 退款批次号/请求号},
 *     WeChat Pay {@code 商户退款单号}), when the bill has one
 * @param time when the wallet dates the row (Alipay {@code 完成时间}, WeChat Pay {@code 交易时间}: the
 *     payment's success or the refund's time), read in the wallet's zone (UTC+8)
 * @param fee the fee the wallet charged on the row (returned, negative, on a refund), when the bill states one
 * @param walletStatus the row's status as the bill writes it, kept for people ({@code 交易}, {@code SUCCESS}…)
 * @param line the 1-based line of the row in the bill file, for people checking a finding against the file
 */
public record BillEntry(String outTradeNo, String walletTradeNo, BillEntryKind kind, Money amount,
        Optional<String> refundRequestNo, Instant time, Optional<BilledFee> fee, String walletStatus, long line) {

    /** Validates. */
    public BillEntry {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(walletTradeNo, "walletTradeNo");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundRequestNo, "refundRequestNo");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(walletStatus, "walletStatus");
        if (outTradeNo.isEmpty()) {
            throw new IllegalArgumentException("a bill entry needs the merchant's trade number (line " + line + ")");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1-based: " + line);
        }
    }
}
