/**
 * Payments: the {@link dev.tenderkit.core.payment.PaymentGateway} SPI that wallet modules
 * implement, with results as sealed types that keep "definitely failed" apart from "outcome
 * unknown", the {@link dev.tenderkit.core.payment.PaymentEngine}, and (in the {@code journal}
 * subpackage) the durable record of every trade.
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
