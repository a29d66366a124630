package dev.aicost.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads one JSON object field by field, checking each value and collecting problems with their
 * paths instead of stopping at the first. {@link #finish()} reports every field that no reader
 * asked for, so nothing a caller sent is silently ignored.
 */
final class Fields {
    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;
    /** Field names the readers asked for (a list: ~20 names, cheaper than a set on every request). */
    private final List<String> known = new ArrayList<>(24);

    Fields(JsonNode node, String path, List<Problem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void ask(String name) {
        if (!known.contains(name)) {
            known.add(name);
        }
    }

    boolean has(String name) {
        ask(name);
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    JsonNode raw(String name) {
        ask(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    void problem(String name, String problem, String allowed) {
        problems.add(new Problem(path(name), problem, allowed));
    }

    private Double number(String name, double min, double max, boolean minExclusive) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            problem(name, "must be a number, got " + Shown.describe(v), allowedRange(min, max, minExclusive));
            return null;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || d > max || d < min || (minExclusive && d == min)) {
            problem(name, "is out of range: " + v.asText(), allowedRange(min, max, minExclusive));
            return null;
        }
        return d;
    }

    private static String allowedRange(double min, double max, boolean minExclusive) {
        return (minExclusive ? "a number > " : "a number >= ") + Shown.fmt(min) + " and <= " + Shown.fmt(max);
    }

    /** A number field within its {@link Bound} (positive ones have a floor, so no denormal reaches a division). */
    Double number(Bound b) {
        return number(b.field(), b);
    }

    /** A number within a bound, under another key (the per-precision peaks of {@link Bound#PEAK_TFLOPS}). */
    Double number(String name, Bound b) {
        return number(name, b.min(), b.max(), b.minExclusive());
    }

    /** Whether the field was sent as a JSON object (e.g. a {low, high} range). */
    boolean isObject(String name) {
        JsonNode v = raw(name);
        return v != null && v.isObject();
    }

    /**
     * A value the caller is unsure of, sent as {@code {"low": …, "high": …}} (both within the
     * field's bound, low ≤ high); null when the field is absent, a plain number, or invalid (with a problem).
     */
    InputRange range(Bound b) {
        if (!isObject(b.field())) {
            return null;
        }
        return read(b.field(), r -> {
            Double low = r.number("low", b);
            Double high = r.number("high", b);
            for (String end : new String[] {"low", "high"}) {
                if (!r.has(end)) {
                    r.problem(end, "is required in a range", b.allowed());
                }
            }
            if (low == null || high == null) {
                return null;
            }
            if (low > high) {
                r.problem("high", "must not be below low (" + Shown.fmt(low) + "), got " + Shown.fmt(high), "low <= high");
                return null;
            }
            return new InputRange(low, high);
        });
    }

    /**
     * An array of 1 to {@code max} objects, each read by {@code reader} (null: that element is invalid,
     * with its problems); returns the elements read, or null when the array or any element was invalid.
     */
    <T> List<T> objects(String name, int max, String shape, BiFunction<Fields, Integer, T> reader) {
        JsonNode raw = raw(name);
        if (raw == null) {
            return null;
        }
        if (!raw.isArray() || raw.isEmpty() || raw.size() > max) {
            problem(name, "must be an array of 1 to " + max + ", got " + Shown.describe(raw)
                    + (raw.isArray() ? " of " + raw.size() : ""), "[" + shape + ", ...]");
            return null;
        }
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (int k = 0; k < raw.size(); k++) {
            JsonNode entry = raw.get(k);
            if (!entry.isObject()) {
                problem(name + "[" + k + "]", "must be an object, got " + Shown.describe(entry), shape);
                ok = false;
                continue;
            }
            Fields f = new Fields(entry, path(name) + "[" + k + "]", problems);
            T t = reader.apply(f, k);
            f.finish();
            if (t == null) {
                ok = false;
            } else {
                out.add(t);
            }
        }
        return ok ? out : null;
    }

    /** A whole-number field within its {@link Bound}. */
    Integer whole(Bound b) {
        return integer(b.field(), (long) b.min(), (long) b.max());
    }

    private Integer integer(String name, long min, long max) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            problem(name, "must be a whole number, got " + Shown.describe(v), "a whole number from " + min + " to " + max);
            return null;
        }
        double d = v.doubleValue();
        if (d != Math.rint(d)) {
            problem(name, "must be a whole number, got " + v.asText(), "a whole number from " + min + " to " + max);
            return null;
        }
        if (d < min || d > max) {
            problem(name, "is out of range: " + v.asText(), "a whole number from " + min + " to " + max);
            return null;
        }
        return (int) d;
    }

    Boolean bool(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            problem(name, "must be true or false, got " + Shown.describe(v), "true or false");
            return null;
        }
        return v.booleanValue();
    }

    String text(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            problem(name, "must be a string, got " + Shown.describe(v), "a string");
            return null;
        }
        String s = v.textValue().strip();
        if (s.isEmpty() || s.length() > Limits.MAX_STRING_LENGTH) {
            problem(name, "must be a non-empty string of at most " + Limits.MAX_STRING_LENGTH + " characters", null);
            return null;
        }
        if (!Unicode.wellFormed(s)) {
            problem(name, Unicode.PROBLEM, "text whose surrogate escapes come in high-low pairs");
            return null;
        }
        return s;
    }

    /** A string from a fixed set of choices, e.g. precision names. */
    <E> E choice(String name, Map<String, E> options) {
        String s = text(name);
        if (s == null) {
            return null;
        }
        E e = options.get(s);
        if (e == null) {
            problem(name, "'" + s + "' is not allowed" + Suggest.didYouMean(s, options.keySet()),
                    "one of " + String.join(", ", options.keySet()));
        }
        return e;
    }

    /** A nested object; null (and a problem) if the value is of another type. */
    Fields object(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            problem(name, "must be an object, got " + Shown.describe(v), "a JSON object");
            return null;
        }
        return new Fields(v, path(name), problems);
    }

    double[] numbers(Bound b, int size) {
        String name = b.field().replaceAll("\\[.*", "");
        double min = b.min();
        double max = b.max();
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray() || v.size() != size) {
            problem(name, "must be an array of " + size + " numbers, got " + Shown.describe(v), size + " numbers");
            return null;
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || !(e.doubleValue() >= min) || e.doubleValue() > max) {
                problems.add(new Problem(path(name) + "[" + i + "]", "must be a number from " + Shown.fmt(min) + " to "
                        + Shown.fmt(max) + ", got " + Shown.describe(e), null));
                return null;
            }
            out[i] = e.doubleValue();
        }
        return out;
    }

    /** Reports fields that no reader asked for: a typo must not silently become a default. */
    void finish() {
        List<String> unknown = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                unknown.add(n);
            } else if (node.get(n).isNull()) {
                // One rule everywhere, as the published schema says: null is not a value (leave the field out).
                problems.add(new Problem(path(n), "is null", "a value, or no '" + n + "' field for the default"));
            }
        }
        boolean listed = false;
        for (String n : unknown) {
            // Each unknown name once, cut to MAX_ECHOED_NAME characters; the allowed fields listed once per object.
            String shown = n.length() > Limits.MAX_ECHOED_NAME ? n.substring(0, Limits.MAX_ECHOED_NAME) + "…" : n;
            problems.add(new Problem(path(shown), "is not a known field" + Suggest.didYouMean(n, known),
                    listed ? "see the fields listed above" : "fields here: " + String.join(", ", known)));
            listed = true;
        }
    }

    <T> T read(String name, Function<Fields, T> reader) {
        Fields f = object(name);
        if (f == null) {
            return null;
        }
        T t = reader.apply(f);
        f.finish();
        return t;
    }
}
