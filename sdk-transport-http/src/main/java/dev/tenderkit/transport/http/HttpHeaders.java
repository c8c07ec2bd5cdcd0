package dev.tenderkit.transport.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The headers of a received HTTP response, immutable. Names are compared case-insensitively and
 * kept in lower case; a name may carry several values, in the order they were received.
 *
 * @param values lower-case header name to its values in received order
 */
public record HttpHeaders(Map<String, List<String>> values) {

    /** No headers. */
    public static final HttpHeaders EMPTY = new HttpHeaders(Map.of());

    /** Copies {@code values}, lower-casing the names. */
    public HttpHeaders {
        Objects.requireNonNull(values, "values");
        Map<String, List<String>> copy = new TreeMap<>();
        values.forEach((name, list) -> copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(list), (a, b) -> {
            var merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        }));
        values = Map.copyOf(copy);
    }

    /**
     * @param name a header name, any case
     * @return the first value of that header, if present
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(name.toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * @param name a header name, any case
     * @return every value of that header, empty if absent
     */
    public List<String> all(String name) {
        return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
