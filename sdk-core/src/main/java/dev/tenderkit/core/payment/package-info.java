/**
 * Payments, the integrator's side: the {@link dev.tenderkit.core.payment.PaymentEngine}, the
 * requests a cashier makes and the outcomes it hears, the trade and refund records, the
 * {@link dev.tenderkit.core.payment.TransactionStore} they are kept in (the {@code journal}
 * subpackage holds the durable file store). What a wallet module implements is in
 * {@code dev.tenderkit.core.payment.spi}.
 *
 * <p>Under damage to its store the engine keeps one rule: no trade the wallet charged is lost
 * without the store or the engine saying so.
 * <ul>
 *   <li>A store reports what its open found ({@link dev.tenderkit.core.payment.TransactionStore#integrity()}:
 *       file, byte offset, problem for each {@link dev.tenderkit.core.payment.StoreDamage}). While it
 *       is damaged, {@code payAsync}, {@code startQr} and {@code refundAsync} throw
 *       {@link dev.tenderkit.core.ErrorCode#JOURNAL_DAMAGED} naming them and what to do: a record of a
 *       charged trade may be among the lost ones, and paying its order again would charge twice.</li>
 *   <li>{@code recover()} still runs: it settles what the store holds and asks the wallets about the
 *       out_trade_no values after the last one the store knows in each earlier run (they are
 *       sequential per run), adopting what it finds there as flagged trades (order id
 *       {@code LOST-<outTradeNo>}; paid ones are never reversed automatically). It does this on an
 *       intact store too, at a cost of a few queries per run
 *       ({@link dev.tenderkit.core.payment.LostTradeSearchResult}).</li>
 *   <li>Payments resume when a person repairs the store (for the journal,
 *       {@link dev.tenderkit.core.payment.journal.JournalTransactionStore#acceptDamage(String)}).</li>
 * </ul>
 */
package dev.tenderkit.core.payment;
