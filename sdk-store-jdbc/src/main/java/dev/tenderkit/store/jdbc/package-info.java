/**
 * {@link dev.tenderkit.store.jdbc.JdbcTransactionStore}: trades and refunds in PostgreSQL (or another
 * database speaking the same SQL), shared by several engines; the schema ships as SQL files beside
 * these classes.
 */
package dev.tenderkit.store.jdbc;
