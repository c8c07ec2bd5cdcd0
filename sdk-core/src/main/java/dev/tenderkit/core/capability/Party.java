package dev.tenderkit.core.capability;

/** Who can act on a cause: it tells the cashier whom to call. */
public enum Party {
    /** The terminal, its software or its maintenance. */
    TERMINAL,
    /** The channel's product offering. */
    CHANNEL,
    /** The merchant's contracts and qualifications. */
    MERCHANT,
    /** The transaction itself (amount). */
    TRANSACTION,
    /** The platform's policy data. */
    PLATFORM,
    /** The buyer (balance, expired payment code): not the merchant's to fix. */
    BUYER
}
