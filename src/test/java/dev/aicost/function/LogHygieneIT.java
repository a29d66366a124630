package dev.aicost.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a caller sends reaches the function's log, on the packaged JVM build run exactly as Lambda's
 * java21 runtime runs it: AWS's runtime interface client against a local Runtime API
 * ({@code infra/local/invoke.sh}, after {@code package}). A marker secret goes into every kind of field
 * (ids, numbers, unknown names, words, array items, Slack bodies, malformed JSON, an oversized body);
 * every answer must come back, no invocation may be a function error, every log line must be one JSON
 * object, and the marker must appear nowhere in the captured stdout and stderr.
 */
class LogHygieneIT {
    static final String MARKER = "MARKER-5ecr3t-7q";
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> events() {
        String m = MARKER;
        String slackBody = Base64.getEncoder().encodeToString(("command=%2Faicost&text=llama+8b+" + m)
                .getBytes(StandardCharsets.UTF_8));
        List<String> events = new ArrayList<>(List.of(
            "{'model':{'id':'" + m + "'},'inference':{'requestsPerDay':1000}}",
            "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':'" + m + "'}}",
            "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1000},'" + m + "':1}",
            "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1000,'hourlyShape':['" + m + "']}}",
            "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':50000,'tiers':[{'name':'" + m
                    + "','share':1}]}}",
            "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1000,'accelerator':{'name':'" + m
                    + "','memoryGb':80,'bandwidthGBs':3000,'peakTflops':{'bf16':900}}}}",
            "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1000},'region':'" + m + "'}",
            "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1000,'hostedApi':'" + m + "'}}",
            "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1000},'format':'" + m + "'}",
            "{'text':'llama 8b 50k requests/day on l4 " + m + "'}",
            "{'text':'" + m + " 50k requests/day','format':'slack'}",
            "{'text':'llama 8b 50k requests/day " + m + "','format':'markdown'}",
            "{'rental':{'accelerator':'" + m + "','accelerators':8,'hours':24}}",
            "{'slack':{'bodyBase64':'" + slackBody + "','signatureBase64':'djA9" + "','timestampBase64':'MQ=='}}",
            "{'slack':{'body':'text=" + m + "','signature':'v0=" + m + "','timestamp':'" + m + "'}}",
            "{'slackDelayed':{'text':'" + m + "','responseUrl':'https://hooks.slack.com/" + m + "'}}",
            "{'model':{'id':'" + m + "'},'inference':{'requestsPerDay':1000},'format':'html'}",
            "{'model':{'id':'llama-3.1-8b','name':'" + m + "'},'inference':{'requestsPerDay':1000},'format':'html'}",
            "{'report':{'q':'" + m + "','exp':'1','sig':'" + m + "'}}",
            "{'report':{'qBase64':'" + Base64.getEncoder().encodeToString(m.getBytes(StandardCharsets.UTF_8))
                    + "','expBase64':'OTk5OTk5OTk5OQ==','sigBase64':'eA=='}}",
            "'" + m + "'"));
        events.replaceAll(e -> e.replace('\'', '"'));
        events.add("{\"model\": " + m + "}"); // a bare token: the JSON parser quotes it in its message
        events.add("{\"model\":{\"id\":\"" + m); // cut short inside a string
        events.add("{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{\"requestsPerDay\":1000,\"note\":\""
                + (m + " ").repeat(6000) + "\"}}"); // over the parser's 64 KB limit
        return events;
    }

    @Test
    void noValueACallerSentReachesTheFunctionLog() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target/log-hygiene"));
        List<String> args = new ArrayList<>(List.of("bash", "infra/local/invoke.sh", "--compact", "x", "--log",
                dir.resolve("function.log").toString()));
        List<String> events = events();
        for (int i = 0; i < events.size(); i++) {
            Path p = dir.resolve("event-" + i + ".json");
            Files.writeString(p, events.get(i));
            args.add(p.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(dir.resolve("answers.txt").toFile());
        pb.environment().put("SKIP_BUILD", "1"); // the verify run packaged target/function.zip just before
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("invoke.sh finished").isTrue();
        String answers = Files.readString(dir.resolve("answers.txt"));
        assertThat(p.exitValue()).as("no invocation was a function error:\n" + answers).isZero();
        List<String> lines = answers.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as(answers).hasSize(events.size());
        for (String answer : lines) {
            JSON.readTree(answer); // every answer is a JSON body (a report, a message or an error)
        }

        String log = Files.readString(dir.resolve("function.log"));
        assertThat(log).as("the function log").doesNotContainIgnoringCase(MARKER).doesNotContain("5ecr3t");
        List<String> logLines = log.lines().filter(l -> !l.isBlank()).toList();
        int invocations = 0;
        for (String line : logLines) {
            JsonNode parsed = JSON.readTree(line); // every line is one JSON object (LogFormat: JSON keeps it)
            assertThat(parsed.isObject()).as(line).isTrue();
            if ("invocation".equals(parsed.path("event").asText())) {
                invocations++;
                assertThat(parsed.path("requestId").asText()).as(line).startsWith("req-");
            }
        }
        assertThat(invocations).as("one line per invocation").isEqualTo(events.size());
    }
}
