/**
 * The payment engine's durable memory: an append-only file of checksummed records with torn-tail
 * repair, corruption detection, an exclusive lock and atomic compaction. It stores bytes; what the
 * bytes mean is the engine's business.
 */
package dev.tenderkit.core.payment.journal;
