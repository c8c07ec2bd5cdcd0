package dev.tenderkit.core.reconcile;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/** The report as text: the summary for a person and the CSV for a spreadsheet. */
final class ReportText {
    private ReportText() {
    }

    static String summary(ReconciliationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.gatewayId()).append(' ').append(r.businessDay()).append(": ").append(r.billEntries())
                .append(" bill rows; matched ").append(r.matchedPayments()).append(" payments (")
                .append(r.matchedPaid().toPlainString()).append(") and ").append(r.matchedRefunds())
                .append(" refunds (").append(r.matchedRefunded().toPlainString()).append("); bill total paid ")
                .append(r.billPaid().toPlainString()).append(", refunded ").append(r.billRefunded().toPlainString())
                .append('\n');
        if (r.discrepancies().isEmpty()) {
            sb.append("  both sides agree on every trade and refund\n");
        }
        for (Map.Entry<DiscrepancyKind, Integer> e : r.countsByKind().entrySet()) {
            sb.append("  ").append(e.getValue()).append(" × ").append(e.getKey()).append(" → ")
                    .append(e.getKey().action()).append('\n');
        }
        if (!r.held().isEmpty()) {
            sb.append("  ").append(r.held().size()).append(" held for the next day's bill (made near midnight)\n");
        }
        r.feeAudit().ifPresent(f -> sb.append("  fees: ").append(f.audited()).append(" audited, ")
                .append(f.discrepancies().size()).append(" differ from the contract, overcharged ")
                .append(new BilledFee(f.overchargeMilliFen(), Optional.empty()).toYuanString()).append(" yuan")
                .append(f.notAudited() > 0 ? " (" + f.notAudited() + " not audited)" : "").append('\n'));
        return sb.toString();
    }

    static void csv(ReconciliationReport r, Writer out) throws IOException {
        out.write("record,kind,action,out_trade_no,order_id,refund_request_no,ours,our_state,theirs,their_state,"
                + "wallet_trade_no,bill_line,explanation\n");
        for (Discrepancy d : r.discrepancies()) {
            row(out, "discrepancy", d.kind().name(), d.action().name(), d.outTradeNo(), d.orderId().orElse(""),
                    d.refundRequestNo().orElse(""), d.ours().map(m -> m.toPlainString()).orElse(""),
                    d.ourState().orElse(""), d.theirs().map(m -> m.toPlainString()).orElse(""),
                    d.theirState().orElse(""), d.walletTradeNo().orElse(""),
                    d.billLine().map(String::valueOf).orElse(""), d.explanation());
        }
        for (HeldEntry h : r.held()) {
            row(out, "held", "", ReconciliationAction.WAIT_FOR_NEXT_BILL.name(), h.outTradeNo(), "",
                    h.refundRequestNo().orElse(""), h.amount().toPlainString(), "", "", "", "", "",
                    "made at " + h.at() + ", near midnight");
        }
        if (r.feeAudit().isPresent()) {
            for (FeeDiscrepancy f : r.feeAudit().get().discrepancies()) {
                row(out, "fee", f.methodId(), ReconciliationAction.DISPUTE_FEE.name(), f.outTradeNo(), "", "",
                        f.contractedFee().toPlainString(), f.contractedRate().toPercentString(),
                        f.billedFee().toYuanString(), f.billedRate().map(x -> x.toPercentString()).orElse(""), "",
                        String.valueOf(f.billLine()), "channel " + f.channelId() + ", schedule " + f.scheduleVersion()
                                + ", amount " + f.amount().toPlainString());
            }
        }
    }

    private static void row(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells[i]));
        }
        out.write('\n');
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String quote(String cell) {
        boolean plain = true;
        for (int i = 0; i < cell.length() && plain; i++) {
            char c = cell.charAt(i);
            plain = c != ',' && c != '"' && c != '\n' && c != '\r';
        }
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
