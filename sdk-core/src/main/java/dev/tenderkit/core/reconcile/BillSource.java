package dev.tenderkit.core.reconcile;

import java.time.LocalDate;

/**
 * Where a wallet module fetches its wallet's bill of a business day from: the wallet's API (Alipay's
 * {@code alipay.data.dataservice.bill.downloadurl.query}, WeChat Pay's {@code /v3/bill/tradebill}) and
 * the download of the file it points to. Implementations are thread-safe; each call fetches afresh (the
 * wallets' download links live seconds).
 */
public interface BillSource {

    /** @return the id of the gateway whose account this fetches bills for */
    String gatewayId();

    /**
     * Fetches the bill of a business day (UTC+8), downloaded whole to a temporary file within the source's
     * size limit and checked before its first entry is handed out.
     *
     * @param businessDay the day; it must have ended in the wallet's zone
     * @return the bill, or the wallet's word that there is none or not yet
     * @throws BillUnavailableException when it could not be fetched or checked; nothing was believed
     * @throws MalformedBillException when the file is not a bill of the wallet's format
     */
    BillDownload download(LocalDate businessDay);
}
