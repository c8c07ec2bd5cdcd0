package dev.tenderkit.core.capability;

/**
 * Why a payment method is refused, in a vocabulary shared by the capability resolver (before an
 * attempt) and by the wallet adapters (mapping a wallet's error after an attempt). The constant
 * names are the stable cause codes: they are never renamed or reused. {@link #party()} tells
 * buyer-side causes (not the merchant's to fix) from merchant-side ones.
 */
public enum Cause {
    /** This brand/model's software is not integrated with the wallet feature. */
    TERMINAL_NOT_CERTIFIED(Party.TERMINAL),
    /** The terminal software is below the minimum version for the feature. */
    TERMINAL_SOFTWARE_OUTDATED(Party.TERMINAL),
    /** The wallet interface is not configured on this terminal (keys, app id, switches). */
    TERMINAL_NOT_CONFIGURED(Party.TERMINAL),
    /** A peripheral the method needs (scanner, card reader, PIN pad) is missing. */
    TERMINAL_HARDWARE_MISSING(Party.TERMINAL),
    /** The terminal failed a health check that the method depends on. */
    TERMINAL_UNHEALTHY(Party.TERMINAL),
    /** The channel does not offer the method at all. */
    CHANNEL_METHOD_UNSUPPORTED(Party.CHANNEL),
    /** The merchant has not submitted the product's qualification on this channel. */
    MERCHANT_QUALIFICATION_MISSING(Party.MERCHANT),
    /** The merchant's qualification is under review. */
    MERCHANT_QUALIFICATION_PENDING(Party.MERCHANT),
    /** The merchant's qualification was rejected. */
    MERCHANT_QUALIFICATION_REJECTED(Party.MERCHANT),
    /** The merchant's qualification has expired. */
    MERCHANT_QUALIFICATION_EXPIRED(Party.MERCHANT),
    /** The merchant category (MCC) may not take this method. */
    MERCHANT_CATEGORY_RESTRICTED(Party.MERCHANT),
    /** The amount is below a minimum or above a limit for the method. */
    AMOUNT_OUT_OF_RANGE(Party.TRANSACTION),
    /**
     * The installment plan asked for is not one the wallet offers (5 periods where Alipay offers 3, 6
     * or 12), or the wallet offers no installments at all.
     */
    INSTALLMENT_PLAN_UNAVAILABLE(Party.TRANSACTION),
    /** The platform policy data is older than allowed. */
    POLICY_STALE(Party.PLATFORM),
    /** A vendor- or module-supplied rule refused for a reason outside this vocabulary. */
    OTHER(Party.PLATFORM),
    /** After an attempt: the buyer's balance or credit line does not cover the amount. */
    BUYER_INSUFFICIENT_FUNDS(Party.BUYER),
    /** After an attempt: the payment code is invalid, expired or already used; ask for a fresh one. */
    BUYER_PAYMENT_CODE_INVALID(Party.BUYER),
    /** After an attempt: the wallet declined the buyer (risk control, account restricted, buyer cancelled). */
    BUYER_PAYMENT_DECLINED(Party.BUYER),
    /** After an attempt: the gateway refused for a merchant-side reason outside this vocabulary; see its raw code. */
    GATEWAY_REJECTED(Party.CHANNEL);

    private final Party party;

    Cause(Party party) {
        this.party = party;
    }

    /** @return the stable code, equal to {@link #name()} */
    public String code() {
        return name();
    }

    /** @return who can act on it */
    public Party party() {
        return party;
    }
}
