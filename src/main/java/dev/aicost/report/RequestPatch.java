package dev.aicost.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON merge patch (RFC 7386) of a request, built field by field by the engine's levers without
 * a JSON library: an object whose values are strings, numbers, booleans, {@code null} (back to the
 * default) or nested patches, in the order they were put. The report carries it as JSON.
 */
public final class RequestPatch {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** A patch setting one field of one section; {@code null} removes the field (back to its default). */
    public static RequestPatch of(String section, String field, Object value) {
        RequestPatch p = new RequestPatch();
        p.object(section).set(field, value);
        return p;
    }

    /** The nested object of that name, created empty if absent. */
    public RequestPatch object(String name) {
        return (RequestPatch) fields.computeIfAbsent(name, k -> new RequestPatch());
    }

    /** Sets a field to a string, a number (kept as the int or double it is), a boolean or null. */
    public RequestPatch set(String name, Object value) {
        if (value != null && !(value instanceof String || value instanceof Double || value instanceof Integer
                || value instanceof Boolean)) {
            throw new IllegalArgumentException("unsupported patch value " + value);
        }
        fields.put(name, value);
        return this;
    }

    public JsonNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        fields.forEach((k, v) -> {
            if (v == null) {
                o.putNull(k);
            } else if (v instanceof RequestPatch p) {
                o.set(k, p.json());
            } else if (v instanceof String s) {
                o.put(k, s);
            } else if (v instanceof Double d) {
                o.put(k, d);
            } else if (v instanceof Integer i) {
                o.put(k, i);
            } else {
                o.put(k, (Boolean) v);
            }
        });
        return o;
    }

    /** The patch as compact JSON text. */
    public String text() {
        return json().toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
