package dev.tenderkit.core.capability;

import static dev.tenderkit.core.internal.json.JsonValues.construct;
import static dev.tenderkit.core.internal.json.JsonValues.date;
import static dev.tenderkit.core.internal.json.JsonValues.distinctTexts;
import static dev.tenderkit.core.internal.json.JsonValues.enumSet;
import static dev.tenderkit.core.internal.json.JsonValues.enumValue;
import static dev.tenderkit.core.internal.json.JsonValues.positiveMoney;
import static dev.tenderkit.core.internal.json.JsonValues.text;
import static dev.tenderkit.core.internal.json.JsonValues.version;

import dev.tenderkit.core.DocumentLimits;
import dev.tenderkit.core.health.HealthIssue;
import dev.tenderkit.core.health.TerminalHealth;
import dev.tenderkit.core.internal.json.JsonDocumentParser;
import dev.tenderkit.core.internal.json.JsonNode;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.merchant.ReviewStatus;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads terminal/merchant descriptions ({@code "schema": "tenderkit.checkout-description/1"}), the
 * input of the doctor: either one description at the top level or several under
 * {@code "scenarios"}. Strict, with errors naming the document, the field's JSON Pointer, and its
 * line and column. See {@code docs/checkout-description.md} for the format. Thread-safe.
 */
public final class CheckoutDescriptionReader {
    /** The schema id this reader understands. */
    public static final String SCHEMA = "tenderkit.checkout-description/1";

    private static final String[] SCENARIO_FIELDS = {"label", "terminal", "merchant", "health", "amount"};

    private final JsonDocumentParser parser;

    /** A reader of documents up to {@link DocumentLimits#DEFAULT_MAX_BYTES} (4 MiB). */
    public CheckoutDescriptionReader() {
        this(DocumentLimits.defaults());
    }

    /** @param limits how large a document may be; a larger one is refused as it is read */
    public CheckoutDescriptionReader(DocumentLimits limits) {
        this.parser = new JsonDocumentParser(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * @param in the document (UTF-8); not closed
     * @param source its name for error messages
     * @return the descriptions, in document order
     * @throws dev.tenderkit.core.MalformedDocumentException when the document is malformed
     */
    public List<CheckoutDescription> read(InputStream in, String source) {
        JsonNode root = parser.parse(in, source).object();
        JsonNode schema = root.required("schema");
        if (!SCHEMA.equals(schema.string())) {
            throw schema.error("unsupported schema \"" + schema.string() + "\"; this version reads \"" + SCHEMA + "\"");
        }
        if (root.optional("scenarios").isPresent()) {
            root.allowOnly("schema", "sample", "comment", "scenarios");
            List<CheckoutDescription> out = new ArrayList<>();
            for (JsonNode s : root.required("scenarios").elements()) {
                out.add(scenario(s.allowOnly(SCENARIO_FIELDS)));
            }
            if (out.isEmpty()) {
                throw root.required("scenarios").error("lists no scenario");
            }
            return out;
        }
        root.allowOnly("schema", "sample", "comment", "label", "terminal", "merchant", "health", "amount");
        return List.of(scenario(root));
    }

    /** Reads descriptions held in a string; see {@link #read(InputStream, String)}. */
    public List<CheckoutDescription> read(String json, String source) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
    }

    private static CheckoutDescription scenario(JsonNode s) {
        String label = s.optional("label").map(JsonNode::text).orElse("(unlabelled)");
        TerminalProfile terminal = terminal(s.required("terminal"));
        MerchantProfile merchant = merchant(s.required("merchant"));
        List<HealthIssue> issues = new ArrayList<>();
        for (JsonNode h : s.optional("health").map(JsonNode::elements).orElse(List.of())) {
            issues.add(healthIssue(h));
        }
        return new CheckoutDescription(label, new CheckoutContext(terminal, merchant, new TerminalHealth(issues)),
                s.optional("amount").map(a -> positiveMoney(a)));
    }

    private static TerminalProfile terminal(JsonNode t) {
        t.allowOnly("brand", "model", "serial", "softwareVersion", "peripherals", "connectivity", "configuredSettings");
        Set<Peripheral> peripherals = t.optional("peripherals").map(p -> enumSet(p, Peripheral.class))
                .orElse(Set.of());
        Set<Connectivity> connectivity = t.optional("connectivity").map(c -> enumSet(c, Connectivity.class))
                .orElse(Set.of());
        Set<String> settings = Set.copyOf(t.optional("configuredSettings").map(c -> distinctTexts(c))
                .orElse(List.of()));
        return construct(t, () -> new TerminalProfile(t.required("brand").text(), t.required("model").text(),
                t.required("serial").text(), version(t.required("softwareVersion")), peripherals, connectivity,
                settings));
    }

    private static MerchantProfile merchant(JsonNode m) {
        m.allowOnly("id", "name", "mcc", "channels", "qualifications");
        JsonNode mcc = m.required("mcc");
        String code = mcc.string();
        if (code.length() != 4 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw mcc.error("a merchant category code is 4 digits as a string, e.g. \"5411\"; found \"" + code + "\"");
        }
        List<String> channels = m.optional("channels").map(c -> distinctTexts(c)).orElse(List.of());
        List<Qualification> qualifications = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode q : m.optional("qualifications").map(JsonNode::elements).orElse(List.of())) {
            Qualification qual = qualification(q);
            String key = qual.channelId() + "/" + qual.product();
            if (seen.contains(key)) {
                throw q.error("a second qualification for channel " + qual.channelId() + " and product "
                        + qual.product());
            }
            seen.add(key);
            qualifications.add(qual);
        }
        return construct(m, () -> new MerchantProfile(m.required("id").text(), m.required("name").text(), code,
                channels, qualifications));
    }

    private static Qualification qualification(JsonNode q) {
        q.allowOnly("channel", "product", "status", "rejectionReason", "submittedOn", "expiresOn");
        ReviewStatus status = enumValue(q.required("status"), ReviewStatus.class);
        if (status == ReviewStatus.REJECTED && q.optional("rejectionReason").isEmpty()) {
            throw q.required("status").error("a REJECTED qualification needs \"rejectionReason\", the reviewer's reason");
        }
        return construct(q, () -> new Qualification(q.required("channel").text(), q.required("product").text(),
                status, q.optional("rejectionReason").map(JsonNode::text),
                q.optional("submittedOn").map(d -> date(d)), q.optional("expiresOn").map(d -> date(d))));
    }

    private static HealthIssue healthIssue(JsonNode h) {
        h.allowOnly("item", "severity", "problem", "action", "wallets");
        return construct(h, () -> new HealthIssue(h.required("item").text(),
                enumValue(h.required("severity"), Severity.class), text(h.required("problem")),
                text(h.required("action")),
                h.optional("wallets").map(w -> enumSet(w, Wallet.class)).orElse(Set.of())));
    }
}
