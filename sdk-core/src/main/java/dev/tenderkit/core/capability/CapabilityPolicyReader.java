package dev.tenderkit.core.capability;

import static dev.tenderkit.core.internal.json.JsonValues.construct;
import static dev.tenderkit.core.internal.json.JsonValues.distinctTexts;
import static dev.tenderkit.core.internal.json.JsonValues.duration;
import static dev.tenderkit.core.internal.json.JsonValues.enumValue;
import static dev.tenderkit.core.internal.json.JsonValues.instant;
import static dev.tenderkit.core.internal.json.JsonValues.text;
import static dev.tenderkit.core.internal.json.JsonValues.version;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.DocumentLimits;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.internal.json.JsonDocumentParser;
import dev.tenderkit.core.internal.json.JsonNode;
import dev.tenderkit.core.internal.json.JsonValues;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the platform policy document ({@code "schema": "tenderkit.capability-policy/1"}) with
 * jackson-core's streaming parser. Strict: unknown fields, unknown method ids, duplicate entries,
 * amounts written as JSON numbers and impossible ranges are errors that name the document, the
 * field's JSON Pointer, and its line and column. See {@code docs/capability-policy.md} for the
 * format. Thread-safe.
 */
public final class CapabilityPolicyReader {
    /** The schema id this reader understands. */
    public static final String SCHEMA = "tenderkit.capability-policy/1";

    private final PaymentMethodRegistry registry;
    private final JsonDocumentParser parser;

    /**
     * A reader of documents up to {@link DocumentLimits#DEFAULT_MAX_BYTES} (4 MiB).
     *
     * @param registry resolves the method ids the policy names
     */
    public CapabilityPolicyReader(PaymentMethodRegistry registry) {
        this(registry, DocumentLimits.defaults());
    }

    /**
     * @param registry resolves the method ids the policy names
     * @param limits how large a document may be; a larger one is refused as it is read
     */
    public CapabilityPolicyReader(PaymentMethodRegistry registry, DocumentLimits limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.parser = new JsonDocumentParser(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * @param in the document (UTF-8); not closed
     * @param source its name for error messages
     * @return the policy
     * @throws dev.tenderkit.core.MalformedDocumentException when the document is malformed
     */
    public CapabilityPolicy read(InputStream in, String source) {
        return bind(parser.parse(in, source));
    }

    /** Reads a policy held in a string; see {@link #read(InputStream, String)}. */
    public CapabilityPolicy read(String json, String source) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
    }

    private CapabilityPolicy bind(JsonNode root) {
        root.allowOnly("schema", "version", "issuedAt", "maxAge", "sample", "comment", "methods", "terminals",
                "mccRestrictions", "channels", "qualifications");
        JsonNode schema = root.required("schema");
        if (!SCHEMA.equals(schema.string())) {
            throw schema.error("unsupported schema \"" + schema.string() + "\"; this version reads \"" + SCHEMA + "\"");
        }
        String version = root.required("version").text();
        JsonNode issuedAtNode = root.required("issuedAt");
        Instant issuedAt = instant(issuedAtNode);
        JsonNode maxAgeNode = root.required("maxAge");
        Duration maxAge = positive(maxAgeNode);
        // The policy keeps its expiry in epoch milliseconds; say which field overflows it here
        // rather than let an ArithmeticException escape from build().
        long issuedAtMillis;
        try {
            issuedAtMillis = issuedAt.toEpochMilli();
        } catch (ArithmeticException e) {
            throw issuedAtNode.error("is too far from 1970 to be an issue time, found \"" + issuedAtNode.string()
                    + "\"", e);
        }
        try {
            Math.addExact(issuedAtMillis, maxAge.toMillis());
        } catch (ArithmeticException e) {
            throw maxAgeNode.error("is too long: the policy would expire more than 292 million years after "
                    + "1970; found \"" + maxAgeNode.string() + "\"", e);
        }
        CapabilityPolicy.Builder b = CapabilityPolicy.builder()
                .version(version)
                .issuedAt(issuedAt)
                .maxAge(maxAge)
                .sample(root.optional("sample").map(JsonNode::bool).orElse(false));
        root.optional("methods").ifPresent(methods -> {
            for (Map.Entry<String, JsonNode> e : methods.fields().entrySet()) {
                b.methodRequirements(methodRequirements(method(e.getValue(), e.getKey()), e.getValue()));
            }
        });
        // The same comparison as the policy's brand/model index, so that every pair it would refuse
        // as a duplicate is reported here, at the entry.
        Set<String> certified = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode t : root.optional("terminals").map(JsonNode::elements).orElse(List.of())) {
            TerminalCertification c = certification(t);
            if (!certified.add(c.brand() + "\u0000" + c.model())) {
                throw t.error("terminal " + c.displayName() + " is listed twice; merge the entries");
            }
            b.certification(c);
        }
        for (JsonNode r : root.optional("mccRestrictions").map(JsonNode::elements).orElse(List.of())) {
            b.mccRestriction(mccRestriction(r));
        }
        Set<String> channelIds = new HashSet<>();
        for (JsonNode c : root.optional("channels").map(JsonNode::elements).orElse(List.of())) {
            ChannelProfile channel = channel(c);
            if (!channelIds.add(channel.id())) {
                throw c.required("id").error("channel \"" + channel.id() + "\" is listed twice");
            }
            b.channel(channel);
        }
        root.optional("qualifications").ifPresent(quals -> {
            for (Map.Entry<String, JsonNode> e : quals.fields().entrySet()) {
                JsonNode q = e.getValue().allowOnly("name", "materials");
                b.qualificationRequirement(construct(q, () -> new QualificationRequirement(e.getKey(),
                        text(q.required("name")), q.optional("materials").map(JsonNode::texts).orElse(List.of()))));
            }
        });
        try {
            return b.build();
        } catch (ConfigurationException e) {
            throw root.error(e.getMessage(), e);
        }
    }

