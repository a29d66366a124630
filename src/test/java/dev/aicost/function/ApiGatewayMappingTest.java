package dev.aicost.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.junit.jupiter.api.Test;

/**
 * The API's request and response mappings from infra/template.yaml, applied (as API Gateway would:
 * VTL templates, selection patterns as Java regexes over errorMessage) to the function's real outputs
 * on Quarkus' mock Lambda event server. What AWS itself adds (headers, API keys) is not emulated.
 */
@QuarkusTest
class ApiGatewayMappingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final VelocityEngine VTL = new VelocityEngine();

    static {
        VTL.init();
    }

    /** API Gateway's $input for a body: path() gives the value, json() its JSON text ("$" or "$.field"). */
    public static final class Input {
        private final JsonNode body;

        Input(JsonNode body) {
            this.body = body;
        }

        private JsonNode at(String path) {
            if (path.equals("$")) {
                return body;
            }
            return body.at("/" + path.substring(2).replace('.', '/'));
        }

        public Object path(String path) {
            JsonNode n = at(path);
            return n.isTextual() ? n.textValue() : n.toString();
        }

        public String json(String path) {
            return at(path).toString();
        }
    }

    /** API Gateway's $context, the part the templates use. */
    public static final class Context {
        public String getRequestId() {
            return "test-request-id";
        }
    }

    static String render(String template, JsonNode body) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("input", new Input(body));
        ctx.put("context", new Context());
        StringWriter out = new StringWriter();
        VTL.evaluate(ctx, out, "mapping", template);
        return out.toString();
    }

    static JsonNode integration() throws IOException {
        return TemplateTest.integration(TemplateTest.load(Path.of("infra/template.yaml")));
    }

    /** Picks the integration response as API Gateway does for a Lambda error: the pattern that matches errorMessage. */
    static Map.Entry<String, JsonNode> select(JsonNode responses, String errorMessage) {
        Map.Entry<String, JsonNode> fallback = null;
        Map.Entry<String, JsonNode> chosen = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("default")) {
                fallback = e;
            } else if (errorMessage != null && Pattern.matches(e.getKey(), errorMessage)) {
                assertThat(chosen).as("two selection patterns match " + errorMessage).isNull();
                chosen = e;
            }
        }
        return chosen != null ? chosen : fallback;
    }

    /** Request mapping → function (mock event server) → response selection and mapping: status and body. */
    static Map.Entry<Integer, String> callThroughApi(String body) throws IOException {
        JsonNode integration = integration();
        String mapped = render(integration.at("/requestTemplates/application~1json").asText(), JSON.readTree(body));
        Response r = given().contentType("application/json").body(mapped).when().post();
        JsonNode lambdaOut = JSON.readTree(r.asString());
        String errorMessage = r.statusCode() == 200 ? null : lambdaOut.get("errorMessage").asText();
        Map.Entry<String, JsonNode> response = select(integration.get("responses"), errorMessage);
        String out = render(response.getValue().at("/responseTemplates/application~1json").asText(), lambdaOut);
        return Map.entry(response.getValue().get("statusCode").asInt(), out);
    }

    @Test
    void aValidRequestAnswers200WithTheReport() throws IOException {
        String body = Files.readString(Path.of("infra/events/startup-chatbot.json"));
        Map.Entry<Integer, String> r = callThroughApi(body);
        assertThat(r.getKey()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.getValue());
        assertThat(report.at("/inference/costPerRequestUsd").asDouble()).isPositive();
        assertThat(report.at("/lifecycle/totalUsd").asDouble()).isPositive();
    }

    @Test
    void anInvalidRequestAnswers400WithTheProblemList() throws IOException {
        Map.Entry<Integer, String> r = callThroughApi("{\"model\":{\"id\":\"gpt-9\"},\"training\":{\"tokens\":\"lots\"}}");
        assertThat(r.getKey()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.getValue());
        assertThat(error.get("error").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error.get("problems").findValuesAsText("path")).containsExactlyInAnyOrder("model.id",
                "training.tokens");
        assertThat(r.getValue()).doesNotContain("errorType").doesNotContain("Exception");
    }

    @Test
    void anyOtherFailureAnswers500WithoutInternals() throws IOException {
        JsonNode responses = integration().get("responses");
        for (String message : new String[] {"java.lang.NullPointerException: Cannot invoke \"x\"",
                "2026-11-26T10:00:00Z abc Task timed out after 10.00 seconds", "line one\nline two"}) {
            Map.Entry<String, JsonNode> e = select(responses, message);
            assertThat(e.getValue().get("statusCode").asText()).as(message).isEqualTo("500");
            String body = render(e.getValue().at("/responseTemplates/application~1json").asText(),
                    JSON.createObjectNode().put("errorMessage", message).put("errorType", "java.lang.Exception"));
            JsonNode out = JSON.readTree(body);
            assertThat(out.get("error").asText()).isEqualTo("INTERNAL_ERROR");
            assertThat(body).doesNotContain("java.").doesNotContain("Exception").contains("test-request-id");
        }
    }
}
