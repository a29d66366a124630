package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.chat.SlackSignature;
import dev.aicost.report.page.HtmlPage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report links through the API's mappings and the function (the test JVM signs links with
 * REPORT_LINK_SECRET=test-link-key, pom.xml): a JSON report's links.html, the Markdown answer's "Full
 * report" and the Slack answer's button each open a page (200, text/html, its CSP, cacheable), and an
 * altered, expired or unsigned link gets the small error page (401, no-store), never a report.
 */
@QuarkusTest
class ReportRouteMappingTest {

    /** A page as API Gateway answers it: status, headers from the response parameters, body. */
    record Page(int status, Map<String, String> headers, String body) {
    }

    static JsonNode reportIntegration() throws IOException {
        return TemplateTest.load(TemplateTest.TEMPLATE)
                .at("/Resources/EstimateApi/Properties/DefinitionBody/paths/~1report/get/x-amazon-apigateway-integration");
    }

    /** GET /report?… through the request mapping, the function and the response mapping. */
    static Page open(String url) throws IOException {
        Map<String, String> params = new HashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        JsonNode integration = reportIntegration();
        String mapped = ApiGatewayMappingTest.render(integration.at("/requestTemplates/application~1json").asText(),
                new ApiGatewayMappingTest.Input(null, null, params));
        Response r = given().contentType("application/json").body(mapped).when().post();
        assertThat(r.statusCode()).as("no function error").isEqualTo(200);
        JsonNode out = ApiGatewayMappingTest.JSON.readTree(r.asString());
        JsonNode response = integration.at("/responses/default");
        ApiGatewayMappingTest.Context context = new ApiGatewayMappingTest.Context();
        String body = ApiGatewayMappingTest.render(response.at("/responseTemplates/application~1json").asText(),
                new ApiGatewayMappingTest.Input(out), context);
        Map<String, String> headers = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = response.get("responseParameters").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String source = e.getValue().asText();
            String value = source.startsWith("'") ? source.substring(1, source.length() - 1)
                    : out.path(source.substring("integration.response.body.".length())).asText();
            headers.put(e.getKey().substring("method.response.header.".length()), value);
        }
        Object status = context.getResponseOverride().get("status");
        return new Page(status == null ? 200 : Integer.parseInt(status.toString()), headers, body);
    }

    static void isTheReportPage(Page page) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.headers().get("Content-Security-Policy")).isEqualTo(HtmlPage.CSP);
        assertThat(page.headers().get("Cache-Control")).isEqualTo("private, max-age=3600");
        assertThat(page.headers().get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("id=\"headline\"").contains("<svg");
    }

    /** The links.html of a JSON report through the /estimate route. */
    static String linkOfAJsonReport() throws IOException {
        Map.Entry<Integer, String> r = ApiGatewayMappingTest.callThroughApi(
                "{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":50000}}");
        return ApiGatewayMappingTest.JSON.readTree(r.getValue()).at("/links/html").asText();
    }

    @Test
    void aJsonReportLinksToItsPage() throws IOException {
        String url = linkOfAJsonReport();
        assertThat(url).startsWith("https://abc123.execute-api.us-east-1.amazonaws.com/prod/report?q=");
        isTheReportPage(open(url));
    }

    @Test
    void theMarkdownAnswersFullReportLinkOpensThePage() throws IOException {
        Map.Entry<Integer, String> r = ApiGatewayMappingTest.callThroughApi(
                "{\"text\":\"llama 8b 50k requests/day on l4\",\"format\":\"markdown\"}");
        String markdown = ApiGatewayMappingTest.JSON.readTree(r.getValue()).get("markdown").asText();
        Matcher m = Pattern.compile("\\[Full report]\\((https://[^)]+)\\)").matcher(markdown);
        assertThat(m.find()).as(markdown).isTrue();
        Page page = open(m.group(1));
        isTheReportPage(page);
        assertThat(page.body()).contains("Llama 3.1 8B");
    }

    @Test
    void theSlackAnswersFullReportButtonOpensThePage() throws IOException {
        String form = SlackCommandTest.form("llama-3.1-8b 50k requests/day on l4");
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Map.Entry<Integer, String> r = ApiGatewayMappingTest.slackThroughApi(form, Map.of("X-Slack-Request-Timestamp",
                ts, "X-Slack-Signature", SlackSignature.sign("test-signing-secret", ts, form)));
        JsonNode blocks = ApiGatewayMappingTest.JSON.readTree(r.getValue()).get("blocks");
        String url = null;
        for (JsonNode b : blocks) {
            if (b.path("type").asText().equals("actions")) {
                JsonNode button = b.at("/elements/0");
                assertThat(button.at("/text/text").asText()).isEqualTo("Full report");
                url = button.get("url").asText();
            }
        }
        assertThat(url).as("a Full report button").isNotNull();
        assertThat(url.length()).as("Slack's limit on a button's url").isLessThanOrEqualTo(3000);
        isTheReportPage(open(url));
    }

    @Test
    void anAlteredOrUnsignedLinkGetsTheErrorPageNeverAReport() throws IOException {
        String url = linkOfAJsonReport();
        String tampered = url.replaceFirst("sig=.", "sig=A");
        if (tampered.equals(url)) {
            tampered = url.replaceFirst("sig=.", "sig=B");
        }
        for (String bad : new String[] {tampered, url.replaceFirst("exp=\\d+", "exp=1"), url.substring(0,
                url.indexOf('?')), url.replace("&sig=", "&sig=%22%27%5C")}) {
            Page page = open(bad);
            assertThat(page.status()).as(bad).isEqualTo(401);
            assertThat(page.headers().get("Cache-Control")).isEqualTo("no-store");
            assertThat(page.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(page.body()).contains("Report unavailable").doesNotContain("Llama").doesNotContain("<svg");
        }
    }
}
