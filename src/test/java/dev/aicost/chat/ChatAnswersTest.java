package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.api.Estimator;
import dev.aicost.report.CostReport;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Every chat answer starts with what was understood and shows what changes the decision. */
class ChatAnswersTest {
    static CostReport answer(String text) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("text", text);
        return Estimator.builtIn().estimate(request);
    }

    @Test
    void everyFormatStartsWithTheUnderstoodLine() {
        CostReport r = answer("how much would it cost to serve llama 3 70b at 1.2M req/day on h100s?");
        assertThat(r.understood()).startsWith("Llama 3.3 70B · 1.2M requests/day · 500 in / 250 out (default) · "
                + "h100-sxm · on-demand (default)");
        assertThat(MarkdownAnswer.text(r)).startsWith("**Understood:** Llama 3.3 70B · 1.2M requests/day");
        assertThat(SlackMessage.of(r).get("blocks").get(0).toString()).contains("*Understood:* Llama 3.3 70B");
    }

    @Test
    void aMissedLatencyTargetIsShownInline() {
        CostReport r = answer("llama 70b 20k req/day on h100, latency under 100ms");
        assertThat(r.inference().point().latencyTargetMet()).isFalse();
        assertThat(r.warnings()).anyMatch(w -> w.contains("latency target"));
        assertThat(MarkdownAnswer.text(r)).contains("> ⚠").contains("latency target");
        assertThat(SlackMessage.of(r).toString()).contains(":warning:").contains("latency target");
    }

    @Test
    void aStalePriceIsShownInline() {
        // azure-nd-mi300x-v5, the default MI300X offer, is priced from a page of 2024-09-01: over 12 months before
        // the catalog.
        CostReport r = answer("llama 3.1 8b 20k req/day on mi300x");
        assertThat(r.warnings()).anyMatch(w -> w.contains("more than 12 months before the catalog"));
        assertThat(MarkdownAnswer.text(r)).contains("> ⚠ Prices of offer 'azure-nd-mi300x-v5' date from 2024-09-01");
        assertThat(SlackMessage.of(r).toString()).contains(":warning: Prices of offer 'azure-nd-mi300x-v5' date from 2024-09-01");
    }

    @Test
    void ignoredWordsAreListedAndSavingsSayTheirPeriod() {
        CostReport r = answer("llama 8b 50k/day on l4, we have 5 engineers");
        assertThat(MarkdownAnswer.text(r)).contains("Ignored: 5 engineers").contains("over 24 months");
        assertThat(SlackMessage.of(r).toString()).contains("_Ignored:_ 5 engineers");
    }

    @Test
    void aComparisonIsOneTableWithTheCheapestMarked() {
        CostReport r = answer("llama 8b on l4 vs h100 vs a10g, 100k/day");
        assertThat(r.comparison()).hasSize(3);
        assertThat(r.comparison().stream().filter(c -> c.cheapest())).hasSize(1);
        double cheapest = r.comparison().stream().filter(c -> c.cheapest()).findFirst().orElseThrow().lifetimeTotalUsd();
        assertThat(r.comparison()).allMatch(c -> c.lifetimeTotalUsd() >= cheapest);
        assertThat(r.lifecycle().totalUsd()).isEqualTo(cheapest);
        assertThat(MarkdownAnswer.text(r)).contains("| Option | Per month").contains("**(cheapest)**");
        assertThat(SlackMessage.of(r).toString()).contains("*Compared*").contains("*cheapest*");
    }
}
