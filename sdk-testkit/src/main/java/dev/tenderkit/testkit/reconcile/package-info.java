/**
 * Generated business days for testing a reconciliation: the store's trades and refunds, the wallet's bill of the
 * day as wallet-neutral rows, the divergences injected between them and what a correct reconciliation must find.
 * The bills can be written in each wallet's real format by the simulators' bill writers.
 */
package dev.tenderkit.testkit.reconcile;
