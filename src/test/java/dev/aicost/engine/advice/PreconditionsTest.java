package dev.aicost.engine.advice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every priced lever says what must hold for it to be bought as described. */
class PreconditionsTest {
    @Test
    void everyLeverOfTheStartupChatbotStatesItsPreconditions() throws Exception {
        CostReport r = Estimator.builtIn().estimate(new ObjectMapper().readTree(Files.readString(
                Path.of("infra/events/startup-chatbot.json"))));
        assertThat(r.optimizations()).isNotEmpty();
        for (Optimization o : r.optimizations()) {
            assertThat(o.preconditions()).as(o.lever()).contains(Lever.REFITS);
        }
        // The stock-weight API fails its precondition here (the plan trains a LoRA) and says so.
        Optimization api = r.optimizations().stream().filter(o -> o.lever().equals("hosted-api")).findFirst()
                .orElseThrow();
        assertThat(api.applicable()).isFalse();
        assertThat(api.preconditions().get(0)).contains("trains no weights of its own");
        assertThat(api.notApplicableReason()).contains("not the lora model this plan trains");
        Optimization spot = r.optimizations().stream().filter(o -> o.lever().equals("spot-training")).findFirst()
                .orElseThrow();
        assertThat(spot.preconditions().get(0)).contains("at most 4 instances");
    }
}
