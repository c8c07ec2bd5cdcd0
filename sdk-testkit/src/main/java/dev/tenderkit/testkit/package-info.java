/**
 * Simulated wallets for testing offline and for the examples: {@link dev.tenderkit.testkit.InMemoryWallet},
 * an in-memory wallet with a ledger, scripted buyers and fault injection.
 */
package dev.tenderkit.testkit;
