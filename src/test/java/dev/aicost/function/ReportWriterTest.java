package dev.aicost.function;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.aicost.api.Estimator;
import dev.aicost.engine.CostEngine;
import dev.aicost.reliability.Generated;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The hand-written report serialiser writes exactly what Jackson's reflective one writes, byte for
 * byte, over every bundled example and hundreds of generated requests; and that corpus gives every
 * field of every report type a non-null value somewhere, so a field the writer forgot cannot hide.
 */
class ReportWriterTest {
    static final ObjectMapper REFLECTIVE = new ObjectMapper();
    static final ObjectMapper HAND = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(CostReport.class, new ReportJson.Serializer()));
    /** As the function writes: doubles as shortest decimals (ReportJson), to a byte stream. */
    static final ObjectMapper REFLECTIVE_FAST = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    static final ObjectMapper HAND_FAST = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .addModule(new SimpleModule().addSerializer(CostReport.class, new ReportJson.Serializer())).build();
    static final List<CostReport> REPORTS = new ArrayList<>();

    @BeforeAll
    static void corpus() throws IOException {
        Estimator engine = Estimator.builtIn();
        List<JsonNode> requests = new ArrayList<>();
        try (var files = Files.list(Path.of("infra/events"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                requests.add(REFLECTIVE.readTree(Files.readString(p)));
            }
        }
        // Nulls and optional sections: routing, retraining, budget, no advice.
        requests.add(REFLECTIVE.readTree("{\"model\":{\"id\":\"llama-3.1-70b\"},\"training\":{\"kind\":\"lora\","
                + "\"retrainEveryMonths\":3},\"inference\":{\"requestsPerDay\":1e6,\"routing\":{\"share\":0.4,"
                + "\"model\":{\"id\":\"llama-3.1-8b\"}}},\"monthlyBudgetUsd\":1000}"));
        requests.add(REFLECTIVE.readTree("{\"model\":{\"parameters\":1e9},\"training\":{\"tokens\":1e9}}"));
        // Strings that need escaping and non-ASCII text (the function writes strings as UTF-8 bytes).
        requests.add(REFLECTIVE.readTree("{\"model\":{\"id\":\"llama-3.1-8b\",\"name\":\"Llama \\\"β\\\" \\\\ "
                + "\\u00e9t\\u00e9 \\ud83d\\ude80 \\u2028 \\u0001\\n\\t/\"},\"inference\":{\"requestsPerDay\":1e5}}"));
        // Requests bought from a closed model's API (only the hostedApi section).
        requests.add(REFLECTIVE.readTree(Files.readString(Path.of("infra/events/hosted/gpt-4o-mini.json"))));
        // A GPU rental quote (only the rental section).
        requests.add(REFLECTIVE.readTree(Files.readString(Path.of("infra/events/rentals/gpu-rental.json"))));
        // A chat message: the understood line, ignored words, and a comparison with a hosted API.
        requests.add(REFLECTIVE.readTree("{\"text\":\"we get about 20k chats/day, each ~1k tokens in and 400 out, "
                + "5 engineers. self host llama 8b or use gpt-4o-mini?\"}"));
        for (long seed = 0; seed < 60; seed++) {
            requests.add(Generated.training(seed));
            requests.add(Generated.inference(seed));
            requests.add(Generated.both(seed));
        }
        // A report with its page's link (the function adds it when a link key is configured).
        REPORTS.add(engine.estimate(requests.get(0)).withLinks(new CostReport.Links(
                "https://example.execute-api.us-east-1.amazonaws.com/prod/report?q=abc&exp=1&sig=def")));
        for (JsonNode request : requests) {
            try {
                REPORTS.add(engine.estimate(request));
                REPORTS.add(engine.estimate(request, CostEngine.Advice.NONE));
            } catch (InvalidRequestException e) {
                // generated requests may be refused (e.g. a model that fits nowhere): nothing to write
            }
        }
    }

    @Test
    void handWrittenEqualsReflective() throws IOException {
        // (Over 300 until 2026-12-02, when B200 lost its commitment prices: Lambda lists none. The generated
        // requests that asked for them are refused now.)
        assertThat(REPORTS).hasSizeGreaterThan(280);
        for (CostReport r : REPORTS) {
            assertThat(HAND.writeValueAsString(r)).isEqualTo(REFLECTIVE.writeValueAsString(r));
            // As the function writes it: to a byte stream (strings go through the UTF-8 path), and with the
            // shortest-decimal writer (short decimals are formatted directly).
            assertThat(new String(HAND.writeValueAsBytes(r), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(REFLECTIVE.writeValueAsBytes(r), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(new String(HAND_FAST.writeValueAsBytes(r), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                    new String(REFLECTIVE_FAST.writeValueAsBytes(r), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(REPORTS).anyMatch(r -> r.model() != null && r.model().name().contains("β")
                && r.model().name().contains("\n"));
    }

    @Test
    void theCorpusGivesEveryReportFieldAValue() {
        Set<String> expected = new TreeSet<>();
        collectFields(CostReport.class, "", expected, new HashSet<>());
        Set<String> seen = new HashSet<>();
        for (CostReport r : REPORTS) {
            collectValues(REFLECTIVE.valueToTree(r), "", seen);
        }
        expected.removeAll(seen);
        assertThat(expected).as("report fields never written with a value").isEmpty();
    }

    /** Every JSON path the report types declare ({@code @JsonUnwrapped} groups flattened, lists as []). */
    private static void collectFields(Class<?> type, String prefix, Set<String> out, Set<Class<?>> seen) {
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t == List.class) {
                var arg = ((java.lang.reflect.ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                t = (Class<?>) arg;
            }
            boolean unwrapped = c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class)
                    || c.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class);
            String path = unwrapped ? prefix : prefix + "/" + c.getName() + (c.getType() == List.class ? "[]" : "");
            if (t.isRecord()) {
                collectFields(t, path, out, seen);
            } else if (!unwrapped) {
                out.add(path);
            }
        }
    }

    private static void collectValues(JsonNode node, String path, Set<String> seen) {
        if (node.isObject() && !node.isEmpty()) {
            seen.add(path); // a JSON-valued field (a lever's merge patch) counts as written
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collectValues(e.getValue(), path + "/" + e.getKey(), seen));
        } else if (node.isArray()) {
            node.forEach(e -> collectValues(e, path + "[]", seen));
            if (!node.isEmpty() && !node.get(0).isContainerNode()) {
                seen.add(path + "[]");
            }
        } else if (!node.isNull()) {
            seen.add(path);
        }
    }
}
