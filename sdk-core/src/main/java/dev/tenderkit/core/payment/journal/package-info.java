/**
 * The payment engine's durable memory: an append-only file of checksummed records with an
 * exclusive lock and atomic compaction. It stores bytes; what the bytes mean is the engine's
 * business.
 *
 * <p>What holds under damage:
 * <ul>
 *   <li>A <b>torn tail</b> — the last write of a crash, never acknowledged — is cut off, its bytes
 *       kept in a side file. Only a tail that cannot be anything else counts (see
 *       {@code JournalScanner}): the file ends inside the record, or zeros stand where it should be.</li>
 *   <li><b>Damage</b> — a complete record failing its CRC-32C, an impossible length, a bad header, a
 *       checksum-valid record that does not decode or contradicts its trade — is never cut off or
 *       dropped. The journal opens in salvage mode with every record it can read, the damaged bytes
 *       copied to {@code <journal>.damaged-<offset>}, and the store's
 *       {@link dev.tenderkit.core.payment.TransactionStore#integrity() integrity} names file, offset
 *       and problem. The engine then refuses new payments until a person calls
 *       {@link dev.tenderkit.core.payment.journal.JournalTransactionStore#acceptDamage(String)}.</li>
 *   <li>A <b>high-water mark</b> in {@code <journal>.anchor} (two checksummed slots) is a lower bound
 *       of the committed length: a journal found shorter — truncated anywhere, emptied, deleted — is
 *       damage, not a fresh start. The anchor also keeps the last out_trade_no run prefixes, which
 *       recovery uses to ask the wallets about numbers the journal lost.</li>
 * </ul>
 * The file format is unchanged (v1, {@code "TKJ1"}); journals written before the anchor open as
 * they are, and get one.
 */
package dev.tenderkit.core.payment.journal;
