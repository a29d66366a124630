package dev.aicost.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A table of chat messages and what each must mean (src/test/resources/chat/*.txt; format in the file). */
record Phrasings(String text, JsonNode meaning, List<String> problems, List<String> ignored, int line) {
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String toString() {
        return text;
    }

    static List<Phrasings> read(String resource) {
        List<Phrasings> out = new ArrayList<>();
        try (InputStream in = Phrasings.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String text = null;
            JsonNode meaning = null;
            List<String> problems = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            int at = 0;
            for (int n = 0; n <= lines.length; n++) {
                String l = n < lines.length ? lines[n] : "";
                if (l.startsWith("> ")) {
                    text = l.substring(2);
                    at = n + 1;
                } else if (l.startsWith("= ")) {
                    meaning = normalized(JSON.readTree(l.substring(2)));
                } else if (l.startsWith("! ")) {
                    problems.add(l.substring(2));
                } else if (l.startsWith("~ ")) {
                    ignored.addAll(List.of(l.substring(2).split(", ")));
                } else if (l.isBlank() && text != null) {
                    out.add(new Phrasings(text, meaning, List.copyOf(problems), List.copyOf(ignored), at));
                    text = null;
                    meaning = null;
                    problems.clear();
                    ignored.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every number as a double, so that 1200000 and 1.2e6 compare equal. */
    static JsonNode normalized(JsonNode n) {
        if (n.isNumber()) {
            return DoubleNode.valueOf(n.asDouble());
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(normalized(x)));
            return a;
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> f = n.fields();
            while (f.hasNext()) {
                Map.Entry<String, JsonNode> e = f.next();
                o.set(e.getKey(), normalized(e.getValue()));
            }
            return o;
        }
        return n;
    }

    /** Whether two normalized trees are equal, numbers within a relative 1e-9. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.asDouble() - b.asDouble()) <= 1e-9 * Math.max(1, Math.abs(a.asDouble()));
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!b.has(k) || !same(a.get(k), b.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** What the reader made of the message, in the table's terms. */
    static JsonNode meaningOf(Reading r) {
        if (!r.understood()) {
            return null;
        }
        if (r.options().size() == 1) {
            return normalized(r.request());
        }
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        r.options().forEach(o -> a.add(normalized(o)));
        return a;
    }
}
