/**
 * The back-office example: three engines (three lanes of two stores, each a process of its own) take
 * payments against the simulated Alipay on one PostgreSQL database through the JDBC store; one of
 * them is killed with SIGKILL with trades in flight, and another lane's {@code recover()} finishes
 * them once the dead lane's lease has passed. {@link dev.tenderkit.examples.backoffice.BackofficeExample}
 * is the program; {@link dev.tenderkit.examples.backoffice.BackofficeLane} is one lane's process.
 */
package dev.tenderkit.examples.backoffice;
