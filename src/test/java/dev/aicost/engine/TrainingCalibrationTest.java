package dev.aicost.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.report.CostReport;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Published training runs, estimated with the engine's default MFU (no override). */
class TrainingCalibrationTest {

    static Stream<Arguments> runs() {
        return Fixtures.cases(c -> c.path("published").has("acceleratorHours"), "/reference/training-runs.json",
                "/reference/extra-training-runs.json");
    }

    static CostReport estimate(JsonNode inputs) {
        ObjectNode model = Fixtures.JSON.createObjectNode();
        model.set("parameters", inputs.get("parameters"));
        if (inputs.has("activeParameters")) {
            model.set("activeParameters", inputs.get("activeParameters"));
        }
        ObjectNode training = Fixtures.JSON.createObjectNode();
        for (String f : List.of("tokens", "accelerator", "accelerators", "precision")) {
            if (inputs.has(f)) {
                training.set(f, inputs.get(f));
            }
        }
        ObjectNode req = Fixtures.JSON.createObjectNode();
        req.set("model", model);
        req.set("training", training);
        return Fixtures.estimate(req);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void acceleratorHoursWithin30Percent(String id, JsonNode c) {
        CostReport r = estimate(c.get("inputs"));
        double published = c.at("/published/acceleratorHours").asDouble();
        assertThat(r.training().duration().acceleratorHours() / published).as(id + ": estimated " + r.training()
                .duration().acceleratorHours() + " vs published " + published).isBetween(0.70, 1.30);
        assertThat(Fixtures.assumption(r, "training.mfu")).contains("default for");
    }

    static Stream<Arguments> throughput() {
        return Fixtures.cases(c -> true, "/reference/training-throughput.json",
                "/reference/extra-training-throughput.json");
    }

    /** A framework throughput case: the published configuration, with the efficiency it says (tuned). */
    static CostReport estimateThroughput(JsonNode in) {
        ObjectNode training = Fixtures.JSON.createObjectNode();
        for (String f : List.of("tokens", "accelerator", "accelerators", "precision", "sequenceLength", "efficiency",
                "pricingMode")) {
            if (in.has(f)) {
                training.set(f, in.get(f));
            }
        }
        ObjectNode req = Fixtures.JSON.createObjectNode();
        req.putObject("model").set("id", in.get("model"));
        req.set("training", training);
        return Fixtures.estimate(req);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throughput")
    void tunedThroughputWithin30Percent(String id, JsonNode c) {
        CostReport r = estimateThroughput(c.get("inputs"));
        double published = c.at("/published/acceleratorHoursFor1e12Tokens").asDouble();
        assertThat(r.training().duration().acceleratorHours() / published).as(id + ": estimated " + r.training()
                .duration().acceleratorHours() + " vs published " + published + " accelerator-hours per 1e12 tokens")
                .isBetween(0.70, 1.30);
        assertThat(Fixtures.assumption(r, "training.mfu")).contains("tuned-stack default");
    }

    @Test
    void gpt3FlopsWithin2Percent() {
        JsonNode c = Fixtures.resource("/reference/training-runs.json").get("cases").get(3);
        assertThat(c.get("id").asText()).isEqualTo("gpt-3-175b");
        ObjectNode inputs = ((ObjectNode) c.get("inputs").deepCopy());
        inputs.put("accelerator", "a100-80gb");
        double flops = estimate(inputs).training().work().flops();
        assertThat(flops / c.at("/published/trainingFlops").asDouble()).isBetween(0.98, 1.02);
    }

    @Test
    void llama31FlopsMatchThePaper() {
        CostReport r = estimate(Fixtures.resource("/reference/training-runs.json").get("cases").get(1).get("inputs"));
        assertThat(r.training().work().flops() / 3.8e25).isBetween(0.98, 1.02);
        assertThat(r.training().cluster().mfu()).isBetween(0.34, 0.43); // Meta reports 38-43 % MFU
    }

    @Test
    void deepSeekV3PublishedArithmeticIsReproducible() {
        CostReport r = Fixtures.estimate("{'model':{'id':'deepseek-v3'},'training':{'acceleratorHours':2788000,"
                + "'accelerator':'h800','accelerators':2048,'precision':'fp8','pricePerAcceleratorHourUsd':2}}");
        assertThat(r.training().costUsd()).isEqualTo(5_576_000.0);
        assertThat(r.training().breakdown().computeUsd()).isEqualTo(5_576_000.0);
        assertThat(r.training().duration().wallClockDays()).isBetween(56.0, 57.0); // 2.788M h / 2048 GPUs ≈ 56.7 days
    }
}
