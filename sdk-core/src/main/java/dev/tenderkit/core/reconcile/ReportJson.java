package dev.tenderkit.core.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/** The report as JSON, {@code tenderkit.reconciliation/1}; amounts as yuan strings, fees as five-decimal strings. */
final class ReportJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    static void write(ReconciliationReport r, Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("format", "tenderkit.reconciliation/1");
        g.writeStringField("gateway", r.gatewayId());
        g.writeStringField("businessDay", r.businessDay().toString());
        g.writeStringField("bill", r.billSource());
        g.writeNumberField("billEntries", r.billEntries());
        g.writeNumberField("matchedPayments", r.matchedPayments());
        g.writeStringField("matchedPaid", r.matchedPaid().toPlainString());
        g.writeNumberField("matchedRefunds", r.matchedRefunds());
        g.writeStringField("matchedRefunded", r.matchedRefunded().toPlainString());
        g.writeNumberField("agreedUnpaid", r.agreedUnpaid());
        g.writeStringField("billPaid", r.billPaid().toPlainString());
        g.writeStringField("billRefunded", r.billRefunded().toPlainString());
        g.writeArrayFieldStart("discrepancies");
        for (Discrepancy d : r.discrepancies()) {
            g.writeStartObject();
            g.writeStringField("kind", d.kind().name());
            g.writeStringField("action", d.action().name());
            g.writeStringField("outTradeNo", d.outTradeNo());
            optional(g, "orderId", d.orderId());
            optional(g, "refundRequestNo", d.refundRequestNo());
            optional(g, "ours", d.ours().map(Money::toPlainString));
            optional(g, "ourState", d.ourState());
            optional(g, "theirs", d.theirs().map(Money::toPlainString));
            optional(g, "theirState", d.theirState());
            optional(g, "walletTradeNo", d.walletTradeNo());
            if (d.billLine().isPresent()) {
                g.writeNumberField("billLine", d.billLine().get());
            }
            g.writeStringField("explanation", d.explanation());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("held");
        for (HeldEntry h : r.held()) {
            g.writeStartObject();
            g.writeStringField("outTradeNo", h.outTradeNo());
            optional(g, "refundRequestNo", h.refundRequestNo());
            g.writeStringField("amount", h.amount().toPlainString());
            g.writeStringField("at", h.at().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (r.feeAudit().isPresent()) {
            writeFees(g, r.feeAudit().get());
        }
        g.writeEndObject();
        g.flush();
    }

    private static void writeFees(JsonGenerator g, FeeAudit f) throws IOException {
        g.writeObjectFieldStart("feeAudit");
        g.writeNumberField("audited", f.audited());
        g.writeNumberField("notAudited", f.notAudited());
        g.writeStringField("billed", yuan(f.billedMilliFen()));
        g.writeStringField("contracted", yuan(f.contractedMilliFen()));
        g.writeStringField("overcharge", yuan(f.overchargeMilliFen()));
        g.writeArrayFieldStart("discrepancies");
        for (FeeDiscrepancy d : f.discrepancies()) {
            g.writeStartObject();
            g.writeStringField("outTradeNo", d.outTradeNo());
            g.writeStringField("channel", d.channelId());
            g.writeStringField("method", d.methodId());
            g.writeStringField("amount", d.amount().toPlainString());
            g.writeStringField("scheduleVersion", d.scheduleVersion());
            g.writeStringField("contractedRate", d.contractedRate().toPercentString());
            g.writeStringField("contractedFee", d.contractedFee().toPlainString());
            g.writeStringField("billedFee", d.billedFee().toYuanString());
            optional(g, "billedRate", d.billedRate().map(x -> x.toPercentString()));
            g.writeStringField("overcharge", yuan(d.overchargeMilliFen()));
            g.writeNumberField("billLine", d.billLine());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String yuan(long milliFen) {
        return new BilledFee(milliFen, Optional.empty()).toYuanString();
    }

    private static void optional(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        }
    }
}
