package dev.tenderkit.wechat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object of a WeChat Pay answer, read with jackson-core's streaming parser into plain
 * values: nested objects as {@code JsonObject}, arrays as lists, strings, whole numbers as
 * {@code Long} (fen amounts are integers; a fraction is kept as its text and never read as an
 * amount), booleans, null as absent. A key that occurs twice refuses the whole text, so no
 * reader can be shown another value than the one that was signed. Immutable.
 */
final class JsonObject {
    private static final JsonFactory FACTORY = new JsonFactory();
    static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, Object> fields;

    private JsonObject(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * @param text the text
     * @return the object, or empty if the text is not exactly one JSON object
     */
    static Optional<JsonObject> parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonObject o = readObject(p);
            return p.nextToken() == null ? Optional.of(o) : Optional.empty();
        } catch (IOException | DuplicateKey e) {
            return Optional.empty();
        }
    }

    private static JsonObject readObject(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object v = readValue(p);
            if (m.containsKey(name)) {
                throw new DuplicateKey();
            }
            m.put(name, v);
        }
        return new JsonObject(m);
    }

    private static Object readValue(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(readValue(p));
                }
                return Collections.unmodifiableList(l);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.INT || p.getNumberType() == JsonParser.NumberType.LONG
                        ? (Object) p.getLongValue() : p.getText();
            case VALUE_NUMBER_FLOAT:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NullValue.NULL;
            default:
                throw new IOException("unexpected token " + p.currentToken());
        }
    }

    /** @return the string at the field, if it is one */
    Optional<String> string(String field) {
        return fields.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** @return the whole number at the field, if it is one */
    Optional<Long> number(String field) {
        return fields.get(field) instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    /** @return the boolean at the field, if it is one */
    Optional<Boolean> bool(String field) {
        return fields.get(field) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** @return the object at the field, or {@link #EMPTY} */
    JsonObject object(String field) {
        return fields.get(field) instanceof JsonObject o ? o : EMPTY;
    }

    /** @return the value at the field as read (a list for an array), or null */
    Object raw(String field) {
        return fields.get(field);
    }

    /** @return whether the field is present with any value */
    boolean has(String field) {
        return fields.containsKey(field);
    }

    /** @return the field names */
    java.util.Set<String> names() {
        return fields.keySet();
    }

    @Override
    public String toString() {
        return "JsonObject" + fields.keySet();
    }

    /** JSON null, kept apart from absent only to make {@link #has} honest. */
    private enum NullValue { NULL }

    private static final class DuplicateKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateKey() {
            super("duplicate key", null, false, false);
        }
    }
}
