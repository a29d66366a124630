package dev.aicost.engine.advice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicost.engine.Fixtures;
import dev.aicost.reliability.Generated;
import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import dev.aicost.report.RequestPatch;
import dev.aicost.request.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static dev.aicost.engine.Fixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** requestPatch is the merge patch as Jackson writes it, character for character. */
class RequestPatchTest {

    @Test
    void everyLeverOfTheExamplesAndGeneratedRequestsReadsAsJacksonWritesIt() throws Exception {
        List<JsonNode> requests = new ArrayList<>();
        try (Stream<Path> events = Files.list(Path.of("infra/events"))) {
            for (Path p : events.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                requests.add(JSON.readTree(p.toFile()));
            }
        }
        for (long seed = 0; seed < 40; seed++) {
            requests.add(Generated.inference(seed));
            requests.add(Generated.both(seed));
        }
        int checked = 0;
        for (JsonNode request : requests) {
            CostReport r;
            try {
                r = Fixtures.estimate(request);
            } catch (InvalidRequestException e) {
                continue;
            }
            for (Optimization o : r.optimizations()) {
                if (o.requestMergePatch() != null) {
                    assertThat(o.requestPatch()).isEqualTo(JSON.writeValueAsString(o.requestMergePatch()));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void nestedValuesNumbersAndNulls() throws Exception {
        RequestPatch p = RequestPatch.of("inference", "peakToAverage", 1);
        p.object("inference").set("cacheHitRate", 0.35).set("flag", true).set("name", "tier \"a\"\n\\")
                .set("offer", null).object("routing").set("share", 0.5);
        assertThat(p.text()).isEqualTo("{\"inference\":{\"peakToAverage\":1,\"cacheHitRate\":0.35,\"flag\":true,"
                + "\"name\":\"tier \\\"a\\\"\\n\\\\\",\"offer\":null,\"routing\":{\"share\":0.5}}}");
        assertThat(p.text()).isEqualTo(JSON.writeValueAsString(p.json()));
        assertThat(new RequestPatch().text()).isEqualTo("{}");
        assertThatThrownBy(() -> p.set("x", 3L)).isInstanceOf(IllegalArgumentException.class);
    }
}
