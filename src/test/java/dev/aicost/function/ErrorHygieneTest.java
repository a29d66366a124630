package dev.aicost.function;

import dev.aicost.request.InvalidRequestException;
import io.quarkus.funqy.runtime.ApplicationException;
import java.io.InputStream;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors reveal no internals, and invalid requests (which quote the caller's values) are not logged. */
class ErrorHygieneTest {

    static LogRecord record(Throwable t) {
        LogRecord r = new LogRecord(Level.SEVERE, "Failed to run lambda");
        r.setThrown(t);
        return r;
    }

    @Test
    void invalidRequestsAndHandledFailuresAreNotLoggedAgain() {
        ExpectedErrorLogFilter filter = new ExpectedErrorLogFilter();
        InvalidRequestException invalid = InvalidRequestException.of("training.tokens", "must be a number", null);
        assertThat(filter.isLoggable(record(new ApplicationException(invalid)))).isFalse();
        assertThat(filter.isLoggable(record(new ApplicationException(new InternalFailure())))).isFalse();
        assertThat(filter.isLoggable(record(new IllegalStateException("poll loop broke")))).isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.INFO, "started"))).isTrue();
    }

    @Test
    void aCyclicCauseChainEndsTheFilterAndStillLogs() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b); // a → b → a → …
        assertThat(new ExpectedErrorLogFilter().isLoggable(record(a))).isTrue();
    }

    @Test
    void theFilterIsInstalledAndBodiesAreNotLogged() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("quarkus.log.console.filter")).isEqualTo("expected-function-errors");
        assertThat(p.stringPropertyNames()).noneMatch(k -> k.contains("log") && p.getProperty(k).contains("DEBUG"));
    }

    @Test
    void anInternalFailureSaysNothingAboutItsCause() {
        InternalFailure f = new InternalFailure();
        assertThat(f.toString()).startsWith("{\"error\":\"INTERNAL_ERROR\"").doesNotContain("dev.aicost")
                .doesNotContain("Exception");
        assertThat(f.getStackTrace()).isEmpty();
        InvalidRequestException e = InvalidRequestException.of("$", "is empty", null);
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.toString()).doesNotContain("dev.aicost");
    }

    /** What the log says of an internal failure: where it happened, never its message (it may quote the request). */
    @Test
    void aFailureIsLoggedWithoutItsMessage() {
        RuntimeException e = new IllegalStateException("model 'SECRET-MARKER-42' has 7e10 parameters",
                new IllegalArgumentException("SECRET-MARKER-42 again"));
        String logged = Failure.describe(e);
        assertThat(logged).startsWith("java.lang.IllegalStateException").contains("caused by java.lang.IllegalArgumentException")
                .contains("at dev.aicost.function.ErrorHygieneTest").doesNotContain("SECRET-MARKER");
    }

    /** The function's own failure path logs through {@link Failure}, so a caller's values cannot reach the log. */
    @Test
    void theFunctionLogsFailuresOnlyThroughFailureDescribe() throws Exception {
        for (String source : new String[] {"EstimateFunction", "SlackResponder"}) {
            String code = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/dev/aicost/function/"
                    + source + ".java"));
            assertThat(code).as(source).contains("Failure.describe(").doesNotContainPattern("LOG\\.error\\([^;]*, e");
        }
    }

    /** One line per invocation, with names and numbers only: no value a caller sent ever reaches it. */
    @Test
    void theInvocationLineCarriesNoRequestValue() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String marker = "SECRET-MARKER-42";
        for (String body : new String[] {
            "{'text':'llama 8b " + marker + " 50k/day','format':'slack'}",
            "{'model':{'id':'" + marker + "'},'inference':{'requestsPerDay':1000}}",
            "{'slack':{'body':'text=" + marker + "'}}", "{'format':'" + marker + "'}"}) {
            com.fasterxml.jackson.databind.JsonNode request = json.readTree(body.replace('\'', '"'));
            com.fasterxml.jackson.databind.JsonNode refused = json.readTree("{\"error\":\"INVALID_REQUEST\",\"message\":\""
                    + marker + "\"}");
            for (Object answer : new Object[] {refused, null, json.readTree("{\"summary\":\"" + marker + "\"}")}) {
                String line = JsonLine.invocation(EstimateFunction.invocation(request, answer, 12_345_678));
                assertThat(line).doesNotContain(marker);
                com.fasterxml.jackson.databind.JsonNode parsed = json.readTree(line);
                assertThat(parsed.get("durationMs").asDouble()).isEqualTo(12.35);
                assertThat(parsed.get("outcome").asText()).isIn("answered", "refused", "failed");
            }
        }
        assertThat(JsonLine.invocation(EstimateFunction.invocation(json.readTree("{\"text\":\"x\",\"format\":\"slack\"}"),
                null, 0))).isEqualTo("{\"level\":\"INFO\",\"event\":\"invocation\",\"route\":\"text\",\"format\":\"slack\","
                        + "\"outcome\":\"failed\",\"error\":\"INTERNAL_ERROR\",\"durationMs\":0.0,\"requestFields\":2}");
    }

    /** Whatever a value holds (quotes, backslashes, line breaks, control and unpaired surrogate chars), the line stays one JSON object. */
    @Test
    void aJsonLineIsOneValidJsonObjectWhateverItsValuesHold() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String nasty = "a\"b\\c\nd\re\tf\u0001g\u2028h\ud800i";
        String line = JsonLine.of("ERROR", nasty, "failure", nasty, "status", 503, "absent", null);
        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u2028");
        com.fasterxml.jackson.databind.JsonNode parsed = json.readTree(line);
        assertThat(parsed.get("event").asText()).isEqualTo(nasty);
        assertThat(parsed.get("status").asInt()).isEqualTo(503);
        assertThat(parsed.has("absent")).isFalse();
    }
}
