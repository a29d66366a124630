package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The function on the wire: Quarkus' mock Lambda event server, posted to with REST Assured. */
@QuarkusTest
class EstimateFunctionTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("infra/events"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static JsonNode post(String body, int status) throws IOException {
        Response r = given().contentType("application/json").body(body).when().post();
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        return JSON.readTree(r.asString());
    }

    /**
     * A caller's mistake is the function's normal answer (no function error, so no errorType envelope and
     * nothing in the error metric): the JSON error body itself, which API Gateway answers as 400.
     */
    static JsonNode error(String body) throws IOException {
        JsonNode error = post(body, 200);
        String message = error.toString();
        assertThat(message).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("java.");
        assertThat(error.has("errorType")).isFalse();
        assertThat(error.get("error").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error.get("problems").size()).isPositive();
        return error;
    }

    static List<String> paths(JsonNode error) {
        return error.get("problems").findValuesAsText("path");
    }

    @Test
    void textBeyondAsciiIsWrittenAsSentAndAnUnpairedSurrogateIsRefusedByName() throws IOException {
        // The report writer hands text to the generator as UTF-8; an emoji as Jackson escapes it.
        JsonNode r = post("{\"model\":{\"id\":\"llama-3.1-8b\",\"name\":\"Été \\\"β\\\" \\ud83d\\ude80\"},"
                + "\"inference\":{\"requestsPerDay\":1000}}", 200);
        assertThat(r.at("/model/name").asText()).isEqualTo("Été \"β\" \ud83d\ude80");
        // Half a surrogate pair has no UTF-8 form: the field is named, not answered with a '?'.
        assertThat(paths(error("{\"model\":{\"id\":\"llama-3.1-8b\",\"name\":\"x\\ud800y\"},"
                + "\"inference\":{\"requestsPerDay\":1000}}"))).containsExactly("model.name");
        assertThat(paths(error("{\"text\":\"llama 8b for 1000 requests a day \\udc00\"}"))).containsExactly("text");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyBundledExampleGivesAReportWithTheContractPaths(Path example) throws IOException {
        JsonNode r = post(Files.readString(example), 200);
        JsonNode sent = JSON.readTree(example.toFile());
        // A plain-text example is checked against the structured request it was read as (echoed).
        JsonNode request = sent.has("text") ? r.get("request") : sent;
        assertThat(r.get("request").isNull()).isEqualTo(!sent.has("text"));

        assertThat(r.path("catalog").path("asOf").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        if (request.has("training")) {
            JsonNode t = r.get("training");
            for (String f : List.of("flops", "acceleratorHours", "wallClockDays", "accelerators", "costUsd")) {
                assertThat(t.get(f).asDouble()).as("training." + f).isPositive();
            }
        } else {
            assertThat(r.get("training").isNull()).isTrue();
        }
        if (request.has("inference")) {
            JsonNode i = r.get("inference");
            for (String f : List.of("ttftMs", "accelerators", "costPerRequestUsd", "monthlyCostUsd")) {
                assertThat(i.get(f).asDouble()).as("inference." + f).isPositive();
            }
            assertThat(i.get("tokensPerSecondPerAccelerator").asDouble()).isNotNegative();
            assertThat(i.get("tpotMs").asDouble()).isNotNegative();
        }
        JsonNode life = r.get("lifecycle");
        int horizon = request.path("horizonMonths").asInt(24);
        assertThat(life.get("months")).hasSize(horizon);
        JsonNode first = life.get("months").get(0);
        assertThat(first.has("month") && first.has("trainingUsd") && first.has("inferenceUsd")).isTrue();
        assertThat(life.get("totalUsd").asDouble()).isPositive();
        assertThat(life.get("inferenceShare").asDouble()).isBetween(0.0, 1.0);
        // Break-even: the first month whose cumulative inference reaches cumulative training (null if none).
        Integer expected = null;
        for (JsonNode m : life.get("months")) {
            if (expected == null && request.has("training") && request.has("inference")
                    && m.get("cumulativeTrainingUsd").asDouble() > 0
                    && m.get("cumulativeInferenceUsd").asDouble() >= m.get("cumulativeTrainingUsd").asDouble()) {
                expected = m.get("month").asInt();
            }
        }
        assertThat(life.get("breakEvenMonth").isNull() ? null : life.get("breakEvenMonth").asInt()).isEqualTo(expected);
        assertThat(r.path("recommendation").path("focus").asText()).isIn("TRAINING", "INFERENCE", "BALANCED");
        assertThat(r.path("recommendation").path("reasons").size()).isPositive();
        assertThat(r.get("assumptions").size()).isPositive();
        assertThat(r.get("assumptions").get(0).has("reason")).isTrue();
        assertThat(r.get("warnings").isArray()).isTrue();
        assertThat(r.get("summary").asText()).startsWith("**AI cost estimate").hasSizeLessThanOrEqualTo(1500);
        assertThat(r.toString()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void chatbotReportIsPlausibleAndDeterministic() throws IOException {
        String body = Files.readString(Path.of("infra/events/startup-chatbot.json"));
        JsonNode a = post(body, 200);
        JsonNode b = post(body, 200);
        assertThat(a).isEqualTo(b);
        double perRequest = a.at("/inference/costPerRequestUsd").asDouble();
        assertThat(perRequest).isBetween(0.0001, 0.1);
        assertThat(a.at("/inference/latencyTargetMet").asBoolean()).isTrue();
        assertThat(a.at("/inference/tpotMs").asDouble()).isLessThanOrEqualTo(50.0);
    }

    @Test
    void malformedJsonIsAStructuredErrorWithItsPosition() throws IOException {
        JsonNode truncated = error("{\"model\": {\"id\": ");
        assertThat(paths(truncated)).containsExactly("$");
        assertThat(truncated.toString()).contains("is not valid JSON").contains("line 1");
        JsonNode badNumber = error("{\"model\": {\"id\": \"llama-3.1-8b\"}, \"inference\": {\"requestsPerDay\": 12x}}");
        assertThat(badNumber.toString()).contains("is not valid JSON");
    }

    @Test
    void theParserRefusesOversizedAndOverDeepBodiesAsItReads() throws IOException {
        String model = "{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":1000}";
        JsonNode longString = error(model + ",\"region\":\"" + "x".repeat(2_000) + "\"}");
        assertThat(paths(longString)).containsExactly("$");
        assertThat(longString.toString()).contains("is not valid JSON").contains("String value length");
        JsonNode deep = error(model + ",\"nested\":" + "[".repeat(9) + "]".repeat(9) + "}");
        assertThat(deep.toString()).contains("is not valid JSON").contains("nesting depth");
        JsonNode huge = error(model + ",\"pad\":[" + "1,".repeat(40_000) + "1]}");
        assertThat(huge.toString()).contains("is not valid JSON");
    }

    @Test
    void theMalformedJsonSignalCannotBeSentInARequest() throws IOException {
        JsonNode e = error("{\"$malformedJson\":\"fake\"}");
        assertThat(e.toString()).doesNotContain("is not valid JSON");
        assertThat(paths(e)).contains("$malformedJson", "model");
    }

    @Test
    void wrongTypesNameTheFieldAndTheType() throws IOException {
        JsonNode e = error("{\"model\":{\"id\":\"llama-3.1-8b\"},\"training\":{\"tokens\":\"lots\"}}");
        assertThat(paths(e)).containsExactly("training.tokens");
        assertThat(e.toString()).contains("must be a number").contains("lots");
    }

    @Test
    void missingPartsAreReported() throws IOException {
        assertThat(paths(error("{}"))).contains("model", "$");
        assertThat(paths(error("{\"model\":{\"id\":\"llama-3.1-8b\"}}"))).containsExactly("$");
        assertThat(paths(error("{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{}}")))
                .containsExactly("inference.requestsPerDay");
    }

    @Test
    void negativeAndZeroCountsAreRefused() throws IOException {
        JsonNode e = error("{\"model\":{\"id\":\"llama-3.1-8b\"},\"training\":{\"tokens\":-5,\"accelerators\":0},"
                + "\"inference\":{\"requestsPerDay\":0}}");
        assertThat(paths(e)).containsExactlyInAnyOrder("training.tokens", "training.accelerators",
                "inference.requestsPerDay");
    }

    @Test
    void fractionsOutsideZeroToOneAreRefused() throws IOException {
        JsonNode e = error("{\"model\":{\"id\":\"llama-3.1-8b\"},\"training\":{\"mfu\":1.5},"
                + "\"inference\":{\"requestsPerDay\":1000,\"cacheHitRate\":-0.1}}");
        assertThat(paths(e)).containsExactlyInAnyOrder("training.mfu", "inference.cacheHitRate");
    }

    @Test
    void unknownIdsListTheKnownOnesAndANearMatch() throws IOException {
        JsonNode e = error("{\"model\":{\"id\":\"llama-3.1-80b\"},\"training\":{\"accelerator\":\"h100\"}}");
        assertThat(paths(e)).containsExactlyInAnyOrder("model.id", "training.accelerator");
        String text = e.toString();
        assertThat(text).contains("did you mean 'llama-3.1-8b'").contains("a100-80gb").contains("h100-sxm");
    }

    @Test
    void absurdMagnitudesAreRefusedWithTheBound() throws IOException {
        JsonNode e = error("{\"model\":{\"parameters\":1e20},\"training\":{\"tokens\":1e30}}");
        assertThat(paths(e)).containsExactlyInAnyOrder("model.parameters", "training.tokens");
        assertThat(e.toString()).contains("<= 1.0e14").contains("<= 1.0e17");
    }

    @Test
    void unknownFieldsAreReportedNotDropped() throws IOException {
        JsonNode e = error("{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestPerDay\":1000},\"colour\":1}");
        assertThat(paths(e)).contains("inference.requestPerDay", "colour", "inference.requestsPerDay");
        assertThat(e.toString()).contains("did you mean 'requestsPerDay'");
    }

    @Test
    void nonObjectRequestIsRefused() throws IOException {
        assertThat(paths(error("[1,2,3]"))).containsExactly("$");
    }

    @Test
    void theAnswerComesAsJsonMarkdownOrASlackMessage() throws IOException {
        String text = "\"text\":\"llama-3.1-8b 50k requests/day on l4\"";
        JsonNode json = post("{" + text + "}", 200);
        assertThat(json.get("schemaVersion").asText()).isEqualTo("1.0");
        assertThat(json.at("/request/inference/accelerator").asText()).isEqualTo("l4");
        JsonNode markdown = post("{" + text + ",\"format\":\"markdown\"}", 200);
        assertThat(markdown.get("format").asText()).isEqualTo("markdown");
        assertThat(markdown.get("markdown").asText()).contains("**AI cost estimate").contains("| Serving per month |");
        JsonNode slack = post("{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":5e4},"
                + "\"format\":\"slack\"}", 200);
        assertThat(slack.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(slack.get("blocks").isArray()).isTrue();
        assertThat(paths(error("{" + text + ",\"format\":\"pdf\"}"))).containsExactly("format");
    }

    @Test
    void anErrorIsNeverMuchLargerThanTheRequestThatCausedIt() throws IOException {
        StringBuilder many = new StringBuilder("{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":1000");
        for (int k = 0; k < 300; k++) {
            many.append(",\"unknown_field_number_").append(k).append("_with_a_longish_name\":1");
        }
        String request = many.append("}}").toString();
        Response r = given().contentType("application/json").body(request).when().post();
        String message = r.asString();
        JsonNode error = JSON.readTree(message);
        assertThat(error.get("problems").size()).isEqualTo(dev.aicost.request.Limits.MAX_PROBLEMS);
        assertThat(error.get("message").asText()).contains("300 problems").contains("and 280 more");
        assertThat(message.length()).isLessThan(request.length() / 2); // 300 problems used to make ~69 KB
        // Long names are cut, and the allowed fields are listed once.
        String longName = "n".repeat(250);
        JsonNode e = error("{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":1000,\""
                + longName + "\":1,\"" + longName + "x\":2}}");
        for (JsonNode p : e.get("problems")) {
            assertThat(p.get("path").asText().length()).isLessThan(100);
        }
        assertThat(e.toString().split("fields here", -1)).hasSize(2);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsReadInFull() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        new RequestJson().customize(mapper);
        byte[] body = ("{\"model\":{\"id\":\"llama-3.1-8b\"},\"pad\":\"" + "x".repeat(1000) + "\",\"more\":["
                + "1,".repeat(2_500_000) + "1]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long[] read = {0};
        java.io.InputStream counting = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(0, n);
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                read[0] += c < 0 ? 0 : 1;
                return c;
            }
        };
        JsonNode parsed = mapper.readValue(counting, JsonNode.class);
        assertThat(parsed.isPojo()).isTrue(); // the malformed-JSON signal, answered as a structured 400
        assertThat(body.length).isGreaterThan(5_000_000);
        assertThat(read[0]).as("bytes read of a %d-byte body", body.length).isLessThan(100_000);
    }
}
