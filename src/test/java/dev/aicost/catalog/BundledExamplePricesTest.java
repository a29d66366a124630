package dev.aicost.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.engine.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No price a bundled example bills or recommends is more than 12 months older than the catalog: every
 * offer, serverless offer and hosted API its report names (the fleet's, the run's, a rental's and the
 * ones it was compared with, and those its levers would switch to) is dated within a year of the
 * catalog's {@code @asOf}. An example that newcomers run first should not quote a stale price.
 */
class BundledExamplePricesTest {
    static final Catalog CATALOG = Catalog.builtIn();

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("infra/events"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyPriceAnExampleUsesIsWithinTwelveMonthsOfTheCatalog(Path example) throws IOException {
        JsonNode report = Fixtures.JSON.valueToTree(Fixtures.estimate(Fixtures.JSON.readTree(example.toFile())));
        Map<String, LocalDate> used = new TreeMap<>();
        collect(report, used);
        assertThat(used).as("prices named by %s", example).isNotEmpty();
        LocalDate oldest = CATALOG.asOf().minusMonths(12);
        used.forEach((id, date) -> assertThat(date).as("%s in %s", id, example).isAfterOrEqualTo(oldest));
        assertThat(report.path("warnings").toString()).doesNotContain("more than 12 months");
    }

    /** Every catalog price row the report names, by id, with its date. */
    private static void collect(JsonNode node, Map<String, LocalDate> used) {
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isTextual() && (e.getKey().equals("offer") || e.getKey().equals("hostedApi"))) {
                used.put(v.asText(), dateOf(v.asText()));
            }
            collect(v, used);
        });
        if (node.isArray()) {
            node.forEach(item -> collect(item, used));
        }
    }

    private static LocalDate dateOf(String id) {
        return CATALOG.offer(id).map(o -> o.source().date())
                .or(() -> CATALOG.serverlessAccelerators().stream()
                        .flatMap(a -> CATALOG.serverlessOffersFor(a).stream())
                        .filter(s -> s.id().equals(id)).findFirst().map(s -> s.source().date()))
                .or(() -> CATALOG.hostedApis().stream().filter(h -> h.id().equals(id)).findFirst()
                        .map(h -> h.source().date()))
                .orElseThrow(() -> new AssertionError("no catalog row " + id));
    }
}
