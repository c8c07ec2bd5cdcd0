package dev.tenderkit.core.internal.json;

import dev.tenderkit.core.MalformedDocumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed JSON value that remembers where it came from (document, line, column, and its parent,
 * from which its JSON Pointer is computed when asked for, typically for an error), so that binding
 * code can reject a bad value with an error pointing at it. Built by {@link JsonDocumentParser},
 * which adds the members and elements; not modified once parsed. Not part of TenderKit's public API.
 */
public final class JsonNode {
    /** The JSON type of a node. */
    public enum Kind {
        /** A JSON object. */
        OBJECT,
        /** A JSON array. */
        ARRAY,
        /** A JSON string. */
        STRING,
        /** A JSON number. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /** null. */
        NULL
    }

    private final String source;
    private final JsonNode parent;
    /** The member name in the parent object, or null. */
    private final String name;
    /** The index in the parent array, or -1. */
    private final int index;
    private final int line;
    private final int column;
    private final Kind kind;
    private final String text;
    private Map<String, JsonNode> fields = Map.of();
    private List<JsonNode> elements = List.of();

    JsonNode(String source, JsonNode parent, String name, int index, int line, int column, Kind kind, String text) {
        this.source = source;
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.text = text;
    }

    /** Parsing: whether this object has the member already. */
    boolean has(String member) {
        return fields.containsKey(member);
    }

    /** Parsing: adds a member to this object. */
    void put(String member, JsonNode value) {
        if (fields.isEmpty()) {
            fields = new LinkedHashMap<>(8);
        }
        fields.put(member, value);
    }

    /** Parsing: adds an element to this array. */
    void add(JsonNode element) {
        if (elements.isEmpty()) {
            elements = new ArrayList<>(4);
        }
        elements.add(element);
    }

    /** @return the document name */
    public String source() {
        return source;
    }

    /** @return the JSON Pointer of this value, "" for the root; computed from the parents on each call */
    public String path() {
        if (parent == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        appendPath(sb);
        return sb.toString();
    }

    private void appendPath(StringBuilder sb) {
        if (parent == null) {
            return;
        }
        parent.appendPath(sb);
        sb.append('/');
        if (name != null) {
            sb.append(name.replace("~", "~0").replace("/", "~1"));
        } else {
            sb.append(index);
        }
    }

    /** @return 1-based line where the value starts */
    public int line() {
        return line;
    }

    /** @return 1-based column where the value starts */
    public int column() {
        return column;
    }

    /** @return the JSON type */
    public Kind kind() {
        return kind;
    }

    /** @return an error located at this value */
    public MalformedDocumentException error(String problem) {
        return new MalformedDocumentException(source, path(), line, column, problem);
    }

    /** @return an error located at this value, with a cause */
    public MalformedDocumentException error(String problem, Throwable cause) {
        return new MalformedDocumentException(source, path(), line, column, problem, cause);
    }

    private MalformedDocumentException wrongKind(String expected) {
        return error("expected " + expected + ", found " + describe());
    }

    private String describe() {
        return switch (kind) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string \"" + text + "\"";
            case NUMBER -> "the number " + text;
            case BOOLEAN -> text;
            case NULL -> "null";
        };
    }

    /** @return the literal text of a scalar (a number's digits as written), "" for objects and arrays */
    public String raw() {
        return text == null ? "" : text;
    }

    /** @return this node, checked to be an object */
    public JsonNode object() {
        if (kind != Kind.OBJECT) {
            throw wrongKind("an object");
        }
        return this;
    }

    /**
     * Rejects fields not in the allowed set, so that a misspelt key is reported instead of silently
     * ignored.
     *
     * @return this node
     */
    public JsonNode allowOnly(String... allowed) {
        object();
        Set<String> ok = Set.of(allowed);
        for (JsonNode f : fields.values()) {
            if (!ok.contains(f.name)) {
                throw f.error("unknown field \"" + f.name + "\"; allowed here: " + new TreeSet<>(ok));
            }
        }
        return this;
    }

    /** @return the required field of this object */
    public JsonNode required(String name) {
        JsonNode f = object().fields.get(name);
        if (f == null) {
            throw error("missing required field \"" + name + "\"");
        }
        return f;
    }

    /** @return the field of this object, absent when missing or null */
    public Optional<JsonNode> optional(String name) {
        JsonNode f = object().fields.get(name);
        return f == null || f.kind == Kind.NULL ? Optional.empty() : Optional.of(f);
    }

    /** @return the field names and values of this object, in document order */
    public Map<String, JsonNode> fields() {
        return Collections.unmodifiableMap(object().fields);
    }

    /** @return the elements of this array */
    public List<JsonNode> elements() {
        if (kind != Kind.ARRAY) {
            throw wrongKind("an array");
        }
        return Collections.unmodifiableList(elements);
    }

    /** @return the string value */
    public String string() {
        if (kind != Kind.STRING) {
            throw wrongKind("a string");
        }
        return text;
    }

    /** @return the string value, required not blank */
    public String text() {
        String s = string();
        if (s.isBlank()) {
            throw error("must not be blank");
        }
        return s;
    }

    /** @return the boolean value */
    public boolean bool() {
        if (kind != Kind.BOOLEAN) {
            throw wrongKind("true or false");
        }
        return Boolean.parseBoolean(text);
    }

    /** @return the value as an int, required integral and within range */
    public int integer(int min, int max) {
        if (kind != Kind.NUMBER) {
            throw wrongKind("an integer");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error("not a number: " + text, e);
        }
        if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
                || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw error("expected an integer in [" + min + ", " + max + "], found " + text);
        }
        return d.intValueExact();
    }

    /** @return the strings of this array, each required not blank */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : elements()) {
            out.add(e.text());
        }
        return out;
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + column + " " + path() + " " + describe();
    }
}
