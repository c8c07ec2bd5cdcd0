package dev.tenderkit.core.channel;

/** Under which licence a channel processes payments for the merchant. */
public enum LicenceKind {
    /** A bank acquirer (银行收单). */
    BANK_ACQUIRER,
    /** A licensed non-bank payment institution with an acquiring licence (支付机构, e.g. Lakala). */
    PAYMENT_INSTITUTION,
    /** The wallet's own direct merchant account (直连商户). */
    WALLET_DIRECT,
    /** A wallet service provider acting for the merchant (服务商 / ISV). */
    SERVICE_PROVIDER
}
