package dev.tenderkit.core.reconcile;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a wallet answered when asked for the bill of one business day: the bill, the wallet's word that
 * there is none because the account had no trades that day, or that it is not ready yet. A failure to fetch
 * (network, an expired link, an unverifiable answer) is not an answer: it throws
 * {@link BillUnavailableException}.
 */
public sealed interface BillDownload {

    /** @return the business day asked for */
    LocalDate businessDay();

    /**
     * The bill, downloaded and checked, to be read.
     *
     * @param businessDay the day
     * @param reader its entries; the caller closes it
     */
    record Available(LocalDate businessDay, BillReader reader) implements BillDownload {
        /** Validates. */
        public Available {
            Objects.requireNonNull(businessDay, "businessDay");
            Objects.requireNonNull(reader, "reader");
        }
    }

    /**
     * The wallet says the account had no trades that day (Alipay {@code isp.bill_not_exist}, WeChat Pay
     * {@code NO_STATEMENT_EXIST}): an empty bill, as verified as a bill.
     *
     * @param businessDay the day
     * @param walletCode the wallet's code for it, kept for people
     */
    record NoTrades(LocalDate businessDay, String walletCode) implements BillDownload {
        /** Validates. */
        public NoTrades {
            Objects.requireNonNull(businessDay, "businessDay");
            Objects.requireNonNull(walletCode, "walletCode");
        }
    }

    /**
     * The bill is not ready (WeChat Pay {@code STATEMENT_CREATING}; a day that has not ended in the wallet's
     * zone; Alipay before its bills are generated): ask again later.
     *
     * @param businessDay the day
     * @param walletCode the wallet's code, or TenderKit's own reason
     * @param message what the wallet said, for people
     */
    record NotReady(LocalDate businessDay, String walletCode, String message) implements BillDownload {
        /** Validates. */
        public NotReady {
            Objects.requireNonNull(businessDay, "businessDay");
            Objects.requireNonNull(walletCode, "walletCode");
            Objects.requireNonNull(message, "message");
        }
    }
}
