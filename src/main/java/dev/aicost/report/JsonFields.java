package dev.aicost.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field writers of {@link ReportWriter}: a field of each JSON kind, written with pre-quoted
 * names, exactly as Jackson's record serialisation writes it.
 */
final class JsonFields {
    private JsonFields() {
    }

    /** The fields of one JSON object. */
    interface Body<T> {
        void write(T value, JsonGenerator g) throws IOException;
    }

    static <T> void body(T value, JsonGenerator g, Body<T> body) throws IOException {
        g.writeStartObject();
        body.write(value, g);
        g.writeEndObject();
    }

    /** A nested object field, or null. */
    static <T> void object(JsonGenerator g, String name, T value, Body<T> body) throws IOException {
        g.writeFieldName(name(name));
        if (value == null) {
            g.writeNull();
        } else {
            body(value, g, body);
        }
    }

    /** An array field of objects, or null. */
    static <T> void array(JsonGenerator g, String name, List<T> values, Body<T> body) throws IOException {
        g.writeFieldName(name(name));
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (T v : values) {
            body(v, g, body);
        }
        g.writeEndArray();
    }

    /** A JSON tree (a lever's merge patch: objects, strings, numbers, booleans and nulls). */
    static void tree(JsonGenerator g, JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            g.writeNull();
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                g.writeFieldName(e.getKey());
                tree(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node.isTextual()) {
            g.writeString(node.textValue());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            g.writeNumber(node.longValue());
        } else if (node.isNumber()) {
            g.writeNumber(node.doubleValue());
        } else {
            throw new IllegalArgumentException("a merge patch holds no " + node.getNodeType());
        }
    }

    static void str(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name(name));
        if (value == null) {
            g.writeNull();
        } else {
            text(g, value);
        }
    }

    static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        g.writeFieldName(name(name));
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.intValue());
        }
    }

    static void decimal(JsonGenerator g, String name, Double value) throws IOException {
        g.writeFieldName(name(name));
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.doubleValue());
        }
    }

    static void num(JsonGenerator g, String name, double value) throws IOException {
        g.writeFieldName(name(name));
        g.writeNumber(value);
    }

    static void num(JsonGenerator g, String name, int value) throws IOException {
        g.writeFieldName(name(name));
        g.writeNumber(value);
    }

    static void bool(JsonGenerator g, String name, boolean value) throws IOException {
        g.writeFieldName(name(name));
        g.writeBoolean(value);
    }

    static final Map<String, SerializableString> NAMES = new ConcurrentHashMap<>();

    /**
     * A field name as Jackson's pre-quoted UTF-8 bytes, made once per name: the generator then copies
     * them instead of encoding the name character by character (on C1, Lambda's compiler, a
     * String.charAt call each), which had been a third of writing a report.
     */
    static SerializableString name(String name) {
        SerializableString s = NAMES.get(name);
        if (s == null) {
            s = new SerializedString(name);
            NAMES.put(name, s);
        }
        return s;
    }

    /**
     * A string value, given to the generator as UTF-8 bytes that it escapes with array reads, rather
     * than as a String it reads through a C1-compiled charAt call per character: the same bytes. Text
     * with characters beyond the BMP goes the String way (Jackson writes each as an escaped surrogate
     * pair), and so does every string for a char-writing generator. An unpaired surrogate would come
     * out as '?' (UTF-8 has no form for it), but requests with one are refused (see Unicode).
     */
    static void text(JsonGenerator g, String value) throws IOException {
        if (g instanceof UTF8JsonGenerator) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            if (utf8.length == value.length() || !beyondBmp(utf8)) { // equal lengths: ASCII only
                g.writeUTF8String(utf8, 0, utf8.length);
                return;
            }
        }
        g.writeString(value);
    }

    /** Whether UTF-8 text holds a 4-byte sequence (a character beyond the BMP). */
    static boolean beyondBmp(byte[] utf8) {
        for (byte b : utf8) {
            if ((b & 0xF8) == 0xF0) {
                return true;
            }
        }
        return false;
    }

    static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name(name));
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            text(g, v);
        }
        g.writeEndArray();
    }

    static void range(JsonGenerator g, String name, Range r) throws IOException {
        object(g, name, r, (v, p) -> {
            num(p, "p10", v.p10());
            num(p, "p90", v.p90());
        });
    }

    static void owned(JsonGenerator g, OwnedCost o) throws IOException {
        object(g, "ownedCost", o, (c, p) -> {
            num(p, "purchaseUsd", c.purchaseUsd());
            num(p, "lifeYears", c.lifeYears());
            num(p, "costOfCapitalPerYear", c.costOfCapitalPerYear());
            num(p, "utilization", c.utilization());
            num(p, "acceleratorCapitalPerHourUsd", c.acceleratorCapitalPerHourUsd());
            num(p, "serverAndNetworkPerHourUsd", c.serverAndNetworkPerHourUsd());
            num(p, "financingPerHourUsd", c.financingPerHourUsd());
            num(p, "facilityPerHourUsd", c.facilityPerHourUsd());
            num(p, "powerPerHourUsd", c.powerPerHourUsd());
            num(p, "totalPerHourUsd", c.totalPerHourUsd());
        });
    }
}