    private static Duration positive(JsonNode node) {
        Duration d = duration(node);
        if (d.isNegative() || d.isZero()) {
            throw node.error("must be a positive duration, found " + node.string());
        }
        return d;
    }

    private PaymentMethod method(JsonNode at, String id) {
        return registry.find(id).orElseThrow(() -> at.error("unknown payment method \"" + id + "\"; known: "
                + registry.all().stream().map(PaymentMethod::id).toList()));
    }

    private PaymentMethod method(JsonNode idNode) {
        return method(idNode, idNode.text());
    }

    private MethodRequirements methodRequirements(PaymentMethod method, JsonNode n) {
        n.allowOnly("certificationRequired", "requiredSettings", "minAmount", "maxAmount");
        Optional<Money> min = n.optional("minAmount").map(JsonValues::positiveMoney);
        Optional<Money> max = n.optional("maxAmount").map(JsonValues::positiveMoney);
        return construct(n, () -> new MethodRequirements(method,
                n.optional("certificationRequired").map(JsonNode::bool).orElse(false),
                n.optional("requiredSettings").map(x -> distinctTexts(x)).orElse(List.of()), min, max));
    }

    private TerminalCertification certification(JsonNode t) {
        t.allowOnly("brand", "model", "certified");
        Map<String, SoftwareVersion> versions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : t.required("certified").fields().entrySet()) {
            PaymentMethod m = method(e.getValue(), e.getKey());
            versions.put(m.id(), version(e.getValue()));
        }
        return construct(t, () -> new TerminalCertification(t.required("brand").text(), t.required("model").text(),
                versions));
    }

    private MccRestriction mccRestriction(JsonNode r) {
        r.allowOnly("mcc", "mccRange", "deny", "denyCredit", "reason");
        int from;
        int to;
        if (r.optional("mcc").isPresent() == r.optional("mccRange").isPresent()) {
            throw r.error("give exactly one of \"mcc\" (e.g. \"5933\") or \"mccRange\" (e.g. [\"7800\", \"7999\"])");
        }
        if (r.optional("mcc").isPresent()) {
            from = mcc(r.required("mcc"));
            to = from;
        } else {
            List<JsonNode> range = r.required("mccRange").elements();
            if (range.size() != 2) {
                throw r.required("mccRange").error("an MCC range has exactly two codes, first and last");
            }
            from = mcc(range.get(0));
            to = mcc(range.get(1));
            if (to < from) {
                throw range.get(1).error("the range ends before it starts");
            }
        }
        Set<PaymentMethod> denied = new HashSet<>();
        for (JsonNode m : r.optional("deny").map(JsonNode::elements).orElse(List.of())) {
            if (!denied.add(method(m))) {
                throw m.error("\"" + m.string() + "\" is listed twice");
            }
        }
        boolean denyCredit = r.optional("denyCredit").map(JsonNode::bool).orElse(false);
        LocalizedText reason = text(r.required("reason"));
        return construct(r, () -> new MccRestriction(from, to, denied, denyCredit, reason));
    }

    private static int mcc(JsonNode node) {
        String s = node.string();
        if (s.length() != 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw node.error("a merchant category code is 4 digits as a string, e.g. \"5933\"; found \"" + s + "\"");
        }
        return Integer.parseInt(s);
    }

    private ChannelProfile channel(JsonNode c) {
        c.allowOnly("id", "name", "licence", "offers");
        List<ChannelOffering> offerings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : c.required("offers").fields().entrySet()) {
            JsonNode o = e.getValue().allowOnly("qualificationRequired", "minAmount", "maxAmount");
            PaymentMethod m = method(o, e.getKey());
            Optional<Money> min = o.optional("minAmount").map(JsonValues::positiveMoney);
            Optional<Money> max = o.optional("maxAmount").map(JsonValues::positiveMoney);
            offerings.add(construct(o, () -> new ChannelOffering(m,
                    o.optional("qualificationRequired").map(JsonNode::bool).orElse(false), min, max)));
        }
        JsonNode id = c.required("id");
        LocalizedText name = text(c.required("name"));
        LicenceKind licence = enumValue(c.required("licence"), LicenceKind.class);
        try {
            return new ChannelProfile(id.string(), name, licence, offerings);
        } catch (TenderKitException e) {
            throw id.error(e.getMessage(), e);
        }
    }
}
