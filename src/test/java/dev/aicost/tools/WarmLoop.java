package dev.aicost.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine's share of a warm call, in process: every bundled example estimated and written, in
 * turn, for a number of rounds after a warm-up; prints the mean and median microseconds per report.
 * Run it with Lambda's JVM flags to compare two builds (the in-process counterpart of
 * infra/local/bench-coldstart.sh, without the runtime client's share):
 *
 * <pre>java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.aicost.tools.WarmLoop 3000 4000</pre>
 */
public final class WarmLoop {
    private WarmLoop() {
    }

    public static void main(String[] args) throws IOException {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("infra/events"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                events.add(json.readTree(p.toFile()));
            }
        }
        Estimator estimator = Estimator.builtIn();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        long[] micros = new long[measured];
        for (int i = 0; i < warm + measured; i++) {
            JsonNode event = events.get(i % events.size());
            long t0 = System.nanoTime();
            out.reset();
            try (var g = json.getFactory().createGenerator(out)) {
                ReportWriter.write(estimator.estimate(event), g);
            }
            long t = System.nanoTime() - t0;
            if (i >= warm) {
                micros[i - warm] = t / 1000;
            }
        }
        Arrays.sort(micros);
        System.out.printf("reports: %d, mean %.0f µs, median %d µs, p90 %d µs%n", measured,
                Arrays.stream(micros).average().orElse(0), micros[measured / 2], micros[measured * 9 / 10]);
    }
}
