/**
 * Fees and least-cost routing: what a payment costs on each of the merchant's channels, and which
 * channel that can take it costs the merchant least.
 *
 * <ul>
 *   <li>{@link dev.tenderkit.core.fee.FeeSchedule}: per channel, effective-dated
 *       {@link dev.tenderkit.core.fee.FeeScheduleVersion}s of
 *       {@link dev.tenderkit.core.fee.MethodFees} (exact rates in parts per million, fixed fee,
 *       minimum, cap, settlement-speed surcharges, installment fees and who bears them, promotional
 *       waivers), read from JSON by {@link dev.tenderkit.core.fee.FeeScheduleReader};
 *   <li>{@link dev.tenderkit.core.fee.FeeSchedule#quote} prices a
 *       {@link dev.tenderkit.core.fee.QuoteRequest} into a {@link dev.tenderkit.core.fee.FeeQuote}
 *       (or says why it cannot: {@link dev.tenderkit.core.fee.NotPriced});
 *   <li>{@link dev.tenderkit.core.fee.LeastCostRouter} ranks the channels the capability resolver
 *       accepts by what they cost the merchant, and explains every channel it excludes.
 * </ul>
 *
 * Money is in fen and every computation is exact integer arithmetic: there is no binary floating
 * point in this package. Business days are reckoned in China Standard Time (UTC+8).
 */
package dev.tenderkit.core.fee;
