package dev.tenderkit.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
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
 * their JSON Pointer, line and column. Strict: duplicate keys, trailing content, comments and
 * non-standard numbers are errors. Documents are bounded (nesting depth, string and document
 * length) so that a hostile file cannot exhaust memory. Thread-safe.
 */
public final class JsonDocumentParser {
    private static final int MAX_DEPTH = 64;
    private static final long MAX_DOCUMENT_CHARS = 16L * 1024 * 1024;

    private final JsonFactory factory;

    /** Creates a parser with TenderKit's strict settings. */
    public JsonDocumentParser() {
        this.factory = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(1024 * 1024)
                        .maxNumberLength(64)
                        .maxDocumentLength(MAX_DOCUMENT_CHARS)
                        .build())
                .build();
    }

    /**
     * @param in the document, UTF-8 (or UTF-16/32 with BOM detection); not closed
     * @param source the document's name for error messages, e.g. a file path
     * @return the root node
     * @throws MalformedDocumentException naming the line, column and path of the first problem
     * @throws UncheckedIOException if reading fails
     */
    public JsonNode parse(InputStream in, String source) {
        try (JsonParser p = factory.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedDocumentException(source, "", 1, 1, "the document is empty");
            }
            JsonNode root = read(p, source, "");
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new MalformedDocumentException(source, "", loc.getLineNr(), loc.getColumnNr(),
                        "unexpected content after the end of the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " failed", e);
        }
    }

    private static MalformedDocumentException syntaxError(String source, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String path = "";
        if (e instanceof JsonParseException pe && pe.getProcessor() != null) {
            path = pointer(pe.getProcessor());
        }
        return new MalformedDocumentException(source, path, loc == null ? -1 : loc.getLineNr(),
                loc == null ? -1 : loc.getColumnNr(), "invalid JSON: " + e.getOriginalMessage(), e);
    }

    private static String pointer(JsonParser parser) {
        try {
            return parser.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException ignored) {
            // The path is a courtesy; the line and column already locate the error.
            return "";
        }
    }

    private JsonNode read(JsonParser p, String source, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, read(p, source, path + "/" + escape(name)));
                }
                return new JsonNode(source, path, line, col, JsonNode.Kind.OBJECT, null, fields, null);
            }
            case START_ARRAY: {
                List<JsonNode> elements = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(p, source, path + "/" + i++));
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
