package dev.tenderkit.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tenderkit.core.DocumentLimits;
import dev.tenderkit.core.MalformedDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Parses a JSON document with jackson-core's streaming parser into {@link JsonNode}s that carry
 * their line and column (1-based; columns count characters, not UTF-8 bytes) and can name their
 * JSON Pointer. Strict: duplicate keys, trailing content, comments and non-standard numbers are
 * errors.
 *
 * <p>Bounded, so that a hostile or wrong file cannot exhaust memory: the document's size
 * ({@link DocumentLimits}, counted while it is read: reading stops one byte past the limit), its
 * nesting depth ({@value DocumentLimits#MAX_NESTING_DEPTH}), strings (1 MiB) and numbers (64
 * digits). The value of a member named {@value #COMMENT} (free text for people in every TenderKit
 * format) is never built: an object or array there is skipped token by token (the depth limit
 * holding there too) and stands as an empty one, so the readers can still refuse a comment where
 * their format allows none. The limits are TenderKit's own, not jackson's
 * {@code StreamReadConstraints}, so that jackson-core 2.13 and later all parse alike. Thread-safe.
 */
public final class JsonDocumentParser {
    /** The member whose value is skipped rather than built. */
    public static final String COMMENT = "comment";

    private static final int MAX_STRING_CHARS = 1024 * 1024;
    private static final int MAX_NUMBER_CHARS = 64;

    private final DocumentLimits limits;
    private final JsonFactory factory;

    /** Creates a parser with TenderKit's strict settings and {@link DocumentLimits#defaults()}. */
    public JsonDocumentParser() {
        this(DocumentLimits.defaults());
    }

    /** @param limits how large a document may be */
    public JsonDocumentParser(DocumentLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        // Duplicate keys are detected while building the tree, not by jackson, whose error points
        // after the repeated name instead of at it.
        // The limits are checked here, not with jackson's StreamReadConstraints (2.15+): a POS
        // application's own jackson-databind 2.13 brings jackson-core 2.13, which Maven may pick.
        this.factory = JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    }

    /**
     * @param in the document, UTF-8 (or UTF-16/32 with BOM detection); not closed
     * @param source the document's name for error messages, e.g. a file path
     * @return the root node
     * @throws MalformedDocumentException naming the line, column and path of the first problem;
     *     columns count characters, not bytes; or, for a document over the size limit, the limit
     *     and the size found
     * @throws UncheckedIOException if reading fails
     */
    public JsonNode parse(InputStream in, String source) {
        byte[] document;
        long atLeast;
        try {
            // Held whole so that byte columns can be turned into character columns; never more than the limit.
            document = readAtMost(in, limits.maxBytes() + 1);
            atLeast = document.length > limits.maxBytes() ? document.length + Math.max(0, in.available()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " failed", e);
        }
        if (document.length > limits.maxBytes()) {
            throw new MalformedDocumentException(source, "", -1, -1, "the document is larger than the limit of "
                    + limits.describeMaxBytes() + ": it holds at least " + atLeast + " bytes; is this the right file?"
                    + " If so, raise the limit where the reader is built (DocumentLimits)");
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
        JsonNode root = read(p, source, columns, null, null, -1, 0);
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
            // An error without a location of its own: the parser's is where it stopped.
            loc = p.currentLocation();
        }
        String path = p == null ? "" : pointer(p);
        int line = loc == null ? -1 : loc.getLineNr();
        int column = loc == null ? -1 : columns.of(loc);
        return new MalformedDocumentException(source, path, line, column, "invalid JSON: " + e.getOriginalMessage(), e);
    }

    /** @param depth how many arrays and objects enclose the container that starts at the current token */
    private static void checkDepth(JsonParser p, String source, CharacterColumns columns, int depth) {
        if (depth >= DocumentLimits.MAX_NESTING_DEPTH) {
            JsonLocation loc = p.currentLocation();
            throw new MalformedDocumentException(source, pointer(p), loc.getLineNr(), columns.of(loc),
                    "nesting depth exceeds the limit of " + DocumentLimits.MAX_NESTING_DEPTH
                            + " arrays and objects inside each other");
        }
    }

    private static void checkLength(JsonParser p, String source, CharacterColumns columns, String what, int max)
            throws IOException {
        int length = p.getTextLength();
        if (length > max) {
            JsonLocation loc = p.currentTokenLocation();
            throw new MalformedDocumentException(source, pointer(p), loc.getLineNr(), columns.of(loc),
                    "a " + what + " of " + length + " characters is longer than the limit of " + max);
        }
    }

    private static String pointer(JsonParser parser) {
        try {
            return parser.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException ignored) {
            // The path is a courtesy; the line and column already locate the error.
            return "";
        }
    }

    private JsonNode read(JsonParser p, String source, CharacterColumns columns, JsonNode parent, String name,
            int index, int depth) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = columns.of(loc);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                checkDepth(p, source, columns, depth);
                JsonNode object = new JsonNode(source, parent, name, index, line, col, JsonNode.Kind.OBJECT, null);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    if (object.has(field)) {
                        JsonLocation at = p.currentTokenLocation();
                        JsonNode repeated = new JsonNode(source, object, field, -1, at.getLineNr(), columns.of(at),
                                JsonNode.Kind.NULL, "null");
                        throw repeated.error("duplicate field \"" + field + "\"; a field may appear only once in an object");
                    }
                    p.nextToken();
                    object.put(field, COMMENT.equals(field)
                            ? skip(p, source, columns, object, field, depth + 1)
                            : read(p, source, columns, object, field, -1, depth + 1));
                }
                return object;
            }
            case START_ARRAY: {
                checkDepth(p, source, columns, depth);
                JsonNode array = new JsonNode(source, parent, name, index, line, col, JsonNode.Kind.ARRAY, null);
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p, source, columns, array, null, i++, depth + 1));
                }
                return array;
            }
            case VALUE_STRING:
                checkLength(p, source, columns, "string", MAX_STRING_CHARS);
                return new JsonNode(source, parent, name, index, line, col, JsonNode.Kind.STRING, p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                checkLength(p, source, columns, "number", MAX_NUMBER_CHARS);
                return new JsonNode(source, parent, name, index, line, col, JsonNode.Kind.NUMBER, p.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new JsonNode(source, parent, name, index, line, col, JsonNode.Kind.BOOLEAN, p.getText());
            case VALUE_NULL:
                return new JsonNode(source, parent, name, index, line, col, JsonNode.Kind.NULL, "null");
            default:
                throw new JsonNode(source, parent, name, index, line, col, JsonNode.Kind.NULL, "null")
                        .error("unexpected token " + t);
        }
    }

    /** A comment's value: a scalar as it is, an object or array skipped unread and standing as an empty one. */
    private JsonNode skip(JsonParser p, String source, CharacterColumns columns, JsonNode parent, String name,
            int depth) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return read(p, source, columns, parent, name, -1, depth);
        }
        JsonLocation loc = p.currentTokenLocation();
        JsonNode placeholder = new JsonNode(source, parent, name, -1, loc.getLineNr(), columns.of(loc),
                t == JsonToken.START_OBJECT ? JsonNode.Kind.OBJECT : JsonNode.Kind.ARRAY, null);
        // Skipped token by token rather than with skipChildren(), so that the depth limit holds here too.
        checkDepth(p, source, columns, depth);
        int open = 1;
        while (open > 0) {
            JsonToken next = p.nextToken();
            if (next == JsonToken.START_OBJECT || next == JsonToken.START_ARRAY) {
                checkDepth(p, source, columns, depth + open);
                open++;
            } else if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
                open--;
            } else if (next == null) {
                throw new JsonParseException(p, "unexpected end of the document inside a comment");
            }
        }
        return placeholder;
    }

    /** {@code InputStream.readNBytes(int)}, which Android (API 26) lacks: up to {@code max} bytes, fewer at the end. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] buf = new byte[Math.min(max, 8192)];
        int n = 0;
        while (n < max) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(max, buf.length * 2L));
            }
            int read = in.read(buf, n, buf.length - n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }
}
