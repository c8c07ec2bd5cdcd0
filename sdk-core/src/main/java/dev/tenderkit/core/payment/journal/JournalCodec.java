package dev.tenderkit.core.payment.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.internal.json.JsonDocumentParser;
import dev.tenderkit.core.internal.json.JsonNode;
import dev.tenderkit.core.internal.json.JsonValues;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeProgress;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns trade and refund records into journal payloads and back: one small JSON object per
 * record, readable by a person with {@code strings} in an emergency. Thread-safe.
 */
final class JournalCodec {
    private final JsonFactory factory = new JsonFactory();
    private final JsonDocumentParser parser = new JsonDocumentParser();

    /** A decoded payload: exactly one of the two is present. */
    record Decoded(Optional<TradeRecord> trade, Optional<RefundRecord> refund) {
    }

    byte[] encode(TradeRecord t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("t", "trade");
            g.writeStringField("outTradeNo", t.outTradeNo());
            g.writeStringField("orderId", t.orderId());
            if (t.attempt() != 1) {
                g.writeNumberField("attempt", t.attempt());   // absent in records written before attempts
            }
            g.writeStringField("kind", t.kind().name());
            g.writeStringField("channel", t.channelId());
            g.writeStringField("gateway", t.gatewayId());
            g.writeStringField("method", t.methodId());
            g.writeStringField("amount", t.amount().toPlainString());
            g.writeStringField("subject", t.subject());
            if (t.installments().isPresent()) {
                g.writeObjectFieldStart("installments");
                g.writeNumberField("periods", t.installments().get().periods());
                g.writeStringField("bearer", t.installments().get().feeBearer().name());
                g.writeEndObject();
            }
            g.writeStringField("code", t.maskedPaymentCode());
            if (t.paymentCodeDigest().isPresent()) {
                g.writeStringField("codeDigest", t.paymentCodeDigest().get());
            }
            g.writeStringField("state", t.state().name());
            g.writeStringField("createdAt", InstantText.of(t.createdAt()));
            g.writeStringField("updatedAt", InstantText.of(t.updatedAt()));
            g.writeStringField("deadline", InstantText.of(t.deadline()));
            if (t.payment().isPresent()) {
                Payment p = t.payment().get();
                g.writeObjectFieldStart("payment");
                g.writeStringField("tradeNo", p.gatewayTradeNo());
                g.writeStringField("amount", p.amount().toPlainString());
                g.writeStringField("funding", p.fundingSource().channelCode());
                g.writeBooleanField("credit", p.fundingSource().credit());
                g.writeNumberField("periods", p.fundingSource().installmentPeriods());
                g.writeStringField("paidAt", InstantText.of(p.paidAt()));
                g.writeEndObject();
            }
            if (t.failure().isPresent()) {
                writeError(g, t.failure().get());
            }
            if (t.fee().isPresent()) {
                g.writeStringField("fee", t.fee().get().toPlainString());
            }
            if (t.lastProblem().isPresent()) {
                g.writeStringField("problem", t.lastProblem().get());
            }
            g.writeNumberField("reversals", t.reversalAttempts());
            if (t.attention().isPresent()) {
                g.writeStringField("attention", t.attention().get());
            }
            g.writeStringField("refunded", t.refunded().toPlainString());
            if (t.qrCode().isPresent()) {
                g.writeStringField("qrCode", t.qrCode().get());
            }
            if (t.cancelled()) {
                g.writeBooleanField("cancelled", true);
            }
            g.writeNumberField("rev", t.revision());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding trade " + t.outTradeNo(), e);
        }
        return out.toByteArray();
    }

    byte[] encode(RefundRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("t", "refund");
            g.writeStringField("outTradeNo", r.outTradeNo());
            g.writeStringField("refundNo", r.refundRequestNo());
            g.writeStringField("amount", r.amount().toPlainString());
            g.writeStringField("reason", r.reason());
            g.writeStringField("state", r.state().name());
            g.writeStringField("createdAt", InstantText.of(r.createdAt()));
            g.writeStringField("updatedAt", InstantText.of(r.updatedAt()));
            if (r.failure().isPresent()) {
                writeError(g, r.failure().get());
            }
            if (r.lastProblem().isPresent()) {
                g.writeStringField("problem", r.lastProblem().get());
            }
            if (r.attempts() > 0) {
                g.writeNumberField("attempts", r.attempts());
            }
            if (r.attention().isPresent()) {
                g.writeStringField("attention", r.attention().get());
            }
            g.writeNumberField("rev", r.revision());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding refund " + r.refundRequestNo(), e);
        }
        return out.toByteArray();
    }

    private static void writeError(JsonGenerator g, GatewayError e) throws IOException {
        g.writeObjectFieldStart("failure");
        g.writeStringField("cause", e.cause().name());
        g.writeStringField("code", e.raw().code());
        if (e.raw().subCode().isPresent()) {
            g.writeStringField("subCode", e.raw().subCode().get());
        }
        g.writeStringField("message", e.raw().message());
        g.writeEndObject();
    }

    /**
     * @param payload a journal record's payload
     * @param source where it came from, for errors ({@code file@offset})
     * @throws MalformedDocumentException if the payload is not a record this codec wrote
     */
    Decoded decode(byte[] payload, String source) {
        JsonNode n = parser.parse(new ByteArrayInputStream(payload), source);
        String type = n.required("t").text();
        return switch (type) {
            case "trade" -> new Decoded(Optional.of(trade(n)), Optional.empty());
            case "refund" -> new Decoded(Optional.empty(), Optional.of(refund(n)));
            default -> throw n.required("t").error("unknown record type \"" + type + "\"");
        };
    }

    private static TradeRecord trade(JsonNode n) {
        Optional<InstallmentPlan> plan = n.optional("installments").map(i -> new InstallmentPlan(
                i.required("periods").integer(2, 60), JsonValues.enumValue(i.required("bearer"), FeeBearer.class)));
        Optional<Payment> payment = n.optional("payment").map(p -> new Payment(p.required("tradeNo").string(),
                JsonValues.money(p.required("amount")), new FundingSource(p.required("funding").string(),
                        p.required("credit").bool(), p.required("periods").integer(0, 60)),
                instant(p.required("paidAt"))));
        return JsonValues.construct(n, () -> new TradeRecord(new TradeIntent(n.required("outTradeNo").text(),
                n.required("orderId").text(), n.optional("attempt").map(a -> a.integer(1, Integer.MAX_VALUE)).orElse(1),
                JsonValues.enumValue(n.required("kind"), TradeKind.class),
                n.required("channel").text(), n.required("gateway").text(), n.required("method").text(),
                JsonValues.money(n.required("amount")), n.required("subject").string(), plan,
                n.required("code").string(), n.optional("codeDigest").map(JsonNode::text),
                instant(n.required("createdAt")), instant(n.required("deadline"))),
                new TradeProgress(JsonValues.enumValue(n.required("state"), TradeState.class),
                        instant(n.required("updatedAt")), payment, n.optional("failure").map(JournalCodec::error),
                        n.optional("fee").map(JsonValues::money), n.optional("problem").map(JsonNode::string),
                        n.required("reversals").integer(0, Integer.MAX_VALUE),
                        n.optional("attention").map(JsonNode::string), JsonValues.money(n.required("refunded")),
                        n.optional("qrCode").map(JsonNode::text), n.optional("cancelled").map(JsonNode::bool).orElse(false),
                        revision(n))));
    }

    private static RefundRecord refund(JsonNode n) {
        return JsonValues.construct(n, () -> new RefundRecord(n.required("outTradeNo").text(),
                n.required("refundNo").text(), JsonValues.money(n.required("amount")), n.required("reason").string(),
                JsonValues.enumValue(n.required("state"), RefundState.class), instant(n.required("createdAt")),
                instant(n.required("updatedAt")), n.optional("failure").map(JournalCodec::error),
                n.optional("problem").map(JsonNode::string),
                n.optional("attempts").map(a -> a.integer(0, Integer.MAX_VALUE)).orElse(0),
                n.optional("attention").map(JsonNode::string), revision(n)));
    }

    private static long revision(JsonNode n) {
        return n.required("rev").integer(0, Integer.MAX_VALUE);
    }

    private static GatewayError error(JsonNode f) {
        return new GatewayError(JsonValues.enumValue(f.required("cause"), Cause.class),
                new GatewayCode(f.required("code").string(), f.optional("subCode").map(JsonNode::string),
                        f.required("message").string()));
    }

    private static Instant instant(JsonNode n) {
        return JsonValues.instant(n);
    }

}
