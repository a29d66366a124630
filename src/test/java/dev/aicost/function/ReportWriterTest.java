package dev.aicost.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.aicost.engine.CostEngine;
import dev.aicost.report.CostReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written report serialiser writes exactly what Jackson's reflective one writes, byte for byte. */
class ReportWriterTest {
    static final ObjectMapper REFLECTIVE = new ObjectMapper();
    static final ObjectMapper HAND = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(CostReport.class, new TolerantJsonCustomizer.ReportSerializer()));

    static Stream<String> requests() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("infra/events"))) {
            Stream.Builder<String> all = Stream.builder();
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                all.add(Files.readString(p));
            }
            // Nulls and optional sections: routing, retraining, budget, no advice.
            all.add("{\"model\":{\"id\":\"llama-3.1-70b\"},\"training\":{\"kind\":\"lora\",\"retrainEveryMonths\":3},"
                    + "\"inference\":{\"requestsPerDay\":1e6,\"routing\":{\"share\":0.4,\"model\":{\"id\":\"llama-3.1-8b\"}}},"
                    + "\"monthlyBudgetUsd\":1000}");
            all.add("{\"model\":{\"parameters\":1e9},\"training\":{\"tokens\":1e9}}");
            return all.build();
        }
    }

    @ParameterizedTest
    @MethodSource("requests")
    void handWrittenEqualsReflective(String request) throws IOException {
        CostReport r = CostEngine.builtIn().estimate(REFLECTIVE.readTree(request));
        assertThat(HAND.writeValueAsString(r)).isEqualTo(REFLECTIVE.writeValueAsString(r));
        CostReport bare = CostEngine.builtIn().estimate(REFLECTIVE.readTree(request), CostEngine.Advice.NONE);
        assertThat(HAND.writeValueAsString(bare)).isEqualTo(REFLECTIVE.writeValueAsString(bare));
    }
}
