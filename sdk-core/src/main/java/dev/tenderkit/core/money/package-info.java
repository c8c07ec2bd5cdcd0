/**
 * Money: amounts of CNY as exact whole numbers of fen (分, 0.01 yuan).
 *
 * <p>{@link dev.tenderkit.core.money.Money} is the only money type in TenderKit. It never holds a
 * negative amount, never uses binary floating point, and every operation that could overflow or
 * go below zero throws {@link dev.tenderkit.core.InvalidInputException} with
 * {@link dev.tenderkit.core.ErrorCode#INVALID_AMOUNT} instead of producing a wrong number.
 * Amounts enter from text only through its strict parser, which accepts yuan with at most two
 * decimals ({@code "88"}, {@code "88.00"}, {@code "0.01"}) and nothing looser.
 *
 * <p>Everything in this package is immutable and safe to share between threads, and no method
 * accepts or returns {@code null}.
 */
package dev.tenderkit.core.money;
