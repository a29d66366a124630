package dev.aicost.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates the bundled examples (wrong types, huge and tiny numbers, deleted and duplicated fields,
 * truncated JSON, deep nesting, unicode) and posts thousands of them through the Funqy function on
 * the mock Lambda event server. Every case must end in a report that passes the report checks or
 * in a structured INVALID_REQUEST error; an internal error, a crash or a hang fails the test.
 * FUZZ_CASES (system property fuzz.cases) raises the count for a longer run.
 */
@QuarkusTest
class FuzzTest {
    static final int CASES = Integer.getInteger("fuzz.cases", 2000);
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    static List<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("infra/events"))) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(Files.readString(p));
            }
            return out;
        }
    }

    @Test
    void mutatedRequestsEndInAReportOrAStructuredError() throws IOException {
        List<String> examples = examples();
        Random random = new Random(20261126);
        RestAssuredConfig timeouts = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 10_000));
        int reports = 0;
        int errors = 0;
        for (int i = 0; i < CASES; i++) {
            String body = mutate(examples.get(random.nextInt(examples.size())), random);
            Response r = given().config(timeouts).contentType("application/json").body(body).when().post();
            String text = r.asString();
            try {
                JsonNode answer = r.statusCode() == 200 ? ReportChecks.JSON.readTree(text) : null;
                if (answer != null && !answer.has("error")) {
                    ReportChecks.check(answer);
                    reports++;
                } else {
                    // A caller's mistake is a normal answer carrying "error" (a 500 would be a failure).
                    assertThat(r.statusCode()).as(text).isEqualTo(200);
                    JsonNode error = answer;
                    assertThat(error.get("error").asText()).isEqualTo("INVALID_REQUEST");
                    assertThat(error.get("problems").size()).isPositive();
                    for (JsonNode p : error.get("problems")) {
                        assertThat(p.get("path").asText()).isNotBlank();
                        assertThat(p.get("problem").asText()).isNotBlank().doesNotContain("Exception")
                                .doesNotContain("at dev.");
                    }
                    errors++;
                }
            } catch (AssertionError | IOException e) {
                throw new AssertionError("case " + i + " failed.\nRequest: " + body + "\nAnswer: " + text, e);
            }
        }
        // Both outcomes must actually occur, or the mutations are not exercising anything.
        assertThat(reports).as("reports").isGreaterThan(CASES / 20);
        assertThat(errors).as("structured errors").isGreaterThan(CASES / 4);
    }

    static String mutate(String example, Random r) throws IOException {
        ObjectNode tree = (ObjectNode) ReportChecks.JSON.readTree(example);
        int kind = r.nextInt(9);
        switch (kind) {
            case 0 -> replaceLeaf(tree, r, wrongType(r));
            case 1 -> replaceLeaf(tree, r, extremeNumber(r));
            case 2 -> deleteField(tree, r);
            case 3 -> {
                String text = tree.toString();
                return duplicateField(text, r);
            }
            case 4 -> {
                String text = tree.toString();
                return text.substring(0, 1 + r.nextInt(text.length() - 1));
            }
            case 5 -> {
                // Written as text: a tree this deep cannot even be serialised by Jackson.
                int depth = r.nextInt(2) == 0 ? 9 : 1500;
                String text = tree.toString();
                return text.substring(0, text.length() - 1) + ",\"nested\":" + "[{\"a\":".repeat(depth) + "1"
                        + "}]".repeat(depth) + "}";
            }
            case 6 -> replaceLeaf(tree, r, F.textNode(unicode(r)));
            case 7 -> pickObject(tree, r).put(unicode(r), 1);
            default -> {
                // Several small numeric changes that usually stay valid: the report path gets fuzzed too.
                for (int k = 0; k < 3; k++) {
                    replaceNumber(tree, r);
                }
            }
        }
        return tree.toString();
    }

    static JsonNode wrongType(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> F.textNode("lots");
            case 1 -> F.booleanNode(true);
            case 2 -> F.arrayNode().add(1).add(2);
            case 3 -> F.objectNode().put("a", 1);
            case 4 -> F.nullNode();
            default -> F.textNode("7");
        };
    }

    static JsonNode extremeNumber(Random r) {
        double[] values = {1e308, -1e308, 4.9e-324, -4.9e-324, 0, -0.0, 1e30, -1, 1e17, 1e12 + 1, 0.5, 2147483648.0,
            9.99e99, 1e-9};
        return F.numberNode(values[r.nextInt(values.length)]);
    }

    static String unicode(Random r) {
        String[] samples = {"模型", "😀🚀", "\u0000", "\ud800", "Ω≈ç√", "\u202e", "llama-3.1-8b\u200b", "é".repeat(300)};
        return samples[r.nextInt(samples.length)];
    }

    static List<ObjectNode> objects(ObjectNode root) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            for (Iterator<JsonNode> it = out.get(i).elements(); it.hasNext();) {
                JsonNode c = it.next();
                if (c.isObject()) {
                    out.add((ObjectNode) c);
                }
            }
        }
        return out;
    }

    static ObjectNode pickObject(ObjectNode root, Random r) {
        List<ObjectNode> all = objects(root);
        return all.get(r.nextInt(all.size()));
    }

    static void replaceLeaf(ObjectNode root, Random r, JsonNode value) {
        ObjectNode o = pickObject(root, r);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
            o.set(names.get(r.nextInt(names.size())), value);
        }
    }

    static void replaceNumber(ObjectNode root, Random r) {
        for (ObjectNode o : objects(root)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNumber() && r.nextInt(3) == 0) {
                    double v = e.getValue().doubleValue() * Math.pow(10, r.nextInt(5) - 2);
                    e.setValue(F.numberNode(v));
                    return;
                }
            }
        }
    }

    static void deleteField(ObjectNode root, Random r) {
        ObjectNode o = pickObject(root, r);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
            o.remove(names.get(r.nextInt(names.size())));
        }
    }

    static String duplicateField(String json, Random r) {
        int brace = json.indexOf('{', 1);
        int at = brace > 0 && r.nextBoolean() ? brace : 0;
        return json.substring(0, at + 1) + "\"horizonMonths\":12," + json.substring(at + 1).replaceFirst(
                "^\"horizonMonths\":\\d+,?", "") ;
    }

}
