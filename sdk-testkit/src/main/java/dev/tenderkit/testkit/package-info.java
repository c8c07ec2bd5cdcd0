/**
 * Simulated wallets for testing offline and for the examples: {@link dev.tenderkit.testkit.InMemoryWallet},
 * an in-memory wallet with a ledger, scripted buyers and fault injection, and in
 * {@link dev.tenderkit.testkit.alipay} a simulated Alipay gateway over real HTTP on loopback.
 */
package dev.tenderkit.testkit;
