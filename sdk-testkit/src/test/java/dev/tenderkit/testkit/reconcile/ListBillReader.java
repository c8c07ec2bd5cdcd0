package dev.tenderkit.testkit.reconcile;

import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillReader;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A bill already read: the rows of a generated day, handed out as a reader would. */
final class ListBillReader implements BillReader {
    private final String gatewayId;
    private final LocalDate day;
    private final Iterator<BillEntry> rows;
    boolean closed;

    ListBillReader(String gatewayId, LocalDate day, List<BillEntry> rows) {
        this.gatewayId = gatewayId;
        this.day = day;
        this.rows = rows.iterator();
    }

    @Override
    public String gatewayId() {
        return gatewayId;
    }

    @Override
    public LocalDate businessDay() {
        return day;
    }

    @Override
    public String source() {
        return "generated-" + day + ".csv";
    }

    @Override
    public Optional<BillEntry> next() {
        return rows.hasNext() ? Optional.of(rows.next()) : Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
    }
}
