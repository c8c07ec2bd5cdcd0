/**
 * The wallet-neutral harness of the crash tests across processes: a child JVM pays through the
 * engine and a wallet adapter against a simulated wallet in the test's JVM ({@link
 * dev.tenderkit.testkit.crash.CrashTerminal}), prints its progress ({@link
 * dev.tenderkit.testkit.crash.ChildProgress}), and is killed with SIGKILL at moments timed from it
 * ({@link dev.tenderkit.testkit.crash.KillRun}, {@link dev.tenderkit.testkit.crash.KillMoment}); after
 * the last kill a fresh engine recovers and {@link dev.tenderkit.testkit.crash.JournalLedgerAudit}
 * compares the journal with the wallet's ledger trade by trade. Each wallet's test supplies its
 * buyers, its simulator and the engine; an integrator can run the same against their own terminal
 * set-up.
 */
package dev.tenderkit.testkit.crash;
