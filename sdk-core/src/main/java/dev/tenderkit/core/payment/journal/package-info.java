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
 *
 * <h2>Which records are durable before their save returns, and why that is safe</h2>
 *
 * One file, written in order, forced whole: a force makes every record written before it durable,
 * so a power cut can only lose a <em>suffix</em> of the journal — records written after the last
 * force. A process that dies (SIGKILL, crash) loses nothing written: the bytes are in the kernel.
 * {@link dev.tenderkit.core.payment.journal.SaveDurability} says which save is which:
 * <table>
 *   <caption>Record kinds</caption>
 *   <tr><th>record</th><th>durable</th><th>why</th></tr>
 *   <tr><td>a trade's intent (revision 0): a new trade, a QR trade, a further attempt of an order,
 *       a lost trade adopted by recovery</td><td>before return</td><td>invariant 1: a request may
 *       only leave for a trade the journal cannot forget; recovery only settles what it holds, or
 *       finds by the run prefixes</td></tr>
 *   <tr><td>a refund's request (revision 0)</td><td>before return</td><td>it is sent next; a
 *       refund the journal forgot could be paid out twice, or past what was paid</td></tr>
 *   <tr><td>awaiting the buyer, a QR code, problems noted, reversal attempts, attention flags</td>
 *       <td>with the next commit</td><td>lost, the trade is back at an earlier unfinished state;
 *       {@code recover()} queries the wallet for every unfinished trade and takes its answer;
 *       a flag is raised again when its condition recurs</td></tr>
 *   <tr><td>paid, failed</td><td>with the next commit</td><td>lost, the trade is unfinished again
 *       and recovery's query finds it paid (its final record is written again) or not (it is
 *       reversed, as at any deadline): the wallet's truth either way</td></tr>
 *   <tr><td>reversing, reversed</td><td>with the next commit</td><td>lost, recovery queries: a
 *       closed trade is recorded reversed, an open one is reversed again (closing is idempotent at
 *       the wallets)</td></tr>
 *   <tr><td>refunded, refund failed or retried, a trade's refunded total</td><td>with the next
 *       commit</td><td>lost, the refund is unfinished again; recovery asks the wallet by the same
 *       refund number (idempotent) and records its answer</td></tr>
 * </table>
 * Order makes the rest safe: a record that must precede a send is forced before the send, and its
 * force makes every earlier record durable too, so a lost progress record never hides a fact that a
 * later durable record relies on (for example, a further attempt of an order is forced only after
 * the earlier attempt's FAILED or REVERSED record, which it therefore carries to the device). A
 * close, a compaction, {@link dev.tenderkit.core.payment.journal.JournalTransactionStore#flush()}
 * and the run prefix make everything durable. Concurrent durable saves share forces (group commit);
 * a failed force fails them all and stops the journal until it is reopened, never retried.
 *
 * <p><b>The anchor</b> is not rewritten per append: it is raised to the durable length (a plain
 * write) by the append that finds it 64 KiB or more behind, and forced at open, compaction, repair,
 * a run prefix and close (to the whole journal). Recovery assumes only that it is a lower bound of
 * what was durable: a journal shorter than it is damage; records past it — at most 64 KiB of durable
 * ones and the lazy ones since the last force — may vanish with a power cut unnoticed by the open,
 * and are found again by recovery's queries of unfinished trades and its search of the noted runs.
 *
 * <p><b>A limit.</b> Before, at most the last record could be unforced at a power cut, so only a
 * torn tail could result. Now the unforced suffix may hold several records; if the kernel wrote
 * their pages back out of order, a power cut can leave a hole (zeros) with a valid lazy record
 * after it. The open then reports damage rather than cut it (it cannot tell such a hole from a
 * zeroed durable record, the anchor being a lower bound): recovery still settles every trade, and
 * payments wait for a person's {@code acceptDamage}. Safe, but not automatic.
 */
package dev.tenderkit.core.payment.journal;
