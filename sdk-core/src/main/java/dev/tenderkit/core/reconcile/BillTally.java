package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.money.Money;

/** What a bill says about one trade, summed over its rows (payments, reversals, refunds without a number of ours). */
final class BillTally {
    long paidFen;
    int payments;
    boolean revoked;
    long undoneFen;
    /** The first payment row, for its line, wallet number and fee; else the first row. */
    BillEntry first;

    void add(BillEntry entry) {
        switch (entry.kind()) {
            case PAYMENT -> {
                paidFen += entry.amount().fen();
                if (payments++ == 0) {
                    first = entry;
                }
            }
            case REVOKED -> revoked = true;
            case REFUND -> undoneFen += entry.amount().fen();
        }
        if (first == null) {
            first = entry;
        }
    }

    /** @return what the wallet keeps of the trade's payments: nothing once revoked */
    long keptFen() {
        return revoked ? 0 : Math.max(0, paidFen - undoneFen);
    }

    /** @return whether the wallet shows the payment undone: revoked, or refunded without a refund of ours */
    boolean undone() {
        return payments > 0 && keptFen() == 0 || revoked;
    }

    Money paid() {
        return Money.ofFen(paidFen);
    }
}
