package dev.tenderkit.core.reconcile;

/** What a row of a wallet's bill records. */
public enum BillEntryKind {
    /** The buyer paid: money in (Alipay {@code 业务类型=交易}, WeChat Pay {@code 交易状态=SUCCESS}). */
    PAYMENT,
    /**
     * Money returned to the buyer by a refund (Alipay {@code 业务类型=退款}, WeChat Pay {@code 交易状态=REFUND});
     * it carries the merchant's refund request number when the refund was asked for by number.
     */
    REFUND,
    /**
     * A payment undone by a reversal (WeChat Pay {@code 交易状态=REVOKED}): the trade is on the bill but
     * keeps no money.
     */
    REVOKED
}
