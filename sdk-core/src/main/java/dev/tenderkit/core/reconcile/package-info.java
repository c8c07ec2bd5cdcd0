/**
 * End of day: the wallets' bills and the reconciliation of a business day of the store against them.
 *
 * <p>A wallet module reads its wallet's bill of one business day as a stream of {@link
 * dev.tenderkit.core.reconcile.BillEntry} values through a {@link dev.tenderkit.core.reconcile.BillSource}
 * (Alipay's zip of GBK CSV files, WeChat Pay's back-ticked CSV with its SHA-1): the download is checked
 * whole before the first entry is handed out, and a file that is truncated or malformed ends in a
 * {@link dev.tenderkit.core.reconcile.MalformedBillException} naming the line and the column, never in a
 * wrong entry. Entries are wallet-neutral: the same reconciliation serves every wallet.
 */
package dev.tenderkit.core.reconcile;
