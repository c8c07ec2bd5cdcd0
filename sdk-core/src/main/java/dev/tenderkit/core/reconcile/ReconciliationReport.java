package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One business day of one gateway's account, reconciled: what matched, what disagrees and what to do, what is held
 * for the next day's bill, and the fee audit. Written out with {@link #writeJson}, {@link #writeCsv} and
 * {@link #summary()}.
 *
 * @param gatewayId the gateway
 * @param businessDay the day (UTC+8)
 * @param billSource the bill file the rows came from
 * @param billEntries how many rows of the bill were read
 * @param matchedPayments payments that agree on both sides
 * @param matchedPaid their total
 * @param matchedRefunds refunds that agree on both sides
 * @param matchedRefunded their total
 * @param agreedUnpaid trades both sides agree kept no money (reversed, failed)
 * @param billPaid the payments on the bill, in total
 * @param billRefunded the refunds on the bill, in total
 * @param discrepancies what disagrees, in the order found
 * @param held what the store made near midnight that the bill does not list: pass to the next day's reconciliation
 * @param feeAudit the fee audit, when a fee schedule was given
 */
public record ReconciliationReport(String gatewayId, LocalDate businessDay, String billSource, long billEntries,
        long matchedPayments, Money matchedPaid, long matchedRefunds, Money matchedRefunded, long agreedUnpaid,
        Money billPaid, Money billRefunded, List<Discrepancy> discrepancies, List<HeldEntry> held,
        Optional<FeeAudit> feeAudit) {

    /** Validates and copies. */
    public ReconciliationReport {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(businessDay, "businessDay");
        Objects.requireNonNull(billSource, "billSource");
        Objects.requireNonNull(matchedPaid, "matchedPaid");
        Objects.requireNonNull(matchedRefunded, "matchedRefunded");
        Objects.requireNonNull(billPaid, "billPaid");
        Objects.requireNonNull(billRefunded, "billRefunded");
        discrepancies = List.copyOf(discrepancies);
        held = List.copyOf(held);
        Objects.requireNonNull(feeAudit, "feeAudit");
    }

    /** @return whether both sides agree on every trade and refund and no fee differs from the contract */
    public boolean isClean() {
        return discrepancies.isEmpty() && feeAudit.map(f -> f.discrepancies().isEmpty()).orElse(true);
    }

    /** @return the discrepancies counted by kind, in the kinds' order */
    public Map<DiscrepancyKind, Integer> countsByKind() {
        Map<DiscrepancyKind, Integer> counts = new EnumMap<>(DiscrepancyKind.class);
        for (Discrepancy d : discrepancies) {
            counts.merge(d.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** @return a few lines for a person: the totals, each kind of discrepancy with its action, the fee audit */
    public String summary() {
        return ReportText.summary(this);
    }

    /**
     * Writes the whole report as one JSON object ({@code tenderkit.reconciliation/1}).
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void writeJson(Writer out) throws IOException {
        ReportJson.write(this, out);
    }

    /**
     * Writes the discrepancies, the held entries and the fee discrepancies as CSV, one row each, with a header
     * naming the columns (UTF-8 text; amounts in yuan).
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void writeCsv(Writer out) throws IOException {
        ReportText.csv(this, out);
    }
}
