/**
 * JMH benchmarks of the transaction journal: the fsync'd cost of a paid trade against one bare
 * forced write of the same bytes, and the forces per trade under group commit (issue 13).
 */
package dev.tenderkit.benchmarks.journal;
