package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.TransactionStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reconciles a business day of the store against a wallet's bill of that day: every payment and refund the store
 * made through the bill's gateway is matched to the bill's rows by out_trade_no (and refund request number), and
 * what disagrees becomes a {@link Discrepancy} named by direction with what to do; with a fee schedule, every
 * matched payment's fee is audited against the contract ({@link FeeDiscrepancy}).
 *
 * <p>Midnight: a payment or refund the store made within {@link Builder#midnightMargin} of the day's end that the
 * bill does not list is held ({@link HeldEntry}), not counted, and must be passed to the next day's reconciliation,
 * which settles it against the next day's bill. A trade the store dates just before the day is the previous day's,
 * unless it was held there, or unless the wallet dated it into this day (then it is matched here). So every trade is
 * settled once: matched, a discrepancy, or held, in exactly one day's report.
 *
 * <p>The bill is streamed: the store's trades of the day are indexed by out_trade_no, the bill's rows are summed per
 * trade as they are read, and nothing of a row is kept but what the judgement needs. Thread-safe: each call works on
 * its own state.
 */
public final class Reconciler {
    private final TransactionStore store;
    private final Optional<FeeSchedule> fees;
    private final PaymentMethodRegistry methods;
    private final Duration margin;

    private Reconciler(Builder b) {
        this.store = b.store;
        this.fees = Optional.ofNullable(b.fees);
        this.methods = b.methods;
        this.margin = b.margin;
    }

    /**
     * @param store the store whose trades are reconciled
     * @return a builder
     */
    public static Builder builder(TransactionStore store) {
        return new Builder(store);
    }

    /**
     * Reconciles the day of a downloaded bill.
     *
     * @param gatewayId the gateway whose account the bill is for: only the store's trades through it are reconciled
     * @param download the bill, or the wallet's word that the account had no trades that day
     * @param carried the entries the previous day's report held ({@link ReconciliationReport#held()}); empty on
     *     the first day
     * @return the report; the bill's reader, if any, is read to its end and closed
     * @throws IllegalArgumentException when the bill is not ready or is for another gateway
     * @throws MalformedBillException when a row of the bill cannot be read: nothing is reported from a bad bill
     */
    public ReconciliationReport reconcile(String gatewayId, BillDownload download, List<HeldEntry> carried) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(carried, "carried");
        if (download instanceof BillDownload.NotReady notReady) {
            throw new IllegalArgumentException("the bill of " + notReady.businessDay() + " is not ready ("
                    + notReady.walletCode() + ": " + notReady.message() + "): reconcile once it is");
        }
        ReconciliationRun run = new ReconciliationRun(store, fees, methods, gatewayId,
                new DayWindow(download.businessDay(), margin), carried);
        if (download instanceof BillDownload.Available available) {
            try (BillReader reader = available.reader()) {
                if (!reader.gatewayId().equals(gatewayId)) {
                    throw new IllegalArgumentException("the bill " + reader.source() + " is for gateway "
                            + reader.gatewayId() + ", not " + gatewayId);
                }
                for (Optional<BillEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
                    run.read(e.get());
                }
                return run.finish(reader.source());
            }
        }
        return run.finish("(no bill: " + ((BillDownload.NoTrades) download).walletCode() + ")");
    }

    /** Configures a {@link Reconciler}; validated on {@link #build()}. */
    public static final class Builder {
        private final TransactionStore store;
        private FeeSchedule fees;
        private PaymentMethodRegistry methods = PaymentMethods.standardRegistry();
        private Duration margin = Duration.ofMinutes(10);

        private Builder(TransactionStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * As {@link #feeAudit(FeeSchedule, PaymentMethodRegistry)} with the standard payment methods.
         *
         * @param schedule the contract
         * @return this
         */
        public Builder feeAudit(FeeSchedule schedule) {
            return feeAudit(schedule, PaymentMethods.standardRegistry());
        }

        /**
         * Audits each matched payment's fee against this schedule (the merchant's contract), with the version in
         * effect on the payment's business day.
         *
         * @param schedule the contract
         * @param registry the payment methods the store's trades name, to price them
         * @return this
         */
        public Builder feeAudit(FeeSchedule schedule, PaymentMethodRegistry registry) {
            this.fees = Objects.requireNonNull(schedule, "schedule");
            this.methods = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * @param margin how close to midnight a payment may be for the wallet to date it into the neighbouring day
         *     (10 minutes by default; from 1 second to 6 hours)
         * @return this
         */
        public Builder midnightMargin(Duration margin) {
            this.margin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /**
         * @return the reconciler
         * @throws ConfigurationException naming the setting when the margin is out of range
         */
        public Reconciler build() {
            if (margin.compareTo(Duration.ofSeconds(1)) < 0 || margin.compareTo(Duration.ofHours(6)) > 0) {
                throw new ConfigurationException("midnightMargin", margin + " is outside 1 second to 6 hours");
            }
            return new Reconciler(this);
        }
    }
}
