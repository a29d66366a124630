package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkov and cfn-lint rules that apply to infra/template.yaml, as tests (neither tool installs on the
 * build machines: both are Python packages, and PyPI is not reachable; the npm cfn-lint is a retired 2019
 * tool). Each rule either holds for every resource it concerns, or the README explains why it does not
 * apply (its id appears in the README's "Operating it" section with the reason).
 */
class TemplateRulesTest {
    record Rule(String id, String what, String type, Predicate<JsonNode> holds) {
    }

    static final List<Rule> RULES = List.of(
        new Rule("CKV_AWS_115", "function-level concurrency limit", "AWS::Serverless::Function",
                r -> r.at("/Properties/ReservedConcurrentExecutions").isTextual()),
        new Rule("CKV_AWS_50", "X-Ray tracing on functions", "AWS::Serverless::Function",
                r -> r.at("/Properties/Tracing").toString().contains("Active")),
        new Rule("CKV_AWS_73", "X-Ray tracing on the API stage", "AWS::Serverless::Api",
                r -> r.at("/Properties/TracingEnabled").toString().contains("true")),
        new Rule("CKV_AWS_76", "API access logging", "AWS::Serverless::Api",
                r -> r.at("/Properties/AccessLogSetting/DestinationArn").isTextual()),
        new Rule("CKV_AWS_26", "SNS topic encrypted", "AWS::SNS::Topic",
                r -> r.at("/Properties/KmsMasterKeyId").isTextual()),
        new Rule("CKV_AWS_7", "KMS key rotation", "AWS::KMS::Key",
                r -> r.at("/Properties/EnableKeyRotation").asBoolean()),
        new Rule("CKV_AWS_33", "no wildcard principal in a key policy", "AWS::KMS::Key",
                r -> !r.at("/Properties/KeyPolicy").toString().contains("\"Principal\":\"*\"")
                        && !r.at("/Properties/KeyPolicy").toString().contains("\"AWS\":\"*\"")),
        new Rule("CKV_AWS_192", "WAF against Log4j (known bad inputs)", "AWS::WAFv2::WebACL",
                r -> r.toString().contains("AWSManagedRulesKnownBadInputsRuleSet")),
        new Rule("CKV_AWS_60", "IAM role not assumable by anyone", "AWS::IAM::Role",
                r -> !r.at("/Properties/AssumeRolePolicyDocument").toString().contains("\"AWS\":\"*\"")),
        new Rule("CKV_AWS_111", "no write access without resource constraints (except where the action takes none)",
                "AWS::IAM::Role", TemplateRulesTest::wildcardResourcesOnlyForActionsWithoutResources),
        new Rule("CKV_AWS_109", "no permissions management without constraints", "AWS::IAM::Role",
                r -> actions(r).stream().noneMatch(a -> a.startsWith("iam:") || a.equals("*"))),
        new Rule("CKV_AWS_116", "dead-letter queue for asynchronous invocations", "AWS::Serverless::Function",
                null),
        new Rule("CKV_AWS_117", "function inside a VPC", "AWS::Serverless::Function", null),
        new Rule("CKV_AWS_173", "environment variables encrypted with a customer key", "AWS::Serverless::Function",
                null),
        new Rule("CKV_AWS_158", "log groups encrypted with a customer key", "AWS::Logs::LogGroup",
                r -> r.at("/Properties/KmsKeyId").toString().contains("LogKmsKeyArn")),
        new Rule("CKV_AWS_338", "log retention of at least a year", "AWS::Logs::LogGroup", null),
        new Rule("CKV_AWS_120", "API Gateway caching", "AWS::Serverless::Api", null),
        new Rule("CKV_AWS_59", "an authorizer on every API method", "AWS::Serverless::Api", null),
        new Rule("CKV2_AWS_51", "client certificate authentication on the stage", "AWS::Serverless::Api", null),
        new Rule("CKV2_AWS_31", "WAF logging", "AWS::WAFv2::WebACL", null));

    static boolean wildcardResourcesOnlyForActionsWithoutResources(JsonNode role) {
        List<JsonNode> statements = new ArrayList<>();
        role.at("/Properties/Policies").forEach(p -> collect(p, statements));
        for (JsonNode st : statements) {
            if ("*".equals(st.path("Resource").asText()) && !st.get("Action").toString()
                    .matches("\\[(\"xray:Put[A-Za-z]+\",?)+]")) {
                return false;
            }
        }
        return true;
    }

    static List<String> actions(JsonNode role) {
        List<JsonNode> statements = new ArrayList<>();
        role.at("/Properties/Policies").forEach(p -> collect(p, statements));
        List<String> out = new ArrayList<>();
        statements.forEach(st -> {
            JsonNode a = st.get("Action");
            if (a.isArray()) {
                a.forEach(x -> out.add(x.asText()));
            } else {
                out.add(a.asText());
            }
        });
        return out;
    }

    /** Statements inside a policy, through !If branches. */
    static void collect(JsonNode n, List<JsonNode> out) {
        if (n.has("Effect") && n.has("Action")) {
            out.add(n);
        }
        n.forEach(child -> collect(child, out));
    }

    @Test
    void everyRuleHoldsOrTheReadmeExplainsWhyItDoesNotApply() throws IOException {
        JsonNode resources = TemplateTest.load(TemplateTest.TEMPLATE).get("Resources");
        String readme = Files.readString(Path.of("README.md"));
        List<String> broken = new ArrayList<>();
        Set<String> typesSeen = new java.util.HashSet<>();
        for (Rule rule : RULES) {
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().path("Type").asText().equals(rule.type())) {
                    continue;
                }
                typesSeen.add(rule.type());
                boolean explained = java.util.regex.Pattern.compile("\\b" + rule.id() + "\\b").matcher(readme).find();
                if (rule.holds() == null) {
                    if (!explained) {
                        broken.add(rule.id() + " (" + rule.what() + ") on " + e.getKey() + ": not explained in the README");
                    }
                } else if (!rule.holds().test(e.getValue())) {
                    broken.add(rule.id() + " (" + rule.what() + ") fails on " + e.getKey());
                } else {
                    assertThat(explained).as(rule.id() + " holds: the README need not explain it away").isFalse();
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(typesSeen).as("every rule concerns a resource the template has").hasSize(
                (int) RULES.stream().map(Rule::type).distinct().count());
    }

    /** cfn-lint's reference checks: every !Ref, !GetAtt and ${...} names a parameter, a resource or a pseudo parameter. */
    @Test
    void everyReferenceResolves() throws IOException {
        String text = Files.readString(TemplateTest.TEMPLATE);
        JsonNode t = TemplateTest.load(TemplateTest.TEMPLATE);
        Set<String> names = new java.util.HashSet<>();
        t.get("Parameters").fieldNames().forEachRemaining(names::add);
        t.get("Resources").fieldNames().forEachRemaining(names::add);
        // SAM's generated resources that the template refers to.
        names.addAll(Set.of("EstimateFunctionAliaslive", "SlackFunctionAliaslive", "EstimateApiStage"));
        List<String> unresolved = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("!Ref \"?([A-Za-z0-9:]+)|!GetAtt ([A-Za-z0-9]+)\\.|\\$\\{([A-Za-z0-9:]+)[.}]").matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (!name.startsWith("AWS::") && !names.contains(name)) {
                unresolved.add(name);
            }
        }
        assertThat(unresolved).isEmpty();
        // Every condition used is defined.
        Set<String> conditions = new java.util.HashSet<>();
        t.get("Conditions").fieldNames().forEachRemaining(conditions::add);
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("(?:Condition: |!If \\[)([A-Za-z]+)").matcher(text);
        while (c.find()) {
            assertThat(conditions).as("condition " + c.group(1)).contains(c.group(1));
        }
    }
}
