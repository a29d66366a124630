package dev.aicost.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds table is what the reader enforces and what docs/request.md documents. */
class BoundTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RequestReader READER = new RequestReader(Catalog.builtIn());

    /** The documented table, rendered from {@link Bound}. */
    static String table() {
        return "| Field | Allowed |\n|---|---|\n" + Stream.of(Bound.values())
                .map(b -> "| `" + (b.section().isEmpty() ? "" : b.section() + ".") + b.field() + "` | " + b.allowed()
                        + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void theDocumentedTableIsTheBoundsTable() throws IOException {
        String readme = Files.readString(Path.of("docs/request.md"));
        String start = "<!-- bounds: generated from dev.aicost.request.Bound by BoundTest -->\n";
        String end = "<!-- /bounds -->";
        assertThat(readme).contains(start).contains(end);
        String documented = readme.substring(readme.indexOf(start) + start.length(), readme.indexOf(end));
        if (!documented.equals(table())) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/bounds-table.md"), table());
        }
        assertThat(documented).as("docs/request.md bounds table (expected text in target/bounds-table.md)").isEqualTo(table());
    }

    @ParameterizedTest
    @EnumSource(Bound.class)
    void theReaderRefusesAValueJustOutsideEachBoundAndQuotesIt(Bound b) throws IOException {
        ObjectNode req = (ObjectNode) JSON.readTree("{\"model\":{\"id\":\"llama-3.1-8b\"},\"training\":{"
                + "\"accelerator\":{\"id\":\"h100-sxm\"}},\"inference\":{\"requestsPerDay\":1000,\"routing\":{"
                + "\"share\":0.5,\"model\":{\"id\":\"llama-3.2-3b\"}}}}");
        double bad = b.whole() ? Math.floor(b.max()) + 1 : b.max() * 10 + 1;
        String path = switch (b.section()) {
            case "training, inference" -> "training";
            case "inference (and routing)" -> "inference";
            case "accelerator" -> "training.accelerator";
            default -> b.section();
        };
        ObjectNode at = path.isEmpty() ? req : req.withObjectProperty(path.split("\\.")[0]);
        for (String part : path.isEmpty() ? new String[0] : path.substring(path.indexOf('.') + 1).split("\\.")) {
            if (path.contains(".")) {
                at = at.withObjectProperty(part);
            }
        }
        String field = b.field();
        if (b.section().equals("inference.tiers[]")) { // one tier, with the bad value in its field
            ((ObjectNode) req.get("inference")).remove("routing");
            ((ObjectNode) req.get("inference")).putArray("tiers").addObject().put("name", "all").put(field, bad);
            path = "inference.tiers[0]";
        } else if (b.section().equals("actuals.months[]")) { // one billed month, with the bad value in its field
            ObjectNode month = req.putObject("actuals").putArray("months").addObject();
            month.put("month", 1).put("trainingUsd", 0).put("inferenceUsd", 0).put(field, bad);
            path = "actuals.months[0]";
        } else if (b == Bound.PEAK_TFLOPS) {
            at.putObject("peakTflops").put("bf16", bad);
            field = "peakTflops.bf16";
        } else if (b == Bound.HOURLY_SHAPE) {
            var shape = at.putArray("hourlyShape");
            for (int h = 0; h < 24; h++) {
                shape.add(h == 0 ? bad : 1.0);
            }
            field = "hourlyShape[0]";
        } else {
            at.put(field, bad);
        }
        if (b.section().equals("training.engineering")) {
            for (String other : new String[] {"people", "months", "monthlyCostUsd"}) {
                if (!other.equals(field)) {
                    at.put(other, 1);
                }
            }
        }
        String fullPath = (path.isEmpty() ? "" : path + ".") + field;
        if (b.section().equals("rental")) { // a rental quote is a request of its own
            ObjectNode rental = (ObjectNode) JSON.readTree("{\"rental\":{\"accelerator\":\"h100-sxm\","
                    + "\"accelerators\":8,\"hours\":10}}");
            ((ObjectNode) rental.get("rental")).put(field, bad);
            assertThatThrownBy(() -> READER.rental(rental)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.problems().stream().filter(q -> q.path().equals(fullPath)).findFirst()
                            .orElseThrow().allowed()).isEqualTo(b.allowed()));
            return;
        }
        assertThatThrownBy(() -> READER.read(req)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> {
                    Problem p = ((InvalidRequestException) e).problems().stream()
                            .filter(q -> q.path().equals(fullPath)).findFirst().orElseThrow();
                    if (b != Bound.HOURLY_SHAPE) { // an array element quotes its range in the problem itself
                        assertThat(p.allowed()).isEqualTo(b.allowed());
                    }
                });
    }

    @Test
    void everyBoundIsOrderedAndPositiveFiguresHaveTheFloor() {
        for (Bound b : Bound.values()) {
            assertThat(b.min()).as(b.name()).isLessThan(b.max());
            if (b.whole()) {
                assertThat(b.min()).isEqualTo(Math.rint(b.min()));
                assertThat(b.max()).isEqualTo(Math.rint(b.max()));
            }
        }
        assertThat(Bound.MEMORY_GB.min()).isEqualTo(Limits.MIN_POSITIVE);
    }

    /** A share of 5e-324 … 2.3e-308 once made money non-finite (a 500): it is refused at its field now. */
    @Test
    void aDenormalShareIsRefusedNotAnInternalError() throws IOException {
        for (String share : new String[] {"5e-324", "2.3e-308", "1e-9"}) {
            ObjectNode routed = (ObjectNode) JSON.readTree("{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{"
                    + "\"requestsPerDay\":1000,\"routing\":{\"share\":" + share + ",\"model\":{\"id\":\"llama-3.2-3b\"}}}}");
            assertThatThrownBy(() -> READER.read(routed)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.problems().get(0).path()).isEqualTo("inference.routing.share"));
            ObjectNode tiers = (ObjectNode) JSON.readTree("{\"model\":{\"id\":\"llama-3.1-8b\"},\"inference\":{"
                    + "\"requestsPerDay\":1000,\"tiers\":[{\"name\":\"a\",\"share\":" + share + "},{\"name\":\"b\","
                    + "\"share\":1}]}}");
            assertThatThrownBy(() -> READER.read(tiers)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.problems()).anyMatch(p -> p.path().equals("inference.tiers[0].share")));
        }
    }
}
