package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.api.Estimator;
import dev.aicost.chat.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** Slack slash commands end to end through the function: signatures, freshness, answers and escaping. */
class SlackCommandTest {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    static EstimateFunction function(String secret) {
        EstimateFunction f = new EstimateFunction();
        f.engine = Estimator.builtIn();
        f.secret = new SigningSecret(name -> name.equals("SLACK_SIGNING_SECRET") ? secret : null);
        f.responder = new SlackResponder();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        new ReportJson().customize(json);
        f.pages = ReportPages.of(new LinkSecret(), json);
        f.responder.budgetMs = 60_000; // these tests are about the answer, not Slack's clock
        f.responder.invoker = payload -> false;
        return f;
    }

    static String form(String text) {
        return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&channel_id=C2147483705&user_id=U2147483697"
                + "&command=%2Faicost&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678";
    }

    /** The event API Gateway's /slack mapping hands the function. */
    static ObjectNode event(String body, String timestamp, String signature) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        ObjectNode s = e.putObject("slack");
        s.put("body", body);
        if (timestamp != null) {
            s.put("timestamp", timestamp);
        }
        if (signature != null) {
            s.put("signature", signature);
        }
        return e;
    }

    static ObjectNode signed(String text, String secret, long timestamp) {
        String body = form(text);
        String ts = Long.toString(timestamp);
        return event(body, ts, SlackSignature.sign(secret, ts, body));
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aSignedCommandGetsTheEstimateAsASlackMessage() {
        JsonNode m = (JsonNode) function(SECRET).estimate(signed("llama-3.3-70b 50k requests/day on h100 fp8 ttft 1s",
                SECRET, now()));
        assertThat(m.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(m.get("text").asText()).contains("Llama 3.3 70B").contains("/month");
        JsonNode blocks = m.get("blocks");
        assertThat(blocks.get(0).toString()).contains("*Understood:* Llama 3.3 70B");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("header");
        String all = blocks.toString();
        assertThat(all).contains("*Serving*").contains("Top levers").contains("assumptions").contains("catalog of");
    }

    @Test
    void slacksPublishedExampleSignatureVerifies() {
        // Slack's documentation example ("Verifying requests from Slack"): its secret, timestamp, body and signature.
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        assertThat(SlackSignature.sign(SECRET, "1531420618", body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        assertThat(SlackSignature.check(SECRET, "1531420618", body,
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", 1531420618 + 60)).isNull();
    }

    @Test
    void tamperedStaleWronglySignedOrUnconfiguredRequestsAreRefused() {
        long now = now();
        ObjectNode good = signed("llama-3.1-8b 50k requests/day", SECRET, now);
        // Tampered: the body changed after signing (a different text).
        ObjectNode tampered = good.deepCopy();
        ((ObjectNode) tampered.get("slack")).put("body", form("llama-3.1-405b 50M requests/day"));
        assertUnauthorized(function(SECRET).estimate(tampered));
        // Stale: signed correctly, six minutes ago (a replay).
        assertUnauthorized(function(SECRET).estimate(signed("llama-3.1-8b 50k requests/day", SECRET, now - 360)));
        // A timestamp 2^63 seconds back (Math.abs of the difference would overflow), or two minutes ahead.
        assertUnauthorized(function(SECRET).estimate(signed("llama-3.1-8b 50k requests/day", SECRET,
                now + Long.MIN_VALUE)));
        assertUnauthorized(function(SECRET).estimate(signed("llama-3.1-8b 50k requests/day", SECRET, now + 120)));
        // Wrong secret.
        assertUnauthorized(function(SECRET).estimate(signed("llama-3.1-8b 50k requests/day", "another", now)));
        // No secret configured: nothing is estimated, whatever the signature.
        assertUnauthorized(function(null).estimate(good));
        // Missing headers.
        assertUnauthorized(function(SECRET).estimate(event(form("x"), null, null)));
        // The error body says nothing of the request.
        assertThat(new Unauthorized().toString()).startsWith("{\"error\":\"UNAUTHORIZED\"").doesNotContain("llama");
        // And the genuine one passes.
        assertThat(((JsonNode) function(SECRET).estimate(good)).get("response_type").asText()).isEqualTo("in_channel");
    }

    @Test
    void helpAndMistakesAreEphemeralMessagesNotFailures() {
        JsonNode help = (JsonNode) function(SECRET).estimate(signed("help", SECRET, now()));
        assertThat(help.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(help.get("text").asText()).contains("req/day").contains("ttft");
        JsonNode empty = (JsonNode) function(SECRET).estimate(signed("", SECRET, now()));
        assertThat(empty.get("text").asText()).contains("Ask as you would");
        JsonNode partly = (JsonNode) function(SECRET).estimate(signed("llama-3.1-8b 50k requests/day on h1000",
                SECRET, now()));
        assertThat(partly.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(partly.get("blocks").get(0).toString()).contains("Understood:").contains("_Ignored:_ h1000");
        JsonNode wrong = (JsonNode) function(SECRET).estimate(signed("llama 8b mistral 7b 50k requests/day",
                SECRET, now()));
        assertThat(wrong.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(wrong.get("text").asText()).contains("two models: 'llama 8b' (llama-3.1-8b) and 'mistral 7b'")
                .contains("llama 8b vs mistral 7b");
    }

    @Test
    void textFromTheRequestCannotPingTheChannelOrDisguiseALink() {
        // Ignored words are echoed as typed: escaped, they cannot form a mention or a link.
        JsonNode answer = (JsonNode) function(SECRET).estimate(signed("llama-3.1-8b 50k/day <!channel1> "
                + "<https://evil.example|docs2>", SECRET, now()));
        String text = answer.toString();
        assertThat(text).doesNotContain("<!channel").doesNotContain("<https://");
        assertThat(text).contains("&lt;!channel1&gt;");
    }

    @Test
    void theFormIsDecodedAsSlackSendsIt() {
        Map<String, String> f = dev.aicost.chat.SlashCommand.form(form("llama-3.1-8b 50k requests/day & more"));
        assertThat(f.get("text")).isEqualTo("llama-3.1-8b 50k requests/day & more");
        assertThat(f.get("command")).isEqualTo("/aicost");
    }

    @Test
    void theSecretComesFromTheEnvironmentLocallyAndIsReadOnce() {
        int[] reads = {0};
        SigningSecret s = new SigningSecret(name -> {
            reads[0]++;
            return name.equals("SLACK_SIGNING_SECRET") ? "local" : null;
        });
        assertThat(s.get()).isEqualTo("local");
        assertThat(s.get()).isEqualTo("local");
        assertThat(reads[0]).isEqualTo(1);
        // In AWS without the extension (or outside AWS with only an ARN), there is no secret: refuse, don't guess.
        SigningSecret unreachable = new SigningSecret(name -> switch (name) {
            case "SLACK_SIGNING_SECRET_ARN" -> "arn:aws:secretsmanager:us-east-1:123456789012:secret:slack-AbCdEf";
            case "AWS_SESSION_TOKEN" -> "token";
            default -> null;
        });
        assertThat(unreachable.get()).isNull();
    }

    /** An unsigned, forged or stale request is answered UNAUTHORIZED (API Gateway: 401), never a function error. */
    static void assertUnauthorized(Object answer) {
        assertThat(((com.fasterxml.jackson.databind.JsonNode) answer).path("error").asText()).isEqualTo("UNAUTHORIZED");
    }
}
