package dev.tenderkit.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.tenderkit.core.MalformedDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a JSON document with jackson-core's streaming parser into {@link JsonNode}s that carry
 * their JSON Pointer, line and column (1-based; columns count characters, not UTF-8 bytes).
 * Strict: duplicate keys, trailing content, comments and non-standard numbers are errors.
 * Documents are bounded (nesting depth, string and document length) so that a hostile file cannot
 * exhaust memory. Thread-safe.
 */
public final class JsonDocumentParser {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    private final JsonFactory factory;

    /** Creates a parser with TenderKit's strict settings. */
    public JsonDocumentParser() {
        // Duplicate keys are detected while building the tree, not by jackson, whose error points
        // after the repeated name instead of at it.
        this.factory = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(1024 * 1024)
                        .maxNumberLength(64)
                        .maxDocumentLength(MAX_DOCUMENT_BYTES)
                        .build())
                .build();
    }

    /**
     * @param in the document, UTF-8 (or UTF-16/32 with BOM detection); not closed
     * @param source the document's name for error messages, e.g. a file path
     * @return the root node
     * @throws MalformedDocumentException naming the line, column and path of the first problem;
     *     columns count characters, not bytes
     * @throws UncheckedIOException if reading fails
     */
    public JsonNode parse(InputStream in, String source) {
        byte[] document;
        try {
            // Held whole so that byte columns can be turned into character columns.
            document = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " failed", e);
        }
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new MalformedDocumentException(source, "", -1, -1, "the document is larger than "
                    + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB");
        }
        CharacterColumns columns = new CharacterColumns(document);
        try (JsonParser p = factory.createParser(document)) {
            try {
                return parse(p, source, columns);
            } catch (JsonProcessingException e) {
                throw syntaxError(source, e, p, columns);
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e, null, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " failed", e);
        }
    }

    private JsonNode parse(JsonParser p, String source, CharacterColumns columns) throws IOException {
        p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new MalformedDocumentException(source, "", 1, 1, "the document is empty");
        }
        JsonNode root = read(p, source, columns, "");
        JsonToken extra = p.nextToken();
        if (extra != null) {
            JsonLocation loc = p.currentTokenLocation();
            throw new MalformedDocumentException(source, "", loc.getLineNr(), columns.of(loc),
                    "unexpected content after the end of the document");
        }
        return root;
    }

    private static MalformedDocumentException syntaxError(String source, JsonProcessingException e, JsonParser p,
            CharacterColumns columns) {
        JsonLocation loc = e.getLocation();
        if (loc == null && p != null) {
            // Constraint violations (nesting too deep) carry no location; the parser's is where it stopped.
            loc = p.currentLocation();
        }
        String path = p == null ? "" : pointer(p);
        return new MalformedDocumentException(source, path, loc == null ? -1 : loc.getLineNr(),
                loc == null ? -1 : columns.of(loc), "invalid JSON: " + e.getOriginalMessage(), e);
    }

    private static String pointer(JsonParser parser) {
        try {
            return parser.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException ignored) {
            // The path is a courtesy; the line and column already locate the error.
            return "";
        }
    }

    private JsonNode read(JsonParser p, String source, CharacterColumns columns, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = columns.of(loc);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String fieldPath = path + "/" + escape(name);
                    if (fields.containsKey(name)) {
                        JsonLocation at = p.currentTokenLocation();
                        throw new MalformedDocumentException(source, fieldPath, at.getLineNr(), columns.of(at),
                                "duplicate field \"" + name + "\"; a field may appear only once in an object");
                    }
                    p.nextToken();
                    fields.put(name, read(p, source, columns, fieldPath));
                }
                return new JsonNode(source, path, line, col, JsonNode.Kind.OBJECT, null, fields, null);
            }
            case START_ARRAY: {
                List<JsonNode> elements = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(p, source, columns, path + "/" + i++));
                }
                return new JsonNode(source, path, line, col, JsonNode.Kind.ARRAY, null, null, elements);
            }
            case VALUE_STRING:
                return new JsonNode(source, path, line, col, JsonNode.Kind.STRING, p.getText(), null, null);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNode(source, path, line, col, JsonNode.Kind.NUMBER, p.getText(), null, null);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new JsonNode(source, path, line, col, JsonNode.Kind.BOOLEAN, p.getText(), null, null);
            case VALUE_NULL:
                return new JsonNode(source, path, line, col, JsonNode.Kind.NULL, "null", null, null);
            default:
                throw new MalformedDocumentException(source, path, line, col, "unexpected token " + t);
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
