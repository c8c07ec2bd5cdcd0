/**
 * The end-of-day example: a simulated day at both wallets, scripted to diverge from the till, reconciled
 * against each wallet's bill with the fee audit.
 */
package dev.tenderkit.examples.endofday;
