package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.chat.SlackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Slack gives a slash command 3 seconds. The answer is computed with a budget ({@link #budgetMs}); when
 * it is not ready in time (a cold start), the person gets an ephemeral "Working on it…" at once and this
 * function is invoked again, asynchronously, with a hand-off signed by the Slack signing secret, to post
 * the answer to the command's {@code response_url} (Slack's delayed response, valid 30 minutes).
 */
@ApplicationScoped
public class SlackResponder {
    private static final Logger LOG = Logger.getLogger(SlackResponder.class);
    static final long BUDGET_MS = 2_000;
    static final String SLACK_HOOKS = "https://hooks.slack.com/";
    static final long HANDOFF_MAX_AGE_SECONDS = 300;

    @Inject
    AsyncInvoker invoker;

    @Inject
    ResponsePoster poster;

    long budgetMs = BUDGET_MS;
    /** Where a response_url may point: Slack's hooks host only (nothing else is ever posted to). */
    String allowedUrlPrefix = SLACK_HOOKS;

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slack-answer");
        t.setDaemon(true);
        return t;
    });

    /** The answer, if ready within the budget; else an acknowledgement, the answer following at response_url. */
    ObjectNode respond(Function<String, ObjectNode> answer, String text, String responseUrl, String secret,
            long nowSeconds) {
        Future<ObjectNode> f = pool.submit(() -> answer.apply(text));
        try {
            return f.get(budgetMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (responseUrl != null && responseUrl.startsWith(allowedUrlPrefix)
                    && invoker.invoke(handoff(text, responseUrl, secret, nowSeconds).toString())) {
                return ephemeral("Working on it… the estimate will be posted here in a few seconds.");
            }
            try { // no delayed path: wait for what Slack may still accept
                return f.get(Math.max(0, 2_900 - budgetMs), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException again) {
                return ephemeral("That estimate took longer than Slack waits; please send it again.");
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
                return ephemeral("Interrupted; please send it again.");
            }
        } catch (ExecutionException e) {
            LOG.error(JsonLine.of("ERROR", "Slack answer failed (request text and exception message not logged)",
                    "failure", Failure.describe(e.getCause())));
            return ephemeral("Something went wrong on our side; the error is logged (without your text).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ephemeral("Interrupted; please send it again.");
        }
    }

    /** The asynchronous half: a genuine, fresh hand-off is answered and posted; anything else is refused. */
    ObjectNode delayed(JsonNode handoff, Function<String, ObjectNode> answer, String secret, long nowSeconds) {
        String text = handoff.path("text").asText(null);
        String url = handoff.path("responseUrl").asText(null);
        long issued = handoff.path("issuedAt").asLong(-1);
        String sig = handoff.path("sig").asText("");
        if (secret == null || text == null || url == null || !url.startsWith(allowedUrlPrefix)
                || Math.abs(nowSeconds - issued) > HANDOFF_MAX_AGE_SECONDS
                || !MessageDigest.isEqual(sign(secret, issued, url, text).getBytes(StandardCharsets.UTF_8),
                        sig.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn(JsonLine.of("WARN", "Slack hand-off refused (contents not logged)"));
            throw new Unauthorized();
        }
        ObjectNode message = answer.apply(text);
        message.put("replace_original", false);
        boolean posted = poster.post(url, message.toString());
        return JsonNodeFactory.instance.objectNode().put("posted", posted);
    }

    static ObjectNode handoff(String text, String responseUrl, String secret, long nowSeconds) {
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.putObject("slackDelayed").put("text", text).put("responseUrl", responseUrl).put("issuedAt", nowSeconds)
                .put("sig", sign(secret, nowSeconds, responseUrl, text));
        return h;
    }

    static String sign(String secret, long issued, String url, String text) {
        return SigV4.hex(SigV4.hmac(secret.getBytes(StandardCharsets.UTF_8), "delayed:" + issued + ":" + url + ":"
                + text));
    }

    private static ObjectNode ephemeral(String text) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("response_type", "ephemeral");
        m.put("text", text);
        return m;
    }
}
