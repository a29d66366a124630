package dev.aicost.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helpers: JSON requests in, reports out, through the same reader the function uses. */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Estimator API = Estimator.builtIn();
    public static final CostEngine ENGINE = API.engine();

    private Fixtures() {
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CostReport estimate(String jsonWithSingleQuotes) {
        return API.estimate(json(jsonWithSingleQuotes));
    }

    public static CostReport estimate(JsonNode request) {
        return API.estimate(request);
    }

    public static JsonNode resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RFC 7386 merge patch, applied to a copy of a JSON request: what a caller does with a lever's
     * {@code requestMergePatch} before re-sending it (the engine itself applies levers as typed changes).
     */
    public static ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        ObjectNode out = target.deepCopy();
        patch.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                out.remove(e.getKey());
            } else if (v.isObject()) {
                JsonNode current = out.get(e.getKey());
                out.set(e.getKey(), mergePatch(current instanceof ObjectNode o ? o : JSON.createObjectNode(), v));
            } else {
                out.set(e.getKey(), v);
            }
        });
        return out;
    }

    public static String assumption(CostReport r, String name) {
        return r.assumptions().stream().filter(a -> a.name().equals(name)).map(a -> a.value() + " | " + a.reason())
                .findFirst().orElse(null);
    }

    /** The reference cases of these files (in order) that pass the filter, for parameterized tests: (id, case). */
    public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases(
            java.util.function.Predicate<JsonNode> keep, String... files) {
        java.util.List<org.junit.jupiter.params.provider.Arguments> list = new java.util.ArrayList<>();
        for (String file : files) {
            for (JsonNode c : resource(file).get("cases")) {
                if (keep.test(c)) {
                    list.add(org.junit.jupiter.params.provider.Arguments.of(c.get("id").asText(), c));
                }
            }
        }
        return list.stream();
    }
}
