/** What reconciling a business day against a wallet's bill costs: time and heap for a day of 100,000 rows. */
package dev.tenderkit.benchmarks.reconcile;
