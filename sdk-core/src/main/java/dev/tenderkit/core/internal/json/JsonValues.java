package dev.tenderkit.core.internal.json;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Converts located JSON values into TenderKit values, turning any parse failure into an error
 * located at the value. Money is always a JSON string ("88.00"), never a JSON number, so that no
 * binary floating point touches it.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** @return the amount in a string like {@code "88.00"} */
    public static Money money(JsonNode node) {
        if (node.kind() == JsonNode.Kind.NUMBER) {
            throw node.error("amounts are written as strings of yuan with at most two decimals, e.g. \"88.00\"; "
                    + "found the number " + node.raw());
        }
        String text = node.string();
        try {
            return Money.parse(text);
        } catch (TenderKitException e) {
            throw node.error(e.getMessage(), e);
        }
    }

    /** @return a positive amount in a string like {@code "88.00"} */
    public static Money positiveMoney(JsonNode node) {
        Money m = money(node);
        if (m.isZero()) {
            throw node.error("must be a positive amount, found \"" + node.string() + "\"");
        }
        return m;
    }

    /** @return the software version */
    public static SoftwareVersion version(JsonNode node) {
        String text = node.string();
        try {
            return SoftwareVersion.parse(text);
        } catch (TenderKitException e) {
            throw node.error(e.getMessage(), e);
        }
    }

    /** @return the ISO-8601 instant, e.g. {@code 2026-11-20T00:00:00Z} */
    public static Instant instant(JsonNode node) {
        try {
            return Instant.parse(node.string());
        } catch (DateTimeParseException e) {
            throw node.error("expected an ISO-8601 instant such as \"2026-11-20T00:00:00Z\", found \""
                    + node.string() + "\"", e);
        }
    }

    /** @return the ISO-8601 date, e.g. {@code 2026-11-20} */
    public static LocalDate date(JsonNode node) {
        try {
            return LocalDate.parse(node.string());
        } catch (DateTimeParseException e) {
            throw node.error("expected an ISO-8601 date such as \"2026-11-20\", found \"" + node.string() + "\"", e);
        }
    }

    /** @return the ISO-8601 duration, e.g. {@code P30D} */
    public static Duration duration(JsonNode node) {
        try {
            return Duration.parse(node.string());
        } catch (DateTimeParseException e) {
            throw node.error("expected an ISO-8601 duration such as \"P30D\" or \"PT12H\", found \""
                    + node.string() + "\"", e);
        }
    }

    /** @return the enum constant named by the string, exactly */
    public static <E extends Enum<E>> E enumValue(JsonNode node, Class<E> type) {
        String s = node.string();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw node.error("unknown value \"" + s + "\"; expected one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** @return the set of enum constants named by an array of strings; duplicates are errors */
    public static <E extends Enum<E>> Set<E> enumSet(JsonNode node, Class<E> type) {
        EnumSet<E> out = EnumSet.noneOf(type);
        for (JsonNode e : node.elements()) {
            if (!out.add(enumValue(e, type))) {
                throw e.error("\"" + e.string() + "\" is listed twice");
            }
        }
        return out;
    }

    /** @return {@code {"zh": "...", "en": "..."}} as text */
    public static LocalizedText text(JsonNode node) {
        node.allowOnly("zh", "en");
        return new LocalizedText(node.required("zh").text(), node.required("en").text());
    }

    /** @return the strings of an array; duplicates are errors */
    public static List<String> distinctTexts(JsonNode node) {
        List<String> out = node.texts();
        for (int i = 0; i < out.size(); i++) {
            if (out.indexOf(out.get(i)) != i) {
                throw node.elements().get(i).error("\"" + out.get(i) + "\" is listed twice");
            }
        }
        return out;
    }

    /**
     * Runs a constructor that validates, turning its {@link TenderKitException} into an error at
     * the node that held the data.
     */
    public static <T> T construct(JsonNode node, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (dev.tenderkit.core.MalformedDocumentException e) {
            throw e;
        } catch (TenderKitException e) {
            throw node.error(e.getMessage(), e);
        }
    }
}
