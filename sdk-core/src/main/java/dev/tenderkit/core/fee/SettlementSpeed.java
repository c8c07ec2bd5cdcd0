package dev.tenderkit.core.fee;

/**
 * When the channel pays the merchant the net amount. Faster settlement usually costs a surcharge
 * ({@link SettlementSurcharge}); a schedule says which speeds it prices for each method.
 */
public enum SettlementSpeed {
    /**
     * Next business day (T+1), the standard. Always priced: with no surcharge unless the schedule
     * lists one.
     */
    T1,
    /**
     * Same day, weekends and holidays included (D+0, 当日到账). Priced only where the schedule
     * lists a D0 surcharge for the method; elsewhere the channel does not offer it.
     */
    D0
}
