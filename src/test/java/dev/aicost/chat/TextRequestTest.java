package dev.aicost.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.api.Estimator;
import dev.aicost.catalog.Catalog;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.Problem;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** The chat grammar, as tables of phrasings: what each means, and what each wrong one says. */
class TextRequestTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final TextRequest GRAMMAR = new TextRequest(Catalog.builtIn());

    /** A phrasing and the structured request it must mean (single quotes for readability). */
    static Stream<Arguments> phrasings() {
        return Stream.of(
                Arguments.of("llama-3.1-8b 50k requests/day",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':50000.0}}"),
                Arguments.of("llama-3.1-8b 20k-80k requests/day",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':{'low':20000.0,'high':80000.0}}}"),
                Arguments.of("llama-3.1-8b 1M to 3M requests per month",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':{'low':32876.71232876712,"
                                + "'high':98630.13698630137}}}"),
                Arguments.of("llama-3.1-8b 2M req/day on l4",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2000000.0,'accelerator':'l4'}}"),
                Arguments.of("llama-3.1-8b, 100 requests per second",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':8640000.0}}"),
                Arguments.of("llama-3.1-8b 3M requests per month",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':98630.13698630137}}"),
                Arguments.of("llama-3.1-8b 1,200 requests a day",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1200.0}}"),
                Arguments.of("llama-3.1-8b 10 queries/s",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':864000.0}}"),
                Arguments.of("llama-3.1-8b 5k calls daily",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':5000.0}}"),
                Arguments.of("llama-3.3-70b 50k requests/day 1200 input tokens 300 output tokens",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,'inputTokens':1200,"
                                + "'outputTokens':300}}"),
                Arguments.of("llama-3.3-70b 50k requests/day 500 in / 200 out",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,'inputTokens':500,"
                                + "'outputTokens':200}}"),
                Arguments.of("llama-3.3-70b: 50k requests/day on h100 fp8",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,"
                                + "'accelerator':'h100-sxm','precision':'fp8'}}"),
                Arguments.of("llama-3.3-70b 50k requests/day on 2 h100",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,"
                                + "'accelerator':'h100-sxm','tensorParallel':2}}"),
                Arguments.of("llama-3.3-70b 50k requests/day ttft 1s tpot 50ms",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,"
                                + "'latencyTargetMs':{'ttftMs':1000.0,'tpotMs':50.0}}}"),
                Arguments.of("llama-3.3-70b 50k requests/day e2e 5s ttft 500 ms",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,"
                                + "'latencyTargetMs':{'e2eMs':5000.0,'ttftMs':500.0}}}"),
                Arguments.of("llama-3.3-70b 50k requests/day with 30% cache hits",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,'cacheHitRate':0.3}}"),
                Arguments.of("llama-3.3-70b 50k requests/day growth 5%/month",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,'monthlyGrowth':0.05}}"),
                Arguments.of("llama-3.3-70b 50k requests/day 10%/month growth",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,'monthlyGrowth':0.1}}"),
                Arguments.of("llama-3.3-70b 50k requests/day growing 3% per month",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,'monthlyGrowth':0.03}}"),
                Arguments.of("llama-3.3-70b 50k requests/day for 36 months",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0},'horizonMonths':36}"),
                Arguments.of("llama-3.3-70b 50k requests/day over 3 years",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0},'horizonMonths':36}"),
                Arguments.of("llama-3.3-70b 50k requests/day commit-1y",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,'pricingMode':'commit-1y'}}"),
                Arguments.of("llama-3.3-70b 50k requests/day budget $20k/month",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0},'monthlyBudgetUsd':20000.0}"),
                Arguments.of("llama-3.3-70b 50k requests/day $15k/month budget",
                        "{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0},'monthlyBudgetUsd':15000.0}"),
                Arguments.of("train llama-3.1-8b 15T tokens on 1024 h100-sxm",
                        "{'training':{'kind':'pretraining','tokens':1.5E13,'accelerator':'h100-sxm','accelerators':1024},"
                                + "'model':{'id':'llama-3.1-8b'}}"),
                Arguments.of("pretrain llama-3.1-70b on 8x h100 with 300B tokens bf16",
                        "{'training':{'kind':'pretraining','accelerator':'h100-sxm','accelerators':8,'tokens':3.0E11,"
                                + "'precision':'bf16'},'model':{'id':'llama-3.1-70b'}}"),
                Arguments.of("fine-tune llama-3.1-8b 300M tokens on 8 a100",
                        "{'training':{'kind':'full-finetune','tokens':3.0E8,'accelerator':'a100-80gb','accelerators':8},"
                                + "'model':{'id':'llama-3.1-8b'}}"),
                Arguments.of("lora llama-3.3-70b 200M tokens on 8 h100 spot",
                        "{'training':{'kind':'lora','tokens':2.0E8,'accelerator':'h100-sxm','accelerators':8,"
                                + "'pricingMode':'spot'},'model':{'id':'llama-3.3-70b'}}"),
                Arguments.of("lora llama-3.3-70b 200M tokens on 8 h100 then serve 50k requests/day on h100 fp8",
                        "{'training':{'kind':'lora','tokens':2.0E8,'accelerator':'h100-sxm','accelerators':8},"
                                + "'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000.0,"
                                + "'accelerator':'h100-sxm','precision':'fp8'}}"),
                Arguments.of("train llama-3.1-8b 1T tokens on 64 b200 fp8 owned",
                        "{'training':{'kind':'pretraining','tokens':1.0E12,'accelerator':'b200','accelerators':64,"
                                + "'precision':'fp8','pricingMode':'owned'},'model':{'id':'llama-3.1-8b'}}"),
                Arguments.of("train llama-3.1-8b 1T tokens on 256 v6e",
                        "{'training':{'kind':'pretraining','tokens':1.0E12,'accelerator':'tpu-v6e','accelerators':256},"
                                + "'model':{'id':'llama-3.1-8b'}}"),
                Arguments.of("LLAMA-3.1-8B 50K Requests/Day On L4 INT4",
                        "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':50000.0,'accelerator':'l4',"
                                + "'precision':'int4'}}"),
                Arguments.of("mixtral-8x7b 1M requests/day on 8xh100",
                        "{'model':{'id':'mixtral-8x7b'},'inference':{'requestsPerDay':1000000.0,'accelerator':'h100-sxm',"
                                + "'tensorParallel':8}}"),
                Arguments.of("llama-3.1-70b on b200 fp4 at 1M requests/day",
                        "{'model':{'id':'llama-3.1-70b'},'inference':{'accelerator':'b200','precision':'fp4',"
                                + "'requestsPerDay':1000000.0}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void aPhrasingMeansItsStructuredRequest(String text, String expected) throws Exception {
        JsonNode want = JSON.readTree(expected.replace('\'', '"'));
        assertThat(GRAMMAR.parse(text)).isEqualTo(want);
    }

    /** A message that cannot be read without guessing, and what its first problem (at path 'text') says. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("50k requests/day on l4", "names no model", "llama-3.1-8b"),
                Arguments.of("llama-3.1-8b on l4", "says neither how much traffic to serve nor what to train", "requests/day"),
                Arguments.of("llama-3.1-8b, and the", "says neither how much traffic", "requests/day"),
                Arguments.of("llama-3.1-8b 50k requests", "'50k requests': per day, month or second?", "50k requests/day"),
                Arguments.of("", "names no model and nothing to estimate", "llama-3.1-8b"),
                Arguments.of("llama-3.1-8b 80k-20k requests/day", "runs downwards", "the low end first"),
                Arguments.of("train llama-3.1-8b on 8 h100 then serve on l4", "says to serve but not how much traffic",
                        "requests/day"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aWrongPhrasingSaysWhatAndWhere(String text, String problem, String allowedOrSuggested) {
        assertThatThrownBy(() -> GRAMMAR.parse(text)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            Problem p = e.problems().get(0);
            assertThat(p.path()).isEqualTo("text");
            assertThat(p.problem()).contains(problem);
            assertThat(p.problem() + " " + p.allowed()).contains(allowedOrSuggested);
        });
    }

    /** A keyword whose value is missing or a word with a number that fits nowhere: listed, never dropped. */
    static Stream<Arguments> halfSaid() {
        return Stream.of(
                Arguments.of("llama-3.1-8b 50k requests/day ttft soon", "ttft"),
                Arguments.of("llama-3.1-8b 50k requests/day budget lots", "budget"),
                Arguments.of("llama-3.1-8b 50k requests/day growth fast", "growth"),
                Arguments.of("llama-3.1-8b 50k requests/day 30%", "30%"),
                Arguments.of("llama-3.1-8b 50k requests/day on h1000", "h1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("halfSaid")
    void aHalfSaidThingIsListedAsIgnored(String text, String ignored) {
        Reading r = GRAMMAR.read(text);
        assertThat(r.understood()).isTrue();
        assertThat(r.ignored()).containsExactly(ignored);
    }

    @Test
    void theTextAndItsStructuredRequestGiveTheSameReport() throws Exception {
        Estimator engine = Estimator.builtIn();
        String text = "lora llama-3.3-70b 200M tokens on 8 h100 then serve 50k requests/day 1200 in / 300 out "
                + "on h100 fp8 ttft 1s tpot 50ms growth 10%/month for 24 months budget $30k/month";
        ObjectNode asText = JSON.createObjectNode().put("text", text);
        CostReport fromText = engine.estimate(asText);
        JsonNode understood = fromText.request();
        assertThat(understood.at("/inference/latencyTargetMs/ttftMs").asDouble()).isEqualTo(1000);
        CostReport structured = engine.estimate(understood);
        assertThat(structured.request()).isNull();
        assertThat(fromText.understood()).startsWith("Llama 3.3 70B · LoRA fine-tune of 200M tokens on 8 × h100-sxm");
        assertThat(fromText.withRequest(null).withReading(null, null, null)).isEqualTo(structured);
    }

    @Test
    void textIsNeverMixedWithStructuredSectionsAndHasALengthLimit() throws Exception {
        Estimator engine = Estimator.builtIn();
        assertThatThrownBy(() -> engine.estimate(JSON.readTree(
                "{\"text\":\"llama-3.1-8b 50k requests/day\",\"inference\":{\"requestsPerDay\":1}}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).path())
                        .isEqualTo("inference"));
        assertThatThrownBy(() -> engine.estimate(JSON.readTree("{\"text\":42}")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> engine.estimate(JSON.createObjectNode().put("text", "x ".repeat(600))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("longer than");
    }
}
