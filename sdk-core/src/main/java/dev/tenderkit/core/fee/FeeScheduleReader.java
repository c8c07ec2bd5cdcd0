package dev.tenderkit.core.fee;

import static dev.tenderkit.core.internal.json.JsonValues.date;
import static dev.tenderkit.core.internal.json.JsonValues.enumValue;
import static dev.tenderkit.core.internal.json.JsonValues.money;
import static dev.tenderkit.core.internal.json.JsonValues.positiveMoney;

import dev.tenderkit.core.DocumentLimits;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.internal.json.JsonDocumentParser;
import dev.tenderkit.core.internal.json.JsonNode;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads a fee schedule document ({@code "schema": "tenderkit.fee-schedule/1"}). Strict, like
 * {@link dev.tenderkit.core.capability.CapabilityPolicyReader}: unknown fields, unknown method ids,
 * amounts written as JSON numbers, rates written as JSON numbers or with a sign or more precision
 * than a part per million, a cap below the minimum, two versions of a channel in effect on the same
 * day, and a seller share Alipay does not allow are all refused with a
 * {@link MalformedDocumentException} naming the document, the field's JSON Pointer, and its line
 * and column.
 *
 * <pre>{@code
 * { "schema": "tenderkit.fee-schedule/1", "id": "M1001-2026", "sample": false,
 *   "channels": {
 *     "lakala": { "versions": [
 *       { "id": "lakala-2026-12", "effectiveFrom": "2026-12-01", "effectiveThrough": "2027-05-31",
 *         "rounding": "HALF_UP",
 *         "methods": {
 *           "alipay": { "rate": "0.38%", "settlement": { "D0": { "rate": "0.05%" } },
 *                       "waiver": { "monthlyVolume": "10000.00" } },
 *           "unionpay.card.debit": { "rate": "0.50%", "cap": "20.00" },
 *           "alipay.huabei.installment.6": { "rate": "0.60%",
 *                                            "installment": { "rate": "4.50%", "sellerPercent": 0 } } } } ] } } }
 * }</pre>
 *
 * Rates are strings, {@code "0.38%"} or {@code "0.0038"}; amounts are strings of yuan,
 * {@code "20.00"}; dates are business days (UTC+8), both ends inclusive; {@code rounding} is one of
 * {@link FeeRounding}, default {@code HALF_UP}; {@code sellerPercent} is a whole number 0–100.
 * {@code "comment"} is allowed on every object. The format is described in {@code docs/fee-schedule.md}.
 * Thread-safe.
 */
public final class FeeScheduleReader {
    /** The schema id this reader understands. */
    public static final String SCHEMA = "tenderkit.fee-schedule/1";

    private final PaymentMethodRegistry registry;
    private final JsonDocumentParser parser;

    /**
     * A reader of documents up to {@link DocumentLimits#DEFAULT_MAX_BYTES} (4 MiB).
     *
     * @param registry resolves the method ids the schedule names
     */
    public FeeScheduleReader(PaymentMethodRegistry registry) {
        this(registry, DocumentLimits.defaults());
    }

