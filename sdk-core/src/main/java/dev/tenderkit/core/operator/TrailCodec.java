package dev.tenderkit.core.operator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tenderkit.core.internal.json.JsonDocumentParser;
import dev.tenderkit.core.internal.json.JsonNode;
import dev.tenderkit.core.internal.json.JsonValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The trail's record format: one JSON object per journal record, its chain fields first.
 *
 * <pre>
 *   {"seq":12,"prev":"&lt;64 hex digits: SHA-256 of entry 11's record&gt;","at":"2026-12-03T09:15:02.113Z",
 *    "type":"INTENT","action":"REFUND","op":"c7","opName":"Li Na","opRole":"CASHIER",
 *    "approver":"s1","approverName":"Wang Fang","approverRole":"SUPERVISOR","means":"PIN",
 *    "order":"A-1001","trade":"T1...","refund":"R1","amount":"120.00","method":"alipay",
 *    "result":"REFUNDED","detail":"...","intent":11}
 * </pre>
 *
 * Absent optional values are left out. The hash of an entry is over the raw 32-byte hash of the
 * one before and the record's exact bytes ({@link TrailHash}), so the format needs no canonical
 * form: what is hashed is what is stored. Thread-safe.
 */
final class TrailCodec {
    private final JsonFactory factory = new JsonFactory();
    private final JsonDocumentParser parser = new JsonDocumentParser();

    /** A record read back: the entry and the hash it names as its predecessor's. */
    record Decoded(TrailEntry entry, String prev) {
    }

    byte[] encode(TrailEntry e, String prevHex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            g.writeStringField("prev", prevHex);
            g.writeStringField("at", e.at().toString());
            g.writeStringField("type", e.type().name());
            if (e.action().isPresent()) {
                g.writeStringField("action", e.action().get().name());
            }
            g.writeStringField("op", e.operator().id());
            g.writeStringField("opName", e.operator().displayName());
            g.writeStringField("opRole", e.operator().role().name());
            if (e.approver().isPresent()) {
                g.writeStringField("approver", e.approver().get().id());
                g.writeStringField("approverName", e.approver().get().displayName());
                g.writeStringField("approverRole", e.approver().get().role().name());
            }
            optional(g, "means", e.approvalMeans());
            g.writeStringField("order", e.orderId());
            optional(g, "trade", e.outTradeNo());
            optional(g, "refund", e.refundRequestNo());
            if (e.amount().isPresent()) {
                g.writeStringField("amount", e.amount().get().toPlainString());
            }
            optional(g, "method", e.methodId());
            if (e.result().isPresent()) {
                g.writeStringField("result", e.result().get().name());
            }
            if (!e.detail().isEmpty()) {
                g.writeStringField("detail", e.detail());
            }
            if (e.intentSeq().isPresent()) {
                g.writeNumberField("intent", e.intentSeq().getAsLong());
            }
            g.writeEndObject();
        } catch (IOException x) {
            throw new UncheckedIOException("encoding trail entry " + e.seq(), x);
        }
        return out.toByteArray();
    }

    private static void optional(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }

    /**
     * @param payload a record's bytes
     * @param source the file and offset, for messages
     * @return the entry
     * @throws dev.tenderkit.core.MalformedDocumentException naming the field when it is not a trail entry
     */
    Decoded decode(byte[] payload, String source) {
        JsonNode n = parser.parse(new ByteArrayInputStream(payload), source).object()
                .allowOnly("seq", "prev", "at", "type", "action", "op", "opName", "opRole", "approver", "approverName",
                        "approverRole", "means", "order", "trade", "refund", "amount", "method", "result", "detail",
                        "intent");
        String prev = n.required("prev").text();
        if (!TrailHash.isHex(prev)) {
            throw n.required("prev").error("expected 64 lower-case hex digits (a SHA-256), found \"" + prev + "\"");
        }
        Optional<Operator> approver = n.optional("approver").map(a -> JsonValues.construct(a, () -> new Operator(
                a.text(), n.required("approverName").string(),
                JsonValues.enumValue(n.required("approverRole"), Role.class))));
        TrailEntry entry = JsonValues.construct(n, () -> new TrailEntry(n.required("seq").integer(1, Integer.MAX_VALUE),
                JsonValues.instant(n.required("at")), JsonValues.enumValue(n.required("type"), EntryType.class),
                n.optional("action").map(a -> JsonValues.enumValue(a, DeskAction.class)),
                new Operator(n.required("op").text(), n.required("opName").string(),
                        JsonValues.enumValue(n.required("opRole"), Role.class)),
                approver, n.optional("means").map(JsonNode::string), n.required("order").string(),
                n.optional("trade").map(JsonNode::text), n.optional("refund").map(JsonNode::text),
                n.optional("amount").map(JsonValues::money), n.optional("method").map(JsonNode::text),
                n.optional("result").map(r -> JsonValues.enumValue(r, TrailResult.class)),
                n.optional("detail").map(JsonNode::string).orElse(""),
                n.optional("intent").map(i -> OptionalLong.of(i.integer(1, Integer.MAX_VALUE)))
                        .orElse(OptionalLong.empty())));
        return new Decoded(entry, prev);
    }
}
