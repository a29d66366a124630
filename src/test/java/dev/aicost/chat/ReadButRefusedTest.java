package dev.aicost.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aicost.api.Estimator;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

/**
 * A message read without doubt that the engine cannot estimate as asked (hardware nobody in the catalog
 * rents, a model too large for the accelerator named) is answered with what was understood first, then
 * why it cannot be estimated: not "I could not read that", which would send the person rephrasing words
 * that were read correctly.
 */
class ReadButRefusedTest {
    static final Estimator ESTIMATOR = Estimator.builtIn();

    static InvalidRequestException refusal(String text) {
        return catchThrowableOfType(() -> ESTIMATOR.estimate(JsonNodeFactory.instance.objectNode().put("text", text)),
                InvalidRequestException.class);
    }

    @Test
    void hardwareNoProviderRentsIsUnderstoodAndThenRefused() {
        InvalidRequestException e = refusal("what does it cost to serve llama 70b on trn2 at 100k requests a day?");
        // What was said, and what was assumed in reading it; no engine default, since no estimate was made.
        assertThat(e.understood()).isEqualTo("Llama 3.3 70B · 100k requests/day · trainium2 ('llama 70b' read as "
                + "Llama 3.3 70B, the newest catalog release of that size)");
        String markdown = MarkdownAnswer.error(e).get("markdown").asText();
        assertThat(markdown).startsWith("**Understood:** " + e.understood() + "\n")
                .contains("**I could not estimate that:**")
                .contains("trainium2: no provider in the catalog lists a rental price for it")
                .doesNotContain("could not read");
        assertThat(SlackMessage.error(e).get("text").asText()).startsWith("*Understood:* Llama 3.3 70B · 100k "
                + "requests/day · trainium2 (").contains("I could not estimate that:");
        assertThat(e.toJson().get("understood").asText()).isEqualTo(e.understood());
    }

    @Test
    void aTrainingRunOnHardwareNoProviderRentsSaysWhatWasReadToo() {
        InvalidRequestException e = refusal("train llama 70b from scratch on 8 gaudi 3, 1T tokens");
        assertThat(e.understood()).startsWith("Llama 3.3 70B · pretraining of 1T tokens on 8 × gaudi3 (");
        assertThat(e.problems()).anyMatch(p -> p.path().equals("training.pricingMode"));
    }

    @Test
    void aModelTooLargeForTheAcceleratorNamedIsUnderstoodAndThenRefused() {
        InvalidRequestException e = refusal("llama 405b 10k/day on one l4");
        assertThat(e.understood()).startsWith("Llama 3.1 405B · 10k requests/day · ").contains("l4");
        assertThat(MarkdownAnswer.error(e).get("markdown").asText()).startsWith("**Understood:** Llama 3.1 405B")
                .contains("do not fit in 1 × l4");
    }

    @Test
    void aMessageThatCannotBeReadStillSaysSoAndClaimsNoUnderstanding() {
        InvalidRequestException e = refusal("llama 8b mistral 7b 50k/day");
        assertThat(e.understood()).isNull();
        assertThat(MarkdownAnswer.error(e).get("markdown").asText()).startsWith("**I could not read that request:**");
        assertThat(e.toJson().has("understood")).isFalse();
    }

    @Test
    void aJsonRequestTheEngineRefusesCarriesNoUnderstoodLine() {
        InvalidRequestException e = catchThrowableOfType(() -> ESTIMATOR.estimate(new com.fasterxml.jackson.databind
                .ObjectMapper().createObjectNode().set("inference", JsonNodeFactory.instance.objectNode()
                        .put("requestsPerDay", 1000).put("accelerator", "gaudi3"))), InvalidRequestException.class);
        assertThat(e.understood()).isNull();
        assertThat(e.toJson().has("understood")).isFalse();
    }
}
