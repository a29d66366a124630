package dev.aicost.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The invariants every report must satisfy, checked on its JSON form (what callers read). */
public final class ReportChecks {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Fields whose values may be below zero. */
    static final java.util.regex.Pattern SIGNED = java.util.regex.Pattern.compile("marginUsd$|deltaPercent$");

    private ReportChecks() {
    }

    public static void check(JsonNode report) {
        walk(report, "$");
        JsonNode t = report.get("training");
        if (t != null && !t.isNull()) {
            JsonNode b = t.get("breakdown");
            double sum = 0;
            for (Iterator<JsonNode> it = b.elements(); it.hasNext();) {
                sum += it.next().asDouble();
            }
            assertThat(sum).as("training breakdown sums to costUsd").isCloseTo(t.get("costUsd").asDouble(),
                    within(0.05 + t.get("costUsd").asDouble() * 1e-9));
        }
        JsonNode life = report.get("lifecycle");
        if (life == null || life.isNull()) { // a rental quote or a hosted API priced alone: no lifecycle
            return;
        }
        double training = 0;
        double inference = 0;
        for (JsonNode m : life.get("months")) {
            training += m.get("trainingUsd").asDouble();
            inference += m.get("inferenceUsd").asDouble();
        }
        double total = life.get("totalUsd").asDouble();
        assertThat(training + inference).as("months sum to lifecycle.totalUsd")
                .isCloseTo(total, within(0.05 * life.get("months").size() + total * 1e-9));
        assertThat(life.get("inferenceShare").asDouble()).isBetween(0.0, 1.0);
        JsonNode versions = life.get("versions");
        if (versions != null && !versions.isNull()) { // the model versions add up to the month table
            double vt = 0;
            double vi = 0;
            for (JsonNode v : versions) {
                vt += v.get("trainingUsd").asDouble();
                vi += v.get("inferenceUsd").asDouble();
            }
            assertThat(vt).as("versions' training").isCloseTo(training, within(0.05 + training * 1e-9));
            assertThat(vi).as("versions' inference").isCloseTo(inference, within(0.05 + inference * 1e-9));
        }
        assertThat(report.get("summary").asText().length()).isLessThanOrEqualTo(1500);
    }

    private static void walk(JsonNode n, String path) {
        if (n.isNumber()) {
            double d = n.doubleValue();
            assertThat(Double.isFinite(d)).as(path + " is finite").isTrue();
            if (!SIGNED.matcher(path).find()) { // a margin or a deviation may be negative; money and counts never
                assertThat(d).as(path + " is not negative").isGreaterThanOrEqualTo(0.0);
            }
        } else if (n.isTextual()) {
            assertThat(n.textValue()).as(path).doesNotContain("NaN").doesNotContain("Infinity");
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path + "." + e.getKey());
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]");
            }
        }
    }
}
