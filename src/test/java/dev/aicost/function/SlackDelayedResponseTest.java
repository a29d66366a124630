package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Slack's delayed response end to end: a first answer slower than the budget (a cold start, simulated)
 * is acknowledged at once; the function, invoked again asynchronously with the signed hand-off (here on
 * a thread, as Lambda's Event invocation would), posts the answer to a local fake of response_url.
 */
class SlackDelayedResponseTest {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final ObjectMapper JSON = new ObjectMapper();
    HttpServer slack;
    final List<String> posted = new CopyOnWriteArrayList<>();
    final CountDownLatch received = new CountDownLatch(1);
    String hookUrl;

    @BeforeEach
    void fakeResponseUrl() throws Exception {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/commands/", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            received.countDown();
        });
        slack.start();
        hookUrl = "http://127.0.0.1:" + slack.getAddress().getPort() + "/commands/T1/42/abc";
    }

    @AfterEach
    void stop() {
        slack.stop(0);
    }

    /** The function as deployed, with a first answer slowed past the budget and Lambda's async invoke faked. */
    EstimateFunction function(AtomicReference<String> handoff) {
        EstimateFunction f = SlackCommandTest.function(SECRET);
        f.responder.budgetMs = 200;
        f.responder.allowedUrlPrefix = "http://127.0.0.1:" + slack.getAddress().getPort() + "/";
        f.responder.poster = new ResponsePoster();
        AtomicBoolean cold = new AtomicBoolean(true);
        EstimateFunction slowFirst = new EstimateFunction() {
            @Override
            com.fasterxml.jackson.databind.node.ObjectNode slackAnswer(String text, String reportUrl) {
                if (cold.getAndSet(false)) {
                    sleep(1_500); // the cold start: the first answer misses the budget
                }
                return super.slackAnswer(text, reportUrl);
            }
        };
        slowFirst.engine = f.engine;
        slowFirst.secret = f.secret;
        slowFirst.responder = f.responder;
        slowFirst.pages = f.pages;
        f.responder.invoker = payload -> {
            handoff.set(payload);
            Thread async = new Thread(() -> {
                try {
                    slowFirst.estimate(JSON.readTree(payload));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            async.start();
            return true;
        };
        return slowFirst;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSlowFirstAnswerIsAcknowledgedThenPostedToTheResponseUrl() throws Exception {
        AtomicReference<String> handoff = new AtomicReference<>();
        EstimateFunction f = function(handoff);
        String form = "command=%2Faicost&text=" + java.net.URLEncoder.encode("llama 8b 50k req/day on l4",
                StandardCharsets.UTF_8) + "&response_url=" + java.net.URLEncoder.encode(hookUrl, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        JsonNode ack = (JsonNode) f.estimate(SlackCommandTest.event(form, String.valueOf(System.currentTimeMillis()
                / 1000), dev.aicost.chat.SlackSignature.sign(SECRET, String.valueOf(System.currentTimeMillis() / 1000),
                        form)));
        long ackMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ack.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(ack.get("text").asText()).startsWith("Working on it");
        assertThat(ackMs).as("acknowledged within Slack's 3 seconds").isLessThan(3_000);
        assertThat(received.await(20, TimeUnit.SECONDS)).as("the answer reached response_url").isTrue();
        JsonNode answer = JSON.readTree(posted.get(0));
        assertThat(answer.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(answer.toString()).contains("*Understood:* Llama 3.1 8B · 50k requests/day");
        // The hand-off carries the text and where to post, signed; a forged or altered one is refused.
        JsonNode h = JSON.readTree(handoff.get()).get("slackDelayed");
        assertThat(h.get("responseUrl").asText()).isEqualTo(hookUrl);
        String forged = handoff.get().replace("llama 8b", "llama 70b");
        assertUnauthorized(f.estimate(JSON.readTree(forged)));
        String elsewhere = handoff.get().replace("127.0.0.1", "169.254.169.254");
        assertUnauthorized(f.estimate(JSON.readTree(elsewhere)));
    }

    @Test
    void aFastAnswerComesAtOnceAndNothingIsInvoked() throws Exception {
        AtomicReference<String> handoff = new AtomicReference<>();
        EstimateFunction f = function(handoff);
        f.responder.budgetMs = 60_000;
        String form = "command=%2Faicost&text=help&response_url=" + java.net.URLEncoder.encode(hookUrl,
                StandardCharsets.UTF_8);
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        JsonNode help = (JsonNode) f.estimate(SlackCommandTest.event(form, ts, dev.aicost.chat.SlackSignature.sign(
                SECRET, ts, form)));
        assertThat(help.get("text").asText()).contains("Ask as you would");
        assertThat(handoff.get()).isNull();
    }

    /** An unsigned, forged or stale request is answered UNAUTHORIZED (API Gateway: 401), never a function error. */
    static void assertUnauthorized(Object answer) {
        assertThat(((com.fasterxml.jackson.databind.JsonNode) answer).path("error").asText()).isEqualTo("UNAUTHORIZED");
    }
}
