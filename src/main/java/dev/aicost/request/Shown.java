package dev.aicost.request;

import com.fasterxml.jackson.databind.JsonNode;

/** How a problem shows what was sent, and the numbers of a bound: short, and never the whole value. */
final class Shown {
    private Shown() {
    }

    /** The value sent, as a problem quotes it: strings cut at 40 characters, objects and arrays by kind. */
    static String describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isNull()) {
            return "null";
        }
        return v.asText();
    }

    /** A number as a bound or a problem writes it: whole numbers without a decimal point. */
    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e7) {
            return String.valueOf((long) d);
        }
        return String.valueOf(d).replace("E", "e");
    }
}
