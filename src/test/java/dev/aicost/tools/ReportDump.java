package dev.aicost.tools;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.api.Estimator;
import dev.aicost.chat.MarkdownAnswer;
import dev.aicost.chat.SlackMessage;
import dev.aicost.reliability.Generated;
import dev.aicost.report.CostReport;
import dev.aicost.report.ReportWriter;
import dev.aicost.request.InvalidRequestException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * Writes the reports of every bundled example and of a few hundred generated requests (JSON,
 * Markdown and Slack answers, or the refusal) into one file, so that a refactoring can be shown to
 * leave behaviour unchanged: dump before, dump after, compare the files byte for byte.
 *
 * <pre>./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.aicost.tools.ReportDump target/dump.txt</pre>
 */
public final class ReportDump {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEEDS = 120;

    private ReportDump() {
    }

    public static void main(String[] args) throws IOException {
        Estimator engine = Estimator.builtIn();
        StringBuilder out = new StringBuilder();
        try (Stream<Path> events = Files.list(Path.of("infra/events"))) {
            for (Path p : events.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                dump(out, p.getFileName().toString(), JSON.readTree(p.toFile()), engine);
            }
        }
        generated(out, "training", Generated::training, engine);
        generated(out, "inference", Generated::inference, engine);
        generated(out, "both", Generated::both, engine);
        generated(out, "uncertain", Generated::uncertain, engine);
        Files.writeString(Path.of(args.length > 0 ? args[0] : "target/dump.txt"), out.toString());
    }

    private static void generated(StringBuilder out, String name, LongFunction<ObjectNode> gen, Estimator engine)
            throws IOException {
        for (long seed = 1; seed <= SEEDS; seed++) {
            dump(out, name + " " + seed, gen.apply(seed), engine);
        }
    }

    private static void dump(StringBuilder out, String name, JsonNode request, Estimator engine) throws IOException {
        out.append("=== ").append(name).append('\n');
        CostReport report;
        try {
            report = engine.estimate(request);
        } catch (InvalidRequestException e) {
            out.append("refused ").append(e).append('\n');
            return;
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            ReportWriter.write(report, g);
        }
        out.append(w).append('\n');
        out.append(MarkdownAnswer.of(report)).append('\n');
        out.append(SlackMessage.of(report)).append('\n');
    }
}
