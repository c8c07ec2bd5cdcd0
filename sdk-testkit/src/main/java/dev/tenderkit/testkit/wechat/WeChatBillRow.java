package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One detail row of a WeChat Pay trade bill, as {@link WeChatBillWriter} renders it: what the simulator's
 * ledger (or a test generating a day) says happened. Amounts in fen, the fee in thousandths of a fen
 * (WeChat writes five decimals of a yuan), the rate in parts per million ({@code 6000} = {@code 0.60%}).
 *
 * @param time when WeChat dates the row: the payment's success, or the refund's acceptance
 * @param transactionId WeChat's order number (微信订单号)
 * @param outTradeNo the merchant's order number (商户订单号)
 * @param tradeType {@code MICROPAY} or {@code NATIVE} (交易类型)
 * @param status {@link Status} (交易状态)
 * @param bankType the funding (付款银行), e.g. {@code OTHERS}
 * @param orderAmount the order amount (订单金额, 应结订单金额); zero on a refund row, as WeChat writes it
 * @param refundId WeChat's refund number on a refund row (微信退款单号)
 * @param outRefundNo the merchant's refund number on a refund row (商户退款单号)
 * @param refundAmount the amount refunded (退款金额); zero but on a refund row
 * @param refundStatus on a refund row {@code SUCCESS}, {@code PROCESSING}, {@code CHANGE} or {@code FAIL}; "" else
 * @param subject the goods' name (商品名称): no comma, backtick or line break, as WeChat does not quote
 * @param feeMilliFen the fee (手续费) in thousandths of a fen, negative on a refund row whose fee is returned
 * @param ratePpm the fee rate (费率) in parts per million
 */
public record WeChatBillRow(Instant time, String transactionId, String outTradeNo, String tradeType, Status status,
        String bankType, Money orderAmount, Optional<String> refundId, Optional<String> outRefundNo, Money refundAmount,
        String refundStatus, String subject, long feeMilliFen, long ratePpm) {

    /** The values of 交易状态. */
    public enum Status {
        /** A payment. */
        SUCCESS,
        /** A refund: a row of its own, dated when the refund was accepted. */
        REFUND,
        /** A payment undone by a reversal. */
        REVOKED
    }

    /** Checks. */
    public WeChatBillRow {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(orderAmount, "orderAmount");
        Objects.requireNonNull(refundAmount, "refundAmount");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(outRefundNo, "outRefundNo");
        for (String[] f : new String[][] {{"transactionId", transactionId}, {"outTradeNo", outTradeNo},
                {"tradeType", tradeType}, {"bankType", bankType}, {"refundStatus", refundStatus}, {"subject", subject}}) {
            plain(f[0], f[1]);
        }
        refundId.ifPresent(v -> plain("refundId", v));
        outRefundNo.ifPresent(v -> plain("outRefundNo", v));
        if (ratePpm < 0 || ratePpm > 1_000_000) {
            throw new IllegalArgumentException("ratePpm: 0 to 1,000,000, was " + ratePpm);
        }
        if (status == Status.REFUND && (outRefundNo.isEmpty() || refundId.isEmpty())) {
            throw new IllegalArgumentException("a refund row needs the refund numbers: " + outTradeNo);
        }
    }

    private static void plain(String name, String value) {
        Objects.requireNonNull(value, name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '`' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException(name + ": a bill cell cannot hold ',', '`' or a line break: " + value);
            }
        }
    }

    /**
     * @return a payment row of a barcode order paid from the balance
     */
    public static WeChatBillRow payment(Instant time, String transactionId, String outTradeNo, Money amount,
            long feeMilliFen, long ratePpm) {
        return new WeChatBillRow(time, transactionId, outTradeNo, "MICROPAY", Status.SUCCESS, "OTHERS", amount,
                Optional.empty(), Optional.empty(), Money.ZERO, "", "", feeMilliFen, ratePpm);
    }

    /**
     * @return a refund row: order amounts zero, the refund amount positive, the returned fee negative
     */
    public static WeChatBillRow refund(Instant time, String transactionId, String outTradeNo, String refundId,
            String outRefundNo, Money amount, String refundStatus, long feeMilliFen, long ratePpm) {
        return new WeChatBillRow(time, transactionId, outTradeNo, "MICROPAY", Status.REFUND, "OTHERS", Money.ZERO,
                Optional.of(refundId), Optional.of(outRefundNo), amount, refundStatus, "", feeMilliFen, ratePpm);
    }

    /**
     * @return a reversed payment's row: the order amount as paid, no fee
     */
    public static WeChatBillRow revoked(Instant time, String transactionId, String outTradeNo, Money amount,
            long ratePpm) {
        return new WeChatBillRow(time, transactionId, outTradeNo, "MICROPAY", Status.REVOKED, "OTHERS", amount,
                Optional.empty(), Optional.empty(), Money.ZERO, "", "", 0, ratePpm);
    }

    /**
     * The row WeChat Pay writes for a wallet-neutral entry (a generated day's bill): a payment with its fee and
     * rate, a refund under its refund number, a reversal; the rate defaults to 0.38% where the entry states none.
     *
     * @param e the entry
     * @return the row
     */
    public static WeChatBillRow of(dev.tenderkit.core.reconcile.BillEntry e) {
        long fee = e.fee().map(f -> f.milliFen()).orElse(0L);
        long ppm = e.fee().flatMap(f -> f.rate()).map(r -> r.ppm()).orElse(3800L);
        return switch (e.kind()) {
            case PAYMENT -> payment(e.time(), e.walletTradeNo(), e.outTradeNo(), e.amount(), fee, ppm);
            case REFUND -> refund(e.time(), e.walletTradeNo(), e.outTradeNo(), "50" + e.refundRequestNo().orElseThrow(),
                    e.refundRequestNo().orElseThrow(), e.amount(), "SUCCESS", 0, ppm);
            case REVOKED -> revoked(e.time(), e.walletTradeNo(), e.outTradeNo(), e.amount(), ppm);
        };
    }

    /** @return this row with another order amount */
    public WeChatBillRow withOrderAmount(Money amount) {
        return new WeChatBillRow(time, transactionId, outTradeNo, tradeType, status, bankType, amount, refundId,
                outRefundNo, refundAmount, refundStatus, subject, feeMilliFen, ratePpm);
    }

    /** @return this row with another subject and funding */
    public WeChatBillRow with(String subject, String bankType, String tradeType) {
        return new WeChatBillRow(time, transactionId, outTradeNo, tradeType, status, bankType, orderAmount, refundId,
                outRefundNo, refundAmount, refundStatus, subject, feeMilliFen, ratePpm);
    }
}
