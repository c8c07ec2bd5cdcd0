package dev.tenderkit.core.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * The fee audit of one day's matched payments against the merchant's fee schedule.
 *
 * @param audited payments whose billed fee was compared with the contract
 * @param notAudited matched payments that could not be: the bill states no fee for them, or the schedule does not
 *     price their channel, method or day (each is a reason to look at the schedule)
 * @param billedMilliFen the fees the bill states for the audited payments, in thousandths of a fen
 * @param contractedMilliFen the fees the contract gives for them
 * @param discrepancies the payments whose fee or rate differs from the contract
 */
public record FeeAudit(long audited, long notAudited, long billedMilliFen, long contractedMilliFen,
        List<FeeDiscrepancy> discrepancies) {
    /** Validates and copies. */
    public FeeAudit {
        discrepancies = List.copyOf(Objects.requireNonNull(discrepancies, "discrepancies"));
    }

    /** @return what was charged above the contract, summed over the payments charged more (thousandths of a fen) */
    public long overchargeMilliFen() {
        long sum = 0;
        for (FeeDiscrepancy d : discrepancies) {
            sum += Math.max(0, d.overchargeMilliFen());
        }
        return sum;
    }

    /** @return billed minus contracted over every audited payment (thousandths of a fen) */
    public long netDifferenceMilliFen() {
        return billedMilliFen - contractedMilliFen;
    }

    /**
     * Sums the audits of several days (a month's reports): the figure a merchant takes into a rate negotiation.
     *
     * @param days the days' audits
     * @return their sum, with every day's discrepancies
     */
    public static FeeAudit sum(List<FeeAudit> days) {
        long audited = 0;
        long notAudited = 0;
        long billed = 0;
        long contracted = 0;
        java.util.ArrayList<FeeDiscrepancy> all = new java.util.ArrayList<>();
        for (FeeAudit day : days) {
            audited += day.audited;
            notAudited += day.notAudited;
            billed += day.billedMilliFen;
            contracted += day.contractedMilliFen;
            all.addAll(day.discrepancies);
        }
        return new FeeAudit(audited, notAudited, billed, contracted, all);
    }
}
