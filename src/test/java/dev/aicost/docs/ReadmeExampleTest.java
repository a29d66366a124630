package dev.aicost.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's worked example is what the engine answers today: every line of its summary, as quoted. */
class ReadmeExampleTest {
    @Test
    void theQuotedSummaryIsTheStartupChatbotsSummary() throws Exception {
        CostReport r = Estimator.builtIn().estimate(new ObjectMapper().readTree(Files.readString(
                Path.of("infra/events/startup-chatbot.json"))));
        String readme = Files.readString(Path.of("README.md"));
        for (String line : r.summary().split("\n")) {
            if (!line.isBlank()) {
                assertThat(readme).as("README quotes the summary line").contains("> " + line);
            }
        }
    }
}
