package dev.aicost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.engine.CostEngine;
import dev.aicost.report.CostReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full report for each bundled example: without advice, with every lever but the catalog search,
 * and everything the function returns (levers including the search of every catalog accelerator).
 * Run: ./mvnw -Pbench test-compile exec:exec   (README, "Performance").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {
    @Param({"startup-chatbot", "enterprise-assistant", "pretraining-lab", "finetune-and-serve", "vision-classifier"})
    public String example;

    private JsonNode request;
    private final Estimator engine = Estimator.builtIn();

    @Setup
    public void load() throws IOException {
        request = new ObjectMapper().readTree(Path.of("infra/events", example + ".json").toFile());
    }

    @Benchmark
    public CostReport reportOnly() {
        return engine.estimate(request, CostEngine.Advice.NONE);
    }

    @Benchmark
    public CostReport withoutCatalogSearch() {
        return engine.estimate(request, CostEngine.Advice.WITHOUT_CATALOG_SEARCH);
    }

    @Benchmark
    public CostReport full() {
        return engine.estimate(request, CostEngine.Advice.FULL);
    }
}
