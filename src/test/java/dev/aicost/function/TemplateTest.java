package dev.aicost.function;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAM template, checked for what matters (the npm cfn-lint is a retired 2019 tool that rejects
 * current SAM properties). CloudFormation tags (!Ref, !Sub, !GetAtt) read as their plain values.
 */
class TemplateTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path TEMPLATE = Path.of("infra/template.yaml");

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

    static JsonNode slackFunction(JsonNode t) {
        return t.at("/Resources/SlackFunction/Properties");
    }

    @Test
    void oneTemplateServesBothBuilds() throws IOException {
        assertThat(templates().map(p -> p.getFileName().toString()).toList()).containsExactly("template.yaml");
        JsonNode build = load(TEMPLATE).at("/Parameters/Build");
        assertThat(build.get("Default").asText()).isEqualTo("native");
        assertThat(build.get("AllowedValues").toString()).isEqualTo("[\"native\",\"jvm\"]");
        assertThat(load(TEMPLATE).at("/Conditions/IsJvm").toString()).isEqualTo("[\"Build\",\"jvm\"]");
    }

    @Test
    void nativeBuildRunsTheBootstrapOnAmazonLinux2023() throws IOException {
        JsonNode f = function(load(TEMPLATE));
        // !If [IsJvm, jvm value, native value]
        assertThat(f.get("Runtime").toString()).isEqualTo("[\"IsJvm\",\"java21\",\"provided.al2023\"]");
        assertThat(f.at("/Environment/Variables/DISABLE_SIGNAL_HANDLERS").toString())
                .isEqualTo("[\"IsJvm\",\"AWS::NoValue\",\"true\"]");
        JsonNode arch = load(TEMPLATE).at("/Parameters/Architecture");
        assertThat(arch.get("Default").asText()).isEqualTo("x86_64");
        assertThat(arch.get("AllowedValues").toString()).contains("arm64");
        assertThat(arch.get("Description").asText()).contains("arm64 build host");
        assertThat(f.get("Architectures").get(0).asText()).isEqualTo("Architecture");
        assertThat(f.at("/MemorySize/1").toString()).isEqualTo("[\"IsJvm\",1024,256]");
    }

    @Test
    void jvmBuildUsesTheFunqyHandlerWithSnapStartOnPublishedVersions() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode f = function(t);
        assertThat(f.at("/Handler/0").asText()).isEqualTo("IsJvm");
        assertThat(f.at("/Handler/1").asText()).isEqualTo("dev.aicost.function.LambdaHandler::handleRequest");
        assertThat(f.at("/SnapStart/1/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(f.at("/SnapStart/2").asText()).isEqualTo("AWS::NoValue");
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
        assertThat(t.at("/Parameters/MemorySize/Default").asInt()).isZero(); // per build: 256 native, 1024 jvm
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
        // The body as sent, wrapped with the API's own address (for report links): nothing else is added.
        assertThat(i.at("/requestTemplates/application~1json").asText()).isEqualTo("{\"apiGateway\":{\"reportUrl\":"
                + "\"https://$context.domainName/$context.stage/report\"},\"request\":$input.json('$')}");
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
    void theFunctionMayInvokeOnlyItsOwnLiveAliasForSlacksDelayedAnswers(Path template) throws IOException {
        String role = load(template).at("/Resources/SlackFunctionRole/Properties/Policies").toString();
        assertThat(role).contains("lambda:InvokeFunction")
                .contains("function:${AWS::StackName}-slack:live\"");
        assertThat(role.split("lambda:InvokeFunction", -1)).hasSize(2);
        assertThat(slackFunction(load(template)).get("FunctionName").asText()).isEqualTo("${AWS::StackName}-slack");
        assertThat(slackFunction(load(template)).at("/Environment/Variables/SLACK_DELAYED_QUALIFIER").asText())
                .isEqualTo("live");
        // The estimate function invokes nothing and reads one secret only: the report-link key.
        String estimateRole = load(template).at("/Resources/EstimateFunctionRole").toString();
        assertThat(estimateRole).doesNotContain("lambda:Invoke").doesNotContain("SlackSigningSecretArn");
        assertThat(estimateRole.split("secretsmanager:GetSecretValue", -1)).hasSize(2);
        assertThat(estimateRole).contains("\"Resource\":\"ReportLinkSecretArn\"");
        assertThat(function(load(template)).get("Environment").toString()).doesNotContain("SLACK");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void theRoleGrantsOnlyLoggingToItsOwnLogGroup(Path template) throws IOException {
        JsonNode t = load(template);
        String role = t.at("/Resources/EstimateFunctionRole").toString();
        List<String> actions = new ArrayList<>();
        t.at("/Resources/EstimateFunctionRole/Properties/Policies").forEach(p -> p.at("/PolicyDocument/Statement")
                .forEach(s -> s.get("Action").forEach(a -> actions.add(a.asText()))));
        assertThat(actions).isNotEmpty().allMatch(a -> (a.startsWith("logs:") || a.startsWith("xray:Put"))
                && !a.contains("*"));
        // "*" only where the action takes no resource (X-Ray's writes).
        t.at("/Resources/EstimateFunctionRole/Properties/Policies").forEach(p -> p.at("/PolicyDocument/Statement")
                .forEach(st -> assertThat(!st.path("Resource").asText().equals("*")
                        || st.get("Action").toString().matches("\\[(\"xray:Put[A-Za-z]+\",?)+]")).as(st.toString()).isTrue()));
        assertThat(role).doesNotContain("ManagedPolicyArns");
        // Nowhere in the template: wildcard actions or full-access managed policies (kms:* is the account
        // root's administration of the alarm topic's key, as in AWS's default key policy).
        String all = t.toString().replace("\"Action\":\"kms:*\"", "");
        assertThat(all).doesNotContain("\"Action\":\"*\"").doesNotContain(":*\"").doesNotContain("FullAccess");
        assertThat(t.at("/Resources/AlarmTopicKey/Properties/KeyPolicy/Statement/0/Principal/AWS").asText())
                .endsWith(":root");
        assertThat(function(t).has("Policies")).isFalse();
        assertThat(function(t).get("Role").asText()).isEqualTo("EstimateFunctionRole.Arn");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void noRetiredRuntimeFromQuarkusGeneratedTemplates(Path template) throws IOException {
        assertThat(Files.readString(template)).doesNotContain("Runtime: provided\n").doesNotContain("java11")
                .doesNotContain("java17");
    }

    static JsonNode slackIntegration(JsonNode t) {
        return t.at("/Resources/EstimateApi/Properties/DefinitionBody/paths/~1slack/post/x-amazon-apigateway-integration");
    }

    @Test
    void slackIsANonProxyRouteWithoutAnApiKeyThatHandsTheFunctionTheSignedBody() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode post = t.at("/Resources/EstimateApi/Properties/DefinitionBody/paths/~1slack/post");
        assertThat(post.has("security")).isFalse(); // Slack cannot send the API key; the signature is checked
        assertThat(post.get("consumes").toString()).contains("application/x-www-form-urlencoded");
        JsonNode i = slackIntegration(t);
        assertThat(i.get("type").asText()).isEqualTo("aws");
        assertThat(i.get("passthroughBehavior").asText()).isEqualTo("never");
        assertThat(i.get("uri").asText()).contains("${SlackFunction.Arn}:live/invocations");
        String mapping = i.at("/requestTemplates/application~1x-www-form-urlencoded").asText();
        assertThat(mapping).contains("\"slack\"").contains("$input.body").contains("X-Slack-Signature")
                .contains("X-Slack-Request-Timestamp");
        assertThat(i.get("responses").toString()).contains("UNAUTHORIZED").contains("\"401\"");
        assertThat(t.at("/Resources/SlackInvokePermission/Properties/SourceArn").asText()).endsWith("/POST/slack");
        assertThat(t.at("/Outputs/SlackUrl/Value").asText()).endsWith("/slack");
    }

    @Test
    void theFunctionReadsOneSecretByNameAndNeverHoldsItsValue() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode f = slackFunction(t);
        // The environment names the secret (its ARN), never its value or a dynamic reference to it.
        assertThat(f.at("/Environment/Variables/SLACK_SIGNING_SECRET_ARN/1").asText()).isEqualTo("SlackSigningSecretArn");
        assertThat(f.get("Environment").toString()).doesNotContain("resolve:").doesNotContain("SLACK_SIGNING_SECRET\"");
        assertThat(t.at("/Parameters/SlackSigningSecretArn/AllowedPattern").asText()).contains("secretsmanager");
        // The role may read exactly that secret, with GetSecretValue only, and only when one is configured.
        JsonNode policies = t.at("/Resources/SlackFunctionRole/Properties/Policies");
        String all = policies.toString();
        assertThat(all).contains("HasSlackSecret").contains("secretsmanager:GetSecretValue");
        JsonNode statement = policies.get(1).get(1).at("/PolicyDocument/Statement/0");
        assertThat(statement.get("Action").asText()).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(statement.get("Resource").asText()).isEqualTo("SlackSigningSecretArn");
        assertThat(policies.get(1).toString()).doesNotContain("\"*\"");
        assertThat(all).doesNotContain("secretsmanager:*");
        assertThat(f.get("Layers").toString()).contains("SecretsExtensionLayerArn");
    }

    @Test
    void theApiSpeaksTls12AndUpLogsAccessNotBodiesAndThrottlesTheStage() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode api = t.at("/Resources/EstimateApi/Properties");
        assertThat(api.at("/DefinitionBody/x-amazon-apigateway-security-policy").asText()).isEqualTo("TLS_1_2");
        assertThat(api.get("OpenApiVersion").asText()).isEqualTo("2.0"); // no stray "Stage" stage
        JsonNode m = api.at("/MethodSettings/0");
        assertThat(m.get("ResourcePath").asText()).isEqualTo("/*");
        assertThat(m.get("DataTraceEnabled").asBoolean()).isFalse();
        assertThat(m.get("LoggingLevel").asText()).isEqualTo("ERROR");
        assertThat(m.get("MetricsEnabled").asBoolean()).isTrue();
        assertThat(m.get("ThrottlingRateLimit").asText()).isEqualTo("StageRateLimit");
        assertThat(m.get("ThrottlingBurstLimit").asText()).isEqualTo("StageBurstLimit");
        String format = api.at("/AccessLogSetting/Format").asText();
        for (String v : new String[] {"$context.requestId", "$context.identity.apiKeyId", "$context.status",
                "$context.integration.error", "$context.responseLength", "$context.tlsVersion",
                "$context.awsEndpointRequestId"}) {
            assertThat(format).contains(v);
        }
        JSON_LINE.readTree(format.replaceAll("\\$context[.a-zA-Z]+", "x")); // one JSON object per line
        assertThat(api.at("/AccessLogSetting/DestinationArn").asText()).isEqualTo("ApiAccessLogGroup.Arn");
        assertThat(t.at("/Resources/ApiGatewayAccount/Condition").asText()).isEqualTo("SetAccountLogRole");
    }

    static final com.fasterxml.jackson.databind.ObjectMapper JSON_LINE = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void aWafWithRateBodySizeAndManagedRulesGuardsTheStageWhenEnabled() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode acl = t.at("/Resources/WebAcl");
        assertThat(acl.get("Condition").asText()).isEqualTo("UseWaf");
        assertThat(acl.at("/Properties/Scope").asText()).isEqualTo("REGIONAL");
        String rules = acl.at("/Properties/Rules").toString();
        assertThat(rules).contains("RateBasedStatement").contains("\"AggregateKeyType\":\"IP\"")
                .contains("SizeConstraintStatement").contains("AWSManagedRulesCommonRuleSet")
                .contains("AWSManagedRulesKnownBadInputsRuleSet");
        assertThat(t.at("/Resources/WebAclAssociation/Properties/ResourceArn").asText()).contains("/stages/");
        assertThat(t.at("/Parameters/EnableWaf/Default").asText()).isEqualTo("true");
    }

    @Test
    void servicesMayAuthenticateWithIamInsteadOfAnApiKey() throws IOException {
        JsonNode t = load(TEMPLATE);
        assertThat(t.at("/Parameters/AuthMode/AllowedValues").toString()).isEqualTo("[\"API_KEY\",\"IAM\"]");
        JsonNode body = t.at("/Resources/EstimateApi/Properties/DefinitionBody");
        assertThat(body.at("/securityDefinitions/sigv4/x-amazon-apigateway-authtype").asText()).isEqualTo("awsSigv4");
        // !If [UseIam, [{sigv4: []}], [{api_key: []}]]
        JsonNode security = body.at("/paths/~1estimate/post/security");
        assertThat(security.get(0).asText()).isEqualTo("UseIam");
        assertThat(security.get(1).get(0).has("sigv4")).isTrue();
        assertThat(security.get(2).get(0).has("api_key")).isTrue();
    }

    @Test
    void alarmsWatchErrorsThrottlesConcurrencyDurationAnd5xxAndGateTheRollout() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode r = t.get("Resources");
        assertThat(r.at("/FunctionErrorsAlarm/Properties/MetricName").asText()).isEqualTo("Errors");
        assertThat(r.at("/FunctionThrottlesAlarm/Properties/MetricName").asText()).isEqualTo("Throttles");
        assertThat(r.at("/FunctionConcurrencyAlarm/Properties/Metrics/0/MetricStat/Metric/MetricName").asText())
                .isEqualTo("ConcurrentExecutions");
        assertThat(r.at("/FunctionConcurrencyAlarm/Properties/Metrics/1/Expression").asText())
                .contains("${ReservedConcurrency}");
        assertThat(r.at("/FunctionDurationAlarm/Properties/ExtendedStatistic").asText()).isEqualTo("p99");
        assertThat(r.at("/Api5xxAlarm/Properties/MetricName").asText()).isEqualTo("5XXError");
        for (String alarm : List.of("FunctionErrorsAlarm", "FunctionThrottlesAlarm", "FunctionConcurrencyAlarm",
                "FunctionDurationAlarm", "Api5xxAlarm", "SlackFunctionErrorsAlarm", "Api4xxRateAlarm",
                "WafBlockedRequestsAlarm", "AccountConcurrencyQuotaAlarm")) {
            assertThat(r.at("/" + alarm + "/Properties/AlarmActions/0").asText()).as(alarm).isEqualTo("AlarmTopic");
        }
        JsonNode f = function(t);
        assertThat(f.get("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(f.at("/DeploymentPreference/Alarms").toString()).contains("FunctionErrorsAlarm")
                .contains("FunctionDurationAlarm");
        assertThat(f.at("/EventInvokeConfig/MaximumRetryAttempts").asInt()).isZero();
    }

    @Test
    void parametersAreBoundedAndLogsOutliveTheStack() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode p = t.get("Parameters");
        assertThat(p.at("/TimeoutSeconds/MaxValue").asInt()).isLessThanOrEqualTo(29);
        assertThat(p.at("/TimeoutSeconds/Default").asInt()).isLessThanOrEqualTo(10);
        for (String n : List.of("ReservedConcurrency", "SlackReservedConcurrency", "ThrottleRateLimit", "ThrottleBurstLimit", "QuotaLimit",
                "StageRateLimit", "StageBurstLimit", "WafRateLimitPerIp", "DurationAlarmMs")) {
            assertThat(p.get(n).has("MinValue") && p.get(n).has("MaxValue")).as(n).isTrue();
        }
        assertThat(p.at("/StageName/AllowedPattern").asText()).isNotEmpty();
        for (String g : List.of("EstimateLogGroup", "SlackLogGroup", "ApiAccessLogGroup")) {
            JsonNode lg = t.at("/Resources/" + g);
            assertThat(lg.get("DeletionPolicy").asText()).as(g).isEqualTo("Retain");
            assertThat(lg.get("UpdateReplacePolicy").asText()).as(g).isEqualTo("Retain");
            assertThat(lg.at("/Properties/KmsKeyId/0").asText()).as(g).isEqualTo("HasLogKey");
        }
    }

    /** /slack has its own throttle and WAF rate rule, so an unsigned flood there cannot take /estimate's budget. */
    @ParameterizedTest
    @MethodSource("templates")
    void slackHasItsOwnThrottleAndRateRule(Path template) throws IOException {
        JsonNode t = load(template);
        String stage = t.at("/Resources/EstimateApi/Properties/MethodSettings").toString();
        assertThat(stage).contains("\"ResourcePath\":\"/~1slack\"").contains("SlackRateLimit")
                .contains("SlackBurstLimit");
        String acl = t.at("/Resources/WebAcl/Properties/Rules").toString();
        assertThat(acl).contains("slack-rate-per-ip").contains("SlackWafRateLimitPerIp").contains("/slack");
        java.util.Set<Integer> priorities = new java.util.HashSet<>();
        t.at("/Resources/WebAcl/Properties/Rules").forEach(r -> assertThat(priorities.add(r.get("Priority").asInt()))
                .as("unique WAF rule priority").isTrue());
    }

    /** /slack runs the estimate function's code as its own function: same build, its own concurrency and role. */
    @Test
    void slackIsItsOwnFunctionWithItsOwnConcurrency() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode estimate = function(t);
        JsonNode slack = slackFunction(t);
        for (String same : List.of("Runtime", "Handler", "CodeUri", "AutoPublishAlias", "SnapStart", "Architectures",
                "MemorySize", "Timeout", "EventInvokeConfig", "Tracing")) {
            assertThat(slack.get(same)).as(same).isEqualTo(estimate.get(same));
        }
        assertThat(slack.get("ReservedConcurrentExecutions").asText()).isEqualTo("SlackReservedConcurrency");
        assertThat(slack.get("Role").asText()).isEqualTo("SlackFunctionRole.Arn");
        assertThat(slack.at("/LoggingConfig/LogGroup").asText()).isEqualTo("SlackLogGroup");
        assertThat(slack.at("/DeploymentPreference/Alarms/0").asText()).isEqualTo("SlackFunctionErrorsAlarm");
        assertThat(t.at("/Resources/SlackInvokePermission/Properties/FunctionName").asText())
                .isEqualTo("${SlackFunction.Arn}:live");
        assertThat(t.at("/Resources/SlackInvokePermission/DependsOn").asText()).isEqualTo("SlackFunctionAliaslive");
    }

    /** Both functions log JSON lines (LogFormat: JSON, as the function writes them) and trace with X-Ray by default. */
    @Test
    void logsAreJsonAndTracingIsOnByDefault() throws IOException {
        JsonNode t = load(TEMPLATE);
        for (JsonNode f : List.of(function(t), slackFunction(t))) {
            assertThat(f.at("/LoggingConfig/LogFormat").asText()).isEqualTo("JSON");
            assertThat(f.at("/LoggingConfig/ApplicationLogLevel").asText()).isEqualTo("INFO");
            assertThat(f.get("Tracing").toString()).isEqualTo("[\"TraceOn\",\"Active\",\"PassThrough\"]");
        }
        assertThat(t.at("/Parameters/EnableTracing/Default").asText()).isEqualTo("true");
        assertThat(t.at("/Resources/EstimateApi/Properties/TracingEnabled").toString())
                .isEqualTo("[\"TraceOn\",true,false]");
    }

    /** The WAF's body limit is the function's (64 KB), and the managed 8 KB body rule only counts. */
    @Test
    void theWafBodyLimitIsTheFunctionsOwn() throws IOException {
        JsonNode acl = load(TEMPLATE).at("/Resources/WebAcl/Properties");
        assertThat(acl.at("/AssociationConfig/RequestBody/API_GATEWAY/DefaultSizeInspectionLimit").asText())
                .isEqualTo("KB_64");
        JsonNode rules = acl.get("Rules");
        JsonNode size = null;
        JsonNode common = null;
        for (JsonNode r : rules) {
            if (r.at("/Statement/SizeConstraintStatement").isObject()) {
                size = r.at("/Statement/SizeConstraintStatement");
            }
            if (r.at("/Statement/ManagedRuleGroupStatement/Name").asText().equals("AWSManagedRulesCommonRuleSet")) {
                common = r.at("/Statement/ManagedRuleGroupStatement");
            }
        }
        assertThat(size.get("Size").asInt()).isEqualTo(dev.aicost.request.Limits.MAX_DOCUMENT_LENGTH);
        assertThat(size.at("/FieldToMatch/Body/OversizeHandling").asText()).isEqualTo("MATCH");
        assertThat(common.at("/RuleActionOverrides/0/Name").asText()).isEqualTo("SizeRestrictions_BODY");
        assertThat(common.at("/RuleActionOverrides/0/ActionToUse").has("Count")).isTrue();
    }

    /** The alarm topic is encrypted with a rotated key CloudWatch may use; the abuse alarms never roll back. */
    @Test
    void theAlarmTopicIsEncryptedAndAbuseAlarmsAreNotRollbackAlarms() throws IOException {
        JsonNode t = load(TEMPLATE);
        assertThat(t.at("/Resources/AlarmTopic/Properties/KmsMasterKeyId").asText()).isEqualTo("AlarmTopicKey");
        JsonNode key = t.at("/Resources/AlarmTopicKey/Properties");
        assertThat(key.get("EnableKeyRotation").asBoolean()).isTrue();
        assertThat(key.at("/KeyPolicy/Statement/1/Principal/Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
        String rollback = function(t).at("/DeploymentPreference/Alarms").toString()
                + slackFunction(t).at("/DeploymentPreference/Alarms").toString();
        for (String abuse : List.of("Api4xxRateAlarm", "WafBlockedRequestsAlarm", "AccountConcurrencyQuotaAlarm")) {
            assertThat(rollback).doesNotContain(abuse);
        }
        assertThat(t.at("/Resources/AccountConcurrencyQuotaAlarm/Properties/Metrics/1/Expression").asText())
                .contains("SERVICE_QUOTA(used)");
        assertThat(t.at("/Resources/WafBlockedRequestsAlarm/Condition").asText()).isEqualTo("UseWaf");
    }

    /** GET /report: no API key (the signed link is the credential), each parameter as base64, the page as HTML. */
    @Test
    void reportLinksOpenThroughTheirOwnRoute() throws IOException {
        JsonNode t = load(TEMPLATE);
        JsonNode get = t.at("/Resources/EstimateApi/Properties/DefinitionBody/paths/~1report/get");
        assertThat(get.has("security")).isFalse();
        JsonNode i = get.get("x-amazon-apigateway-integration");
        assertThat(i.get("uri").asText()).contains("${EstimateFunction.Arn}:live/invocations");
        String mapping = i.at("/requestTemplates/application~1json").asText();
        for (String p : List.of("q", "exp", "sig")) {
            assertThat(mapping).contains("\"" + p + "Base64\":\"$util.base64Encode($input.params('" + p + "'))\"");
        }
        JsonNode ok = i.at("/responses/default/responseParameters");
        assertThat(ok.get("method.response.header.Content-Type").asText()).isEqualTo("'text/html; charset=utf-8'");
        assertThat(ok.get("method.response.header.Content-Security-Policy").asText())
                .isEqualTo("integration.response.body.contentSecurityPolicy");
        assertThat(ok.get("method.response.header.Referrer-Policy").asText()).isEqualTo("'no-referrer'");
        assertThat(t.at("/Resources/ReportInvokePermission/Properties/SourceArn").asText()).endsWith("/GET/report");
        assertThat(t.at("/Outputs/ReportUrl/Value").asText()).endsWith("/report");
        for (JsonNode f : List.of(function(t), slackFunction(t))) {
            assertThat(f.at("/Environment/Variables/REPORT_LINK_SECRET_ARN/1").asText()).isEqualTo("ReportLinkSecretArn");
        }
    }
}
