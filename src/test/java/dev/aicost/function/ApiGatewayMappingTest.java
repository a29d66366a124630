package dev.aicost.function;

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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
        private final String raw;
        private final Map<String, String> headers;

        Input(JsonNode body) {
            this(body, null, Map.of());
        }

        Input(JsonNode body, String raw, Map<String, String> headers) {
            this.body = body;
            this.raw = raw;
            this.headers = headers;
        }

        /** $input.body: the raw payload. */
        public String getBody() {
            return raw;
        }

        /** $input.params('name'): a header (or path/query parameter) by name. */
        public String params(String name) {
            return headers.getOrDefault(name, "");
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
        /** $context.responseOverride: a template may set {@code status}, which replaces the integration's. */
        final Map<String, Object> responseOverride = new java.util.HashMap<>();

        public String getRequestId() {
            return "test-request-id";
        }

        public String getDomainName() {
            return "abc123.execute-api.us-east-1.amazonaws.com";
        }

        public String getStage() {
            return "prod";
        }

        public Map<String, Object> getResponseOverride() {
            return responseOverride;
        }
    }

    /** API Gateway's $util, the part the templates use (escapeJavaScript also escapes ' as \\', as AWS does). */
    public static final class Util {
        /** $util.base64Encode: the string's UTF-8 bytes in base64. */
        public String base64Encode(String s) {
            return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public String escapeJavaScript(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "\\'").replace("\n", "\\n")
                    .replace("\r", "\\r").replace("\t", "\\t");
        }
    }

    static String render(String template, JsonNode body) {
        return render(template, new Input(body));
    }

    static String render(String template, Input input) {
        return render(template, input, new Context());
    }

    static String render(String template, Input input, Context context) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("input", input);
        ctx.put("util", new Util());
        ctx.put("context", context);
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

    /** The function's own status on the last call (200: a result; anything else: a function error). */
    static int lastFunctionStatus;

    /** Request mapping → function (mock event server) → response selection and mapping: status and body. */
    static Map.Entry<Integer, String> callThroughApi(String body) throws IOException {
        JsonNode integration = integration();
        String mapped = render(integration.at("/requestTemplates/application~1json").asText(), JSON.readTree(body));
        return respond(integration, given().contentType("application/json").body(mapped).when().post());
    }

    /** The function's answer through the integration's response selection and mapping: status and body. */
    static Map.Entry<Integer, String> respond(JsonNode integration, Response r) throws IOException {
        lastFunctionStatus = r.statusCode();
        JsonNode lambdaOut = JSON.readTree(r.asString());
        String errorMessage = r.statusCode() == 200 ? null : lambdaOut.get("errorMessage").asText();
        Map.Entry<String, JsonNode> response = select(integration.get("responses"), errorMessage);
        Context context = new Context();
        String out = render(response.getValue().at("/responseTemplates/application~1json").asText(),
                new Input(lambdaOut), context);
        Object override = context.responseOverride.get("status");
        int status = override != null ? Integer.parseInt(override.toString())
                : response.getValue().get("statusCode").asInt();
        return Map.entry(status, out);
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
        assertThat(lastFunctionStatus).as("a caller's mistake is no function error").isEqualTo(200);
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

    /** A slash command through the /slack route: form body and signing headers in, Slack message or 401 out. */
    static Map.Entry<Integer, String> slackThroughApi(String form, Map<String, String> headers) throws IOException {
        JsonNode integration = TemplateTest.slackIntegration(TemplateTest.load(Path.of("infra/template.yaml")));
        String mapped = render(integration.at("/requestTemplates/application~1x-www-form-urlencoded").asText(),
                new Input(null, form, headers));
        JSON.readTree(mapped); // the mapping must produce valid JSON
        return respond(integration, given().contentType("application/json").body(mapped).when().post());
    }

    @Test
    void aSignedSlashCommandAnswers200WithASlackMessageAndAForgedOne401() throws IOException {
        // The test JVM runs with SLACK_SIGNING_SECRET=test-signing-secret (pom.xml, surefire).
        String form = SlackCommandTest.form("llama-3.1-8b 50k requests/day on l4");
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Map.Entry<Integer, String> ok = slackThroughApi(form, Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", dev.aicost.chat.SlackSignature.sign("test-signing-secret", ts, form)));
        assertThat(ok.getKey()).isEqualTo(200);
        JsonNode message = JSON.readTree(ok.getValue());
        assertThat(message.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(message.get("blocks").isArray()).isTrue();

        Map.Entry<Integer, String> forged = slackThroughApi(form, Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", dev.aicost.chat.SlackSignature.sign("guessed", ts, form)));
        assertThat(forged.getKey()).isEqualTo(401);
        assertThat(JSON.readTree(forged.getValue()).get("error").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(forged.getValue()).doesNotContain("llama").doesNotContain("Exception");

        Map.Entry<Integer, String> unsigned = slackThroughApi(form, Map.of());
        assertThat(unsigned.getKey()).isEqualTo(401);
        assertThat(lastFunctionStatus).as("an unsigned request is no function error").isEqualTo(200);
    }

    /** Whatever bytes a slash command carries (quotes, backslashes, unicode, %-escapes), the event stays JSON. */
    @Test
    void anySlackBodyOrHeaderReachesTheFunctionIntact() throws IOException {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        for (String text : new String[] {"what's llama 8b at 50k/day?", "llama 8b \\ 50k/day \"quoted\"",
            "llama 8b 50k/day ☕ ünïcode", "llama 8b 50k/day 100%25 %zz", "it's 'llama 8b' 50k/day"}) {
            // Slack's form leaves ' unencoded; a raw quote or backslash must not break the mapping.
            String form = "command=%2Faicost&text=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("%27", "'") + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1%2F2";
            Map.Entry<Integer, String> ok = slackThroughApi(form, Map.of("X-Slack-Request-Timestamp", ts,
                    "X-Slack-Signature", dev.aicost.chat.SlackSignature.sign("test-signing-secret", ts, form)));
            assertThat(ok.getKey()).as(text).isEqualTo(200);
            assertThat(JSON.readTree(ok.getValue()).has("response_type")).as(text).isTrue();
        }
        // Headers an attacker chose: quotes and backslashes in the signature and timestamp are just refused.
        String form = SlackCommandTest.form("llama 8b 50k/day");
        Map.Entry<Integer, String> forged = slackThroughApi(form, Map.of("X-Slack-Request-Timestamp", "1'\\\"",
                "X-Slack-Signature", "v0='\"\\"));
        assertThat(forged.getKey()).isEqualTo(401);
    }
}