    /**
     * @param registry resolves the method ids the schedule names
     * @param limits how large a document may be; a larger one is refused as it is read
     */
    public FeeScheduleReader(PaymentMethodRegistry registry, DocumentLimits limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.parser = new JsonDocumentParser(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * @param in the document (UTF-8); not closed
     * @param source its name for error messages, e.g. the file path
     * @return the schedule
     * @throws MalformedDocumentException when the document is malformed
     */
    public FeeSchedule read(InputStream in, String source) {
        return bind(parser.parse(Objects.requireNonNull(in, "in"), Objects.requireNonNull(source, "source")));
    }

    /** Reads a schedule held in a string; see {@link #read(InputStream, String)}. */
    public FeeSchedule read(String json, String source) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
    }

    private FeeSchedule bind(JsonNode root) {
        root.allowOnly("schema", "id", "sample", "comment", "channels");
        JsonNode schema = root.required("schema");
        if (!SCHEMA.equals(schema.string())) {
            throw schema.error("unsupported schema \"" + schema.string() + "\"; this version reads \"" + SCHEMA + "\"");
        }
        FeeSchedule.Builder b = FeeSchedule.builder(root.required("id").text())
                .sample(root.optional("sample").map(JsonNode::bool).orElse(false));
        JsonNode channels = root.required("channels");
        if (channels.fields().isEmpty()) {
            throw channels.error("a fee schedule prices at least one channel");
        }
        for (Map.Entry<String, JsonNode> e : channels.fields().entrySet()) {
            b.channel(channel(e.getKey(), e.getValue()));
        }
        return b.build();
    }

    private ChannelFeeSchedule channel(String channelId, JsonNode c) {
        c.allowOnly("versions", "comment");
        JsonNode versionsNode = c.required("versions");
        List<FeeScheduleVersion> versions = new ArrayList<>();
        Map<String, JsonNode> idNodes = new HashMap<>();
        for (JsonNode v : versionsNode.elements()) {
            FeeScheduleVersion version = version(v);
            JsonNode idNode = v.required("id");
            if (idNodes.putIfAbsent(version.id(), idNode) != null) {
                throw idNode.error("channel " + channelId + " already has a version \"" + version.id() + "\"");
            }
            for (FeeScheduleVersion earlier : versions) {
                if (earlier.overlaps(version)) {
                    throw v.required("effectiveFrom").error("version " + version.describe() + " overlaps version "
                            + earlier.describe() + " of channel " + channelId
                            + "; a business day is priced by one version only");
                }
            }
            versions.add(version);
        }
        return construct(c, () -> new ChannelFeeSchedule(channelId, versions));
    }

    private FeeScheduleVersion version(JsonNode v) {
        v.allowOnly("id", "effectiveFrom", "effectiveThrough", "rounding", "methods", "comment");
        FeeScheduleVersion.Builder b = FeeScheduleVersion.builder(v.required("id").text(),
                date(v.required("effectiveFrom")));
        v.optional("effectiveThrough").ifPresent(n -> b.effectiveThrough(date(n)));
        v.optional("rounding").ifPresent(n -> b.rounding(enumValue(n, FeeRounding.class)));
        for (Map.Entry<String, JsonNode> e : v.required("methods").fields().entrySet()) {
            b.add(methodFees(method(e.getValue(), e.getKey()), e.getValue()));
        }
        return construct(v, b::build);
    }

    private PaymentMethod method(JsonNode at, String id) {
        return registry.find(id).orElseThrow(() -> at.error("unknown payment method \"" + id + "\"; known: "
                + registry.all().stream().map(PaymentMethod::id).toList()));
    }

    private MethodFees methodFees(PaymentMethod method, JsonNode m) {
        m.allowOnly("rate", "fixed", "minimum", "cap", "settlement", "installment", "waiver", "comment");
        MethodFees.Builder b = MethodFees.builder(method, rate(m.required("rate")));
        m.optional("fixed").ifPresent(n -> b.fixed(money(n)));
        m.optional("minimum").ifPresent(n -> b.minimum(money(n)));
        m.optional("cap").ifPresent(n -> b.cap(money(n)));
        m.optional("settlement").ifPresent(s -> {
            for (Map.Entry<String, JsonNode> e : s.fields().entrySet()) {
                SettlementSpeed speed = speed(e.getValue(), e.getKey());
                JsonNode sn = e.getValue().allowOnly("rate", "fixed", "comment");
                b.settlement(speed, new SettlementSurcharge(rate(sn.required("rate")),
                        sn.optional("fixed").map(n -> money(n)).orElse(dev.tenderkit.core.money.Money.ZERO)));
            }
        });
        m.optional("installment").ifPresent(i -> {
            i.allowOnly("rate", "sellerPercent", "comment");
            JsonNode percentNode = i.required("sellerPercent");
            InstallmentFeeShare share = construct(percentNode,
                    () -> InstallmentFeeShare.sellerPercent(percentNode.integer(0, 100)).requireAllowedFor(method));
            b.installment(rate(i.required("rate")), share);
        });
        m.optional("waiver").ifPresent(w -> {
            w.allowOnly("monthlyVolume", "comment");
            b.waiver(positiveMoney(w.required("monthlyVolume")));
        });
        return construct(m, b::build);
    }

    private static SettlementSpeed speed(JsonNode at, String name) {
        for (SettlementSpeed s : SettlementSpeed.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw at.error("unknown settlement speed \"" + name + "\"; expected one of "
                + java.util.Arrays.toString(SettlementSpeed.values()));
    }

    private static FeeRate rate(JsonNode node) {
        if (node.kind() == JsonNode.Kind.NUMBER) {
            throw node.error("rates are written as strings, e.g. \"0.38%\" or \"0.0038\", so that no binary floating "
                    + "point touches them; found the number " + node.raw());
        }
        String text = node.string();
        return construct(node, () -> FeeRate.parse(text));
    }

    /**
     * Runs a validating constructor; an {@link InvalidInputException} naming a field of {@code node}
     * becomes an error at that field, any other at {@code node}.
     */
    private static <T> T construct(JsonNode node, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (MalformedDocumentException e) {
            throw e;
        } catch (InvalidInputException e) {
            JsonNode at = node.kind() == JsonNode.Kind.OBJECT ? node.optional(e.field()).orElse(node) : node;
            throw at.error(e.getMessage(), e);
        } catch (TenderKitException e) {
            throw node.error(e.getMessage(), e);
        }
    }
}
