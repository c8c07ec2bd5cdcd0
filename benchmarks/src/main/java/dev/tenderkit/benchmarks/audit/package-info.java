/**
 * JMH benchmarks of the operators' audit trail: its SHA-256 chain verified on open, in entries per
 * second (issue 15).
 */
package dev.tenderkit.benchmarks.audit;
