package dev.tenderkit.core.method;

/** Who pays the installment fee of a Huabei installment plan (Alipay's hb_fq_seller_percent 0 or 100). */
public enum FeeBearer {
    /** The buyer pays the installment fee. */
    BUYER,
    /** The merchant pays the installment fee. */
    SELLER
}
