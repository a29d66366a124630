package dev.aicost.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SAM templates, checked for what matters (the npm cfn-lint is a retired 2019 tool that rejects
 * current SAM properties). CloudFormation tags (!Ref, !Sub, !GetAtt) read as their plain values.
 */
class TemplateTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("infra"))) {
            return files.filter(p -> p.getFileName().toString().matches("template.*\\.ya?ml")).sorted().toList()
                    .stream();
        }
    }

    static JsonNode load(Path p) throws IOException {
        return YAML.readTree(p.toFile());
    }

    static JsonNode function(JsonNode t) {
        return t.at("/Resources/EstimateFunction/Properties");
    }

    @Test
    void bothTemplatesExist() throws IOException {
        assertThat(templates().map(p -> p.getFileName().toString()).toList())
                .containsExactly("template-jvm.yaml", "template.yaml");
    }

    @Test
    void nativeTemplateRunsTheNativeZipOnAmazonLinux2023() throws IOException {
        JsonNode f = function(load(Path.of("infra/template.yaml")));
        assertThat(f.get("Runtime").asText()).isEqualTo("provided.al2023");
        assertThat(f.at("/Environment/Variables/DISABLE_SIGNAL_HANDLERS").asText()).isEqualTo("true");
        JsonNode arch = load(Path.of("infra/template.yaml")).at("/Parameters/Architecture");
        assertThat(arch.get("Default").asText()).isEqualTo("x86_64");
        assertThat(arch.get("AllowedValues").toString()).contains("arm64");
        assertThat(arch.get("Description").asText()).contains("arm64 host");
        assertThat(f.get("Architectures").get(0).asText()).isEqualTo("Architecture");
    }

    @Test
    void jvmTemplateUsesTheFunqyHandlerWithSnapStartOnPublishedVersions() throws IOException {
        JsonNode t = load(Path.of("infra/template-jvm.yaml"));
        JsonNode f = function(t);
        assertThat(f.get("Runtime").asText()).isEqualTo("java21");
        assertThat(f.get("Handler").asText()).isEqualTo("io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest");
        assertThat(f.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(f.get("AutoPublishAlias").asText()).isEqualTo("live");
        // API Gateway must invoke the alias (the SnapStart version), not $LATEST.
        assertThat(integration(t).get("uri").asText()).contains("${EstimateFunction.Arn}:live/invocations");
        assertThat(t.at("/Resources/EstimateApiInvokePermission/Properties/FunctionName").asText()).endsWith(":live");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void codeUriPointsAtTheBuiltArtifact(Path template) throws IOException {
        String uri = function(load(template)).get("CodeUri").asText();
        assertThat(uri).isEqualTo("../target/function.zip");
        assertThat(template.getParent().resolve(uri).normalize()).isEqualTo(Path.of("target/function.zip"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void sensibleMemoryTimeoutAndReservedConcurrency(Path template) throws IOException {
        JsonNode t = load(template);
        JsonNode f = function(t);
        assertThat(f.get("ReservedConcurrentExecutions").asText()).isEqualTo("ReservedConcurrency");
        assertThat(t.at("/Parameters/ReservedConcurrency/Default").asInt()).isBetween(1, 100);
        assertThat(t.at("/Parameters/MemorySize/Default").asInt()).isBetween(128, 2048);
        assertThat(t.at("/Parameters/TimeoutSeconds/Default").asInt()).isBetween(3, 30);
        assertThat(t.at("/Resources/EstimateLogGroup/Properties/RetentionInDays").asText()).isEqualTo("LogRetentionDays");
        assertThat(f.at("/LoggingConfig/LogGroup").asText()).isEqualTo("EstimateLogGroup");
    }

    static JsonNode integration(JsonNode t) {
        return t.at("/Resources/EstimateApi/Properties/DefinitionBody/paths/~1estimate/post/x-amazon-apigateway-integration");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void apiIsANonProxyLambdaIntegrationWithErrorMappings(Path template) throws IOException {
        JsonNode i = integration(load(template));
        assertThat(i.get("type").asText()).isEqualTo("aws"); // not aws_proxy: the body is the function's input
        assertThat(i.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(i.get("uri").asText()).startsWith("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/")
                .contains("${EstimateFunction.Arn}");
        assertThat(i.at("/requestTemplates/application~1json").asText()).isEqualTo("$input.json('$')");
        List<String> codes = new ArrayList<>();
        i.get("responses").forEach(r -> codes.add(r.get("statusCode").asText()));
        assertThat(codes).containsExactlyInAnyOrder("200", "400", "500");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void apiKeysAndAUsagePlanWithThrottleAndQuotaParameters(Path template) throws IOException {
        JsonNode t = load(template);
        JsonNode post = t.at("/Resources/EstimateApi/Properties/DefinitionBody/paths/~1estimate/post");
        assertThat(post.get("security").toString()).contains("api_key");
        assertThat(t.at("/Resources/EstimateApi/Properties/DefinitionBody/securityDefinitions/api_key/name").asText())
                .isEqualTo("x-api-key");
        JsonNode plan = t.at("/Resources/EstimateUsagePlan/Properties");
        assertThat(plan.at("/Throttle/RateLimit").asText()).isEqualTo("ThrottleRateLimit");
        assertThat(plan.at("/Throttle/BurstLimit").asText()).isEqualTo("ThrottleBurstLimit");
        assertThat(plan.at("/Quota/Limit").asText()).isEqualTo("QuotaLimit");
        assertThat(plan.at("/Quota/Period").asText()).isEqualTo("QuotaPeriod");
        assertThat(t.at("/Resources/EstimateUsagePlanKey/Properties/KeyType").asText()).isEqualTo("API_KEY");
        assertThat(t.at("/Resources/EstimateApiKey/Type").asText()).isEqualTo("AWS::ApiGateway::ApiKey");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void outputsGiveTheUrlAndTheFunctionArn(Path template) throws IOException {
        JsonNode out = load(template).get("Outputs");
        assertThat(out.at("/EstimateUrl/Value").asText()).startsWith("https://${EstimateApi}.execute-api.")
                .endsWith("/estimate");
        assertThat(out.at("/FunctionArn/Value").asText()).contains("EstimateFunction");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void theRoleGrantsOnlyLoggingToItsOwnLogGroup(Path template) throws IOException {
        JsonNode t = load(template);
        String role = t.at("/Resources/EstimateFunctionRole").toString();
        List<String> actions = new ArrayList<>();
        t.at("/Resources/EstimateFunctionRole/Properties/Policies").forEach(p -> p.at("/PolicyDocument/Statement")
                .forEach(s -> s.get("Action").forEach(a -> actions.add(a.asText()))));
        assertThat(actions).isNotEmpty().allMatch(a -> a.startsWith("logs:") && !a.contains("*"));
        assertThat(role).doesNotContain("ManagedPolicyArns").doesNotContain("\"Resource\":\"*\"");
        // Nowhere in the template: wildcard actions or full-access managed policies.
        String all = t.toString();
        assertThat(all).doesNotContain("\"Action\":\"*\"").doesNotContain(":*\"").doesNotContain("FullAccess");
        assertThat(function(t).has("Policies")).isFalse();
        assertThat(function(t).get("Role").asText()).isEqualTo("EstimateFunctionRole.Arn");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void noRetiredRuntimeFromQuarkusGeneratedTemplates(Path template) throws IOException {
        assertThat(Files.readString(template)).doesNotContain("Runtime: provided\n").doesNotContain("java11")
                .doesNotContain("java17");
    }
}
