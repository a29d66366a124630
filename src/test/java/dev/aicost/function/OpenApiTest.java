package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** infra/openapi.yaml parses, describes the routes the template deploys, and its references and examples hold. */
class OpenApiTest {
    static final Path OPENAPI = Path.of("infra/openapi.yaml");

    static List<String> routes(JsonNode paths) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fieldNames().forEachRemaining(m -> out.add(m.toUpperCase() + " " + p.getKey()));
        }
        return out;
    }

    @Test
    void itIsOpenApi31AndMatchesTheTemplatesRoutes() throws IOException {
        JsonNode api = TemplateTest.load(OPENAPI);
        assertThat(api.get("openapi").asText()).startsWith("3.1");
        JsonNode template = TemplateTest.load(Path.of("infra/template.yaml"));
        assertThat(routes(api.get("paths"))).containsExactlyInAnyOrderElementsOf(
                routes(template.at("/Resources/EstimateApi/Properties/DefinitionBody/paths")));
        // The API key: the template's header name; /slack takes none.
        assertThat(api.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo(
                template.at("/Resources/EstimateApi/Properties/DefinitionBody/securityDefinitions/api_key/name").asText());
        assertThat(api.at("/paths/~1slack/post/security").isEmpty()).isTrue();
        for (String code : new String[] {"200", "400", "429", "500"}) {
            assertThat(api.at("/paths/~1estimate/post/responses").has(code)).as(code).isTrue();
        }
        assertThat(api.at("/paths/~1slack/post/responses").has("401")).isTrue();
    }

    @Test
    void itsReferencesResolveAndItsExamplesValidate() throws IOException {
        JsonNode api = TemplateTest.load(OPENAPI);
        JsonNode post = api.at("/paths/~1estimate/post");
        Path request = OPENAPI.getParent().resolve(post.at("/requestBody/content/application~1json/schema/$ref").asText())
                .normalize();
        Path report = OPENAPI.getParent().resolve(post.at("/responses/200/content/application~1json/schema/$ref")
                .asText()).normalize();
        assertThat(request).isEqualTo(Path.of("infra/schema/estimate-request.schema.json"));
        assertThat(report).isEqualTo(Path.of("infra/schema/cost-report.schema.json"));
        assertThat(Files.exists(request) && Files.exists(report)).isTrue();
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaTest.read(request));
        for (Iterator<JsonNode> it = post.at("/requestBody/content/application~1json/examples").elements(); it.hasNext();) {
            JsonNode example = it.next().get("value");
            assertThat(schema.validate(example)).as(example.toString()).isEmpty();
        }
        var error = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                api.at("/components/schemas/Error"));
        assertThat(error.validate(post.at("/responses/400/content/application~1json/example"))).isEmpty();
        assertThat(error.validate(post.at("/responses/500/content/application~1json/example"))).isEmpty();
    }
}
