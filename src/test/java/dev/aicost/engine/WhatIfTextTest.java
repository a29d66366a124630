package dev.aicost.engine;

import static dev.aicost.engine.Fixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.reliability.Generated;
import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import dev.aicost.request.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** requestPatch is the merge patch as Jackson writes it, character for character. */
class WhatIfTextTest {

    @Test
    void everyLeverOfTheExamplesAndGeneratedRequestsReadsAsJacksonWritesIt() throws Exception {
        List<JsonNode> requests = new ArrayList<>();
        try (Stream<Path> events = Files.list(Path.of("infra/events"))) {
            for (Path p : events.sorted().toList()) {
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
    void nestedValuesNumbersAndEscapes() throws Exception {
        ObjectNode p = JSON.createObjectNode();
        ObjectNode i = p.putObject("inference").put("peakToAverage", 1).put("cacheHitRate", 0.35).put("big", 2.5e21)
                .put("flag", true).put("name", "tier \"a\"\n\\").putNull("offer");
        i.putArray("tiers").add(JSON.createObjectNode().put("share", 0.5)).add(3L).add("x");
        assertThat(WhatIf.text(p)).isEqualTo(JSON.writeValueAsString(p));
        assertThat(WhatIf.text(JSON.createObjectNode())).isEqualTo("{}");
    }
}
