package dev.tenderkit.core.operator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

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
 * form: what is hashed is what is stored. Read back by {@link EntryReader}. Thread-safe.
 */
final class TrailCodec {
    private final JsonFactory factory = new JsonFactory();

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

    /** @return a reader of records for one verification (it is not thread-safe; this codec is) */
    EntryReader reader() {
        return new EntryReader(factory);
    }
}
