package dev.tenderkit.wechat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a request body: a JSON object of strings, whole numbers and nested objects, in the order
 * given, by jackson-core's generator (so every string is escaped correctly, Chinese and emoji
 * included, and written as UTF-8 by the caller). Not thread-safe; one per request.
 */
final class JsonBody {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** @return this, with the field set (a null value leaves it out) */
    JsonBody put(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /** @return this, with the nested object set */
    JsonBody put(String name, JsonBody value) {
        fields.put(name, value);
        return this;
    }

    /** @return the JSON text */
    String text() {
        StringWriter w = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            g.writeFieldName(e.getKey());
            Object v = e.getValue();
            if (v instanceof JsonBody b) {
                b.write(g);
            } else if (v instanceof Long || v instanceof Integer) {
                g.writeNumber(((Number) v).longValue());
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
    }
}
