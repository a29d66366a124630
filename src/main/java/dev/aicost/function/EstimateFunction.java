package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.api.Estimator;
import dev.aicost.chat.MarkdownAnswer;
import dev.aicost.chat.SlackMessage;
import dev.aicost.chat.SlackSignature;
import dev.aicost.chat.SlashCommand;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The Lambda function. It takes the raw JSON tree so that the engine can name every bad field
 * (Funqy's own binding hides the cause and silently drops unknown fields) and delegates.
 * An invalid or unsigned request is the caller's error: answered as a normal result carrying
 * {@code "error"} (API Gateway sets the HTTP status from it), never a function error, never logged;
 * anything else is a bug: logged here with its stack trace (never the request body), answered without
 * internals as a function error.
 */
public class EstimateFunction {
    private static final Logger LOG = Logger.getLogger(EstimateFunction.class);

    static final Set<String> FORMATS = Set.of("json", "markdown", "slack", "html");

    @Inject
    Estimator engine;

    @Inject
    SigningSecret secret;

    @Inject
    SlackResponder responder;

    @Inject
    ReportPages pages;

    /**
     * A request (structured or {@code {"text": ...}}) answered as a CostReport, or as Markdown or a
     * Slack message when {@code format} says so; or a Slack slash command ({@code {"slack": {...}}},
     * from API Gateway's /slack route) answered as a Slack message once its signature checks out.
     */
    @Funq("estimate")
    public Object estimate(JsonNode request) {
        long started = System.nanoTime();
        Object answer = null;
        try {
            answer = answer(request);
            return answer;
        } finally {
            LOG.info(JsonLine.invocation(invocation(request, answer, System.nanoTime() - started)));
        }
    }

    /**
     * The fields of the one JSON line logged per invocation (beside its level and AWS request id): the route
     * and format asked for, the outcome and its error code, the time taken and how many top-level fields the
     * request had. Names and numbers only, never a value a caller sent (the format only when it is one of
     * ours); CloudWatch Logs Insights queries them as fields.
     */
    static Map<String, Object> invocation(JsonNode event, Object answer, long nanos) {
        JsonNode request = event != null && event.isObject() && event.has("apiGateway") && event.has("request")
                ? event.get("request") : event;
        boolean object = request != null && request.isObject();
        String route = object && request.has("report") ? "report" : object && request.has("slack") ? "slack"
                : object && request.has("slackDelayed")
                ? "slack-delayed" : object && request.has("text") ? "text" : object && request.has("rental")
                        ? "rental" : "estimate";
        JsonNode f = object ? request.get("format") : null;
        String format = f != null && f.isTextual() && FORMATS.contains(f.asText()) ? f.asText() : "json";
        String error = answer instanceof JsonNode n && n.path("error").isTextual() ? n.path("error").asText()
                .replaceAll("[^A-Z_]", "") : answer == null ? "INTERNAL_ERROR" : null;
        String outcome = error == null ? "answered" : answer == null ? "failed" : "refused";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("route", route);
        fields.put("format", format);
        fields.put("outcome", outcome);
        fields.put("error", error);
        fields.put("durationMs", Math.round(nanos / 1e4) / 100.0);
        fields.put("requestFields", object ? request.size() : 0);
        return fields;
    }

    private Object answer(JsonNode event) {
        // API Gateway's /estimate mapping wraps the body with the API's own address (for report links).
        boolean wrapped = event != null && event.isObject() && event.has("apiGateway") && event.has("request")
                && event.size() == 2;
        JsonNode request = wrapped ? event.get("request") : event;
        String reportUrl = wrapped ? event.path("apiGateway").path("reportUrl").asText(null) : null;
        try {
            if (request != null && request.isObject() && request.has("slack")) {
                return slack(request.get("slack"));
            }
            if (request != null && request.isObject() && request.has("report") && request.size() == 1) {
                return pages.open(request.get("report"), engine::estimate);
            }
            if (request != null && request.isObject() && request.has("slackDelayed")) {
                return responder.delayed(request.get("slackDelayed"), this::slackAnswer, secret.get(),
                        System.currentTimeMillis() / 1000);
            }
            String format = format(request);
            if (help(request)) {
                return switch (format) {
                    case "slack" -> SlackMessage.help();
                    case "markdown", "html" -> MarkdownAnswer.markdown(SlackMessage.HELP.replace("*", "**"));
                    default -> JsonNodeFactory.instance.objectNode().put("help", SlackMessage.HELP);
                };
            }
            JsonNode body = request;
            if (request != null && request.isObject() && request.has("format")) {
                body = ((ObjectNode) request).deepCopy();
                ((ObjectNode) body).remove("format");
            }
            CostReport report;
            try {
                report = engine.estimate(body);
            } catch (InvalidRequestException e) {
                // A caller's mistake is an answer, in the format asked for; never a function error.
                return switch (format) {
                    case "slack" -> SlackMessage.error(e);
                    case "markdown" -> MarkdownAnswer.error(e);
                    default -> e.toJson();
                };
            }
            report = pages.linked(report, body, reportUrl);
            return switch (format) {
                case "markdown" -> MarkdownAnswer.of(report);
                case "slack" -> SlackMessage.of(report);
                case "html" -> pages.page(report);
                default -> report;
            };
        } catch (InvalidRequestException e) {
            return e.toJson(); // e.g. a bad format: answered like any caller mistake (API Gateway sets 400)
        } catch (Unauthorized e) {
            return e.toJson(); // API Gateway sets 401; nothing estimated, nothing of the body logged
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error(JsonLine.of("ERROR", "estimate failed (request and exception message not logged)", "failure",
                    Failure.describe(e)));
            throw new InternalFailure();
        }
    }

    /** {@code {"text": "help"}} (any case, with or without '?'): the examples, on every route and format. */
    private static boolean help(JsonNode request) {
        JsonNode t = request == null || !request.isObject() ? null : request.get("text");
        return t != null && t.isTextual() && t.asText().strip().replaceAll("[?!.]+$", "").equalsIgnoreCase("help");
    }

    private static String format(JsonNode request) {
        JsonNode f = request == null || !request.isObject() ? null : request.get("format");
        if (f == null || f.isNull()) {
            return "json";
        }
        if (!f.isTextual() || !FORMATS.contains(f.asText())) {
            throw InvalidRequestException.of("format", "must be json, markdown or slack", "json (default), "
                    + "markdown, slack");
        }
        return f.asText();
    }

    /** A slash command: authentic (signed, fresh) or refused; its text read with the chat grammar. */
    private ObjectNode slack(JsonNode event) {
        String body = text(event, "body");
        SlackSignature.Refusal refused = SlackSignature.check(secret.get(), text(event, "timestamp"), body,
                text(event, "signature"), System.currentTimeMillis() / 1000);
        if (refused != null) {
            LOG.warn(JsonLine.of("WARN", "Slack request refused (body not logged)", "reason", refused));
            throw new Unauthorized();
        }
        String text = SlashCommand.form(body).getOrDefault("text", "").trim();
        if (text.isEmpty() || text.replaceAll("[?!.]+$", "").equalsIgnoreCase("help")) {
            return SlackMessage.help();
        }
        String responseUrl = SlashCommand.form(body).get("response_url");
        String reportUrl = event.path("reportUrl").asText(null);
        return responder.respond(t -> slackAnswer(t, reportUrl), text, responseUrl, secret.get(),
                System.currentTimeMillis() / 1000);
    }

    /** A slash command's text answered as a Slack message (a mistake in it as an ephemeral one). */
    ObjectNode slackAnswer(String text) {
        return slackAnswer(text, null);
    }

    /** The same, with a "Full report" button to the page at {@code reportUrl} (or REPORT_BASE_URL). */
    ObjectNode slackAnswer(String text, String reportUrl) {
        try {
            ObjectNode request = JsonNodeFactory.instance.objectNode().put("text", text);
            return SlackMessage.of(pages.linked(engine.estimate(request), request, reportUrl));
        } catch (InvalidRequestException e) {
            return SlackMessage.error(e);
        }
    }

    /**
     * A field of the /slack event. API Gateway's mapping sends each as base64 ({@code bodyBase64}…), so no
     * byte a caller sends (a quote, a backslash) can break the event's JSON; {@code body} as such is
     * accepted from direct invocations. A field that is not valid base64 is absent.
     */
    static String text(JsonNode event, String field) {
        JsonNode encoded = event == null ? null : event.get(field + "Base64");
        if (encoded != null && encoded.isTextual()) {
            try {
                return new String(java.util.Base64.getDecoder().decode(encoded.asText()),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        JsonNode v = event == null ? null : event.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
