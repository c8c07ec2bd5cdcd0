package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.ConfigurationException;

/**
 * How an {@link AppendOnlyJournal} behaves.
 *
 * @param syncOnAppend whether each append is forced to the storage device before it returns.
 *     Always true in production: the payment invariants (intent durable before a request leaves,
 *     final states durable) rest on it. False only for benchmarks of the engine's own overhead
 *     (and tests): the anchor's high-water mark may then reach the disk before the records it
 *     counts, and a power cut would make the journal look truncated.
 * @param maxRecordBytes the largest payload accepted; also bounds what a damaged length field can
 *     make the reader believe
 */
public record JournalOptions(boolean syncOnAppend, int maxRecordBytes) {
    /** Durable appends, payloads up to 1 MiB. */
    public static final JournalOptions DURABLE = new JournalOptions(true, 1 << 20);

    /** Validates. */
    public JournalOptions {
        if (maxRecordBytes < 1 || maxRecordBytes > (64 << 20)) {
            throw new ConfigurationException("maxRecordBytes", "must be within 1 byte .. 64 MiB, got " + maxRecordBytes);
        }
    }
}
