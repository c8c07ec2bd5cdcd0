/**
 * Payments: the {@link dev.tenderkit.core.payment.PaymentGateway} SPI that wallet modules
 * implement, with results as sealed types that keep "definitely failed" apart from "outcome
 * unknown", and (in the {@code journal} subpackage) the durable record of every trade.
 */
package dev.tenderkit.core.payment;
