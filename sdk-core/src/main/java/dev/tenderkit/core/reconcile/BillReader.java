package dev.tenderkit.core.reconcile;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A wallet's bill of one business day, read one entry at a time, so that a bill of any length is never
 * whole in memory. The file behind it was downloaded and checked (size limit, the wallet's hash where it
 * gives one) before the reader was handed out; a row that cannot be read throws
 * {@link MalformedBillException} naming its line and column, and so does a file that ends before the bill's
 * own end (its summary lines), so a truncated bill is never taken for a shorter day. Rows the
 * reconciliation does not use (Alipay's {@code 充值}, WeChat Pay's recharge refunds) are skipped. Not
 * thread-safe; close it to delete its temporary file.
 */
public interface BillReader extends AutoCloseable {

    /** @return the id of the gateway whose account the bill is for (as trades record it) */
    String gatewayId();

    /** @return the business day (UTC+8) the bill covers */
    LocalDate businessDay();

    /** @return the name of the file the entries come from, as errors and findings name it */
    String source();

    /**
     * @return the next entry, or empty at the end of the bill (after its summary was checked against the
     *     entries read)
     * @throws MalformedBillException when a row, or the end of the file, is not what the bill's format says
     */
    Optional<BillEntry> next();

    /** Releases the file behind the reader. */
    @Override
    void close();
}
