package dev.aicost.bench;

import dev.aicost.catalog.Catalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Parsing and validating the bundled catalog: what the first request pays for on the JVM (cold path). */
public class CatalogBenchmark {

    @Benchmark
    @BenchmarkMode({Mode.SingleShotTime, Mode.AverageTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Catalog parse() {
        return Catalog.loadBundled();
    }
}
