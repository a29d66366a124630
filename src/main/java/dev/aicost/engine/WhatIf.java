package dev.aicost.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.request.EstimateRequest;
import java.util.function.UnaryOperator;

/**
 * A lever applied to one request: the typed change the engine re-runs, and the same change as a
 * JSON merge patch (RFC 7386) that a caller can send back. Both are built side by side from the
 * same values in {@link WhatIfs}; a test re-sends every patch and checks it gives the same total.
 *
 * @param path the request field it changes, e.g. {@code inference.precision}
 * @param detail the change in words, e.g. {@code bf16 → fp8}
 */
record WhatIf(Lever lever, String path, String detail, UnaryOperator<EstimateRequest> edit, ObjectNode patch,
        String tradeOff) {

    WhatIf(Lever lever, String path, String detail, UnaryOperator<EstimateRequest> edit, ObjectNode patch) {
        this(lever, path, detail, edit, patch, lever.tradeOff());
    }

    /** How the report states it: {@code inference.precision: bf16 → fp8}. */
    String change() {
        return path + ": " + detail;
    }

    EstimateRequest apply(EstimateRequest request) {
        return edit.apply(request);
    }

    /**
     * The patch as compact JSON text, exactly as {@code patch.toString()} (Jackson) writes it, without
     * setting up a Jackson generator for every lever of every report (a few percent of a warm report on
     * Lambda's C1-only JVM). Nodes it does not know, and strings that need escaping, go to Jackson.
     */
    static String text(JsonNode patch) {
        StringBuilder s = new StringBuilder(64);
        return write(patch, s) ? s.toString() : patch.toString();
    }

    private static boolean write(JsonNode n, StringBuilder s) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                s.append('{');
                boolean first = true;
                for (var e : n.properties()) {
                    if (!first) {
                        s.append(',');
                    }
                    first = false;
                    if (!string(e.getKey(), s)) {
                        return false;
                    }
                    s.append(':');
                    if (!write(e.getValue(), s)) {
                        return false;
                    }
                }
                s.append('}');
                return true;
            }
            case ARRAY -> {
                s.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) {
                        s.append(',');
                    }
                    if (!write(n.get(i), s)) {
                        return false;
                    }
                }
                s.append(']');
                return true;
            }
            case STRING -> {
                return string(n.textValue(), s);
            }
            case BOOLEAN -> {
                s.append(n.booleanValue());
                return true;
            }
            case NULL -> {
                s.append("null");
                return true;
            }
            case NUMBER -> {
                if (n.isInt() || n.isLong()) {
                    s.append(n.longValue());
                } else if (n.isDouble()) {
                    s.append(Double.toString(n.doubleValue())); // what Jackson's generator writes for a double
                } else {
                    return false;
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** A string that needs no escaping, quoted; false for one that does (Jackson escapes it). */
    private static boolean string(String v, StringBuilder s) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        s.append('"').append(v).append('"');
        return true;
    }

    /** A patch setting one field of one section; {@code null} removes the field (back to its default). */
    static ObjectNode patch(String section, String field, Object value) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        ObjectNode s = p.putObject(section);
        if (value == null) {
            s.putNull(field);
        } else if (value instanceof String v) {
            s.put(field, v);
        } else if (value instanceof Double v) {
            s.put(field, v);
        } else if (value instanceof Boolean v) {
            s.put(field, v);
        } else {
            throw new IllegalArgumentException("unsupported patch value " + value);
        }
        return p;
    }
}
