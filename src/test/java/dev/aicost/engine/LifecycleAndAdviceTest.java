package dev.aicost.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.estimate.Phase;
import dev.aicost.report.CostReport;
import dev.aicost.report.LifecycleReport.Month;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.Optimization;
import dev.aicost.request.AcceleratorInput;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.RequestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static dev.aicost.engine.Fixtures.estimate;
import static dev.aicost.engine.Fixtures.json;
import static dev.aicost.engine.Fixtures.mergePatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


class LifecycleAndAdviceTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("infra/events"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static ObjectNode read(Path p) {
        try {
            return (ObjectNode) Fixtures.JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void monthsSumToTheTotalsAndBreakEvenAndBudgetAgreeWithTheTable(Path example) {
        CostReport r = estimate(read(example));
        LifecycleReport l = r.lifecycle();
        double training = 0;
        double inference = 0;
        Integer breakEven = null;
        Integer overBudget = null;
        for (Month m : l.months()) {
            training += m.trainingUsd();
            inference += m.inferenceUsd();
            assertThat(m.totalUsd()).isEqualTo(m.trainingUsd() + m.inferenceUsd(), within(0.011));
            assertThat(m.cumulativeTrainingUsd()).isEqualTo(training, within(0.011 * m.month()));
            assertThat(m.cumulativeInferenceUsd()).isEqualTo(inference, within(0.011 * m.month()));
            if (breakEven == null && r.training() != null && r.inference() != null
                    && m.cumulativeInferenceUsd() >= m.cumulativeTrainingUsd()) {
                breakEven = m.month();
            }
            if (overBudget == null && l.monthlyBudgetUsd() != null && m.totalUsd() > l.monthlyBudgetUsd()) {
                overBudget = m.month();
            }
        }
        assertThat(l.trainingUsd()).isEqualTo(training, within(0.5));
        assertThat(l.inferenceUsd()).isEqualTo(inference, within(0.5));
        assertThat(l.totalUsd()).isEqualTo(training + inference, within(0.5));
        assertThat(l.inferenceShare()).isEqualTo(l.totalUsd() > 0 ? inference / l.totalUsd() : 0, within(1e-3));
        assertThat(l.breakEvenMonth()).isEqualTo(breakEven);
        assertThat(l.budgetExceededMonth()).isEqualTo(overBudget);
    }

    @Test
    void breakEvenComesLaterWhenTrainingIsExpensive() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e13,'accelerators':512},"
                + "'inference':{'requestsPerDay':3e7,'latencyTargetMs':{'tpotMs':50}},'horizonMonths':60}");
        LifecycleReport l = r.lifecycle();
        assertThat(l.breakEvenMonth()).isNotNull().isGreaterThan(2);
        Month at = l.months().get(l.breakEvenMonth() - 1);
        Month before = l.months().get(l.breakEvenMonth() - 2);
        assertThat(at.cumulativeInferenceUsd()).isGreaterThanOrEqualTo(at.cumulativeTrainingUsd());
        assertThat(before.cumulativeInferenceUsd()).isLessThan(before.cumulativeTrainingUsd());
        CostReport never = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e13,'accelerators':512},"
                + "'inference':{'requestsPerDay':1e3},'horizonMonths':6}");
        assertThat(never.lifecycle().breakEvenMonth()).isNull();
    }

    @Test
    void retrainingGrowthAndPriceDeclineShapeTheMonths() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'kind':'lora','tokens':1e9,"
                + "'retrainEveryMonths':3},'inference':{'requestsPerDay':1e8,'monthlyGrowth':0.05},"
                + "'horizonMonths':12,'priceDeclinePerYear':0.2}");
        List<Month> m = r.lifecycle().months();
        assertThat(m.get(0).trainingUsd()).isPositive();
        assertThat(m.get(1).trainingUsd()).isZero();
        assertThat(m.get(3).trainingUsd()).isPositive(); // month 4 = 1 + 3
        assertThat(m.get(6).trainingUsd()).isPositive().isLessThan(m.get(3).trainingUsd()); // cheaper a year on
        assertThat(m.get(11).requestsPerDay()).isEqualTo(1e8 * Math.pow(1.05, 11), within(1e5));
        assertThat(m.get(11).inferenceUsd()).isGreaterThan(m.get(0).inferenceUsd());
    }

    @Test
    void scaleShowsTenAndHundredTimesTraffic() {
        // On single-GPU instances, so that 10× the traffic is not absorbed by an 8-GPU instance's idle GPUs.
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e6,"
                + "'offer':'market-h100-sxm'}}");
        var s = r.lifecycle().scale();
        assertThat(s.currentMonthlyUsd()).isEqualTo(r.inference().cost().monthlyCostUsd());
        assertThat(s.x10MonthlyUsd()).isGreaterThan(s.currentMonthlyUsd());
        assertThat(s.x100MonthlyUsd()).isGreaterThan(s.x10MonthlyUsd() * 5);
    }

    @Test
    void horizonIsAtMost120Months() {
        assertThat(estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e3},'horizonMonths':120}")
                .lifecycle().months()).hasSize(120);
    }

    // --- Levers.

    @ParameterizedTest
    @MethodSource("examples")
    void eachLeverSavesExactlyTheDifferenceBetweenTheTwoEngineRuns(Path example) {
        ObjectNode sent = read(example);
        CostReport base = estimate(sent);
        // A plain-text example is refined through the structured request it was read as.
        ObjectNode request = base.request() != null ? (ObjectNode) base.request() : sent;
        assertThat(base.optimizations()).isNotEmpty();
        for (Optimization o : base.optimizations()) {
            assertThat(o.savingsUsd()).isNotNegative();
            if (!o.applicable()) {
                assertThat(o.notApplicableReason()).isNotBlank();
                assertThat(o.savingsUsd()).isZero();
                continue;
            }
            // Re-sent as JSON (as a caller would), the patch must give what the engine's typed change gave.
            assertThat(o.requestMergePatch()).isEqualTo(json(o.requestPatch()));
            CostReport after = estimate(mergePatch(request, o.requestMergePatch()));
            assertThat(o.savingsUsd()).as(example + " " + o.lever())
                    .isEqualTo(base.lifecycle().totalUsd() - after.lifecycle().totalUsd(), within(0.011));
            double phase = o.phase().equals("TRAINING") ? base.lifecycle().trainingUsd() : base.lifecycle().inferenceUsd();
            assertThat(o.savingsPercent()).isEqualTo(o.savingsUsd() / phase * 100, within(0.01 + o.savingsPercent() * 1e-3));
            assertThat(o.tradeOff()).isNotBlank();
            // A reference price (DeepSeek's H800 assumption) is not an offer anyone can take.
            assertThat(o.change()).doesNotEndWith("→ h800");
        }
        if (base.bestPlan() != null) {
            assertThat(base.bestPlan().totalUsd()).isLessThan(base.lifecycle().totalUsd());
            assertThat(base.bestPlan().savingsUsd()).isGreaterThanOrEqualTo(base.optimizations().stream()
                    .mapToDouble(Optimization::savingsUsd).max().orElse(0) - 0.011);
        }
    }

    @Test
    void leversAlreadyAppliedAreNotSuggestedAgain() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-70b'},'training':{'tokens':1e9,'pricingMode':'spot',"
                + "'precision':'fp8','activationCheckpointing':true},'inference':{'requestsPerDay':1e6,"
                + "'precision':'int4','cacheHitRate':0.4,'scaling':'autoscale','routing':{'share':0.3,"
                + "'model':{'id':'llama-3.1-8b'}}}}");
        assertThat(r.optimizations()).extracting(Optimization::lever).doesNotContain("quantization-fp8",
                "quantization-int8", "quantization-int4", "response-caching", "autoscaling", "routing",
                "spot-training", "fp8-training", "activation-checkpointing", "batching", "hybrid-capacity");
        // An autoscaled fleet is offered a committed baseline, not a commitment of the whole fleet.
        assertThat(r.optimizations()).filteredOn(o -> o.lever().equals("commitment")).singleElement()
                .satisfies(o -> assertThat(o.change()).contains("baseline"));
    }

    @Test
    void aChangeThatBreaksAMetLatencyTargetIsRefusedWithWhy() {
        RequestReader reader = new RequestReader(Fixtures.ENGINE.catalog());
        EstimateRequest req = reader.read(json("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e6,"
                + "'accelerator':'h100-sxm','latencyTargetMs':{'ttftMs':20}}}"));
        Estimate base = Fixtures.ENGINE.whatIf(req, null, null);
        assertThat(base.inference().latencyTargetMet()).isTrue();
        // T4s (65 bf16 TFLOPS each) cannot prefill 500 tokens of an 8B model in 20 ms, even 8 of them.
        Estimate onT4 = Fixtures.ENGINE.whatIf(req.withInference(req.inference().onAccelerator(
                AcceleratorInput.ofId("t4"))), base, Phase.INFERENCE);
        assertThat(onT4.inference().latencyTargetMet()).isFalse();
        assertThat(base.refusal(onT4)).startsWith("breaks the latency target (TTFT");
        assertThat(base.refusal(base)).isNull();
        // And the catalog search never offers such an accelerator: the one it offers meets the target.
        Optimization acc = Fixtures.ENGINE.estimate(req, CostEngine.Advice.FULL).optimizations().stream()
                .filter(o -> o.lever().equals("cheaper-accelerator")).findFirst().orElseThrow();
        if (acc.applicable()) {
            CostReport after = estimate(mergePatch(json("{'model':{'id':'llama-3.1-8b'},'inference':{"
                    + "'requestsPerDay':1e6,'accelerator':'h100-sxm','latencyTargetMs':{'ttftMs':20}}}"),
                    acc.requestMergePatch()));
            assertThat(after.inference().point().latencyTargetMet()).isTrue();
        } else {
            assertThat(acc.notApplicableReason()).contains("latency target");
        }
    }

    @Test
    void fixedBatchGetsTheBatchingLever() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e7,'batchSize':4,"
                + "'tensorParallel':1}}");
        Optimization b = r.optimizations().stream().filter(o -> o.lever().equals("batching")).findFirst().orElseThrow();
        assertThat(b.applicable()).isTrue();
        assertThat(b.savingsPercent()).isGreaterThan(50);
    }

    // --- Focus rules (the industry figures of the product brief).

    @Test
    void inferenceFocusWhenInferenceCostsFiveTimesTraining() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'kind':'lora','tokens':1e8},"
                + "'inference':{'requestsPerDay':1e5}}");
        assertThat(r.recommendation().focus()).isEqualTo("INFERENCE");
        assertThat(r.recommendation().reasons().get(0)).contains("× training").contains("≥ 5×");
    }

    @Test
    void inferenceFocusForLatencyCriticalTargetsAndMillionsOfUsers() {
        CostReport latency = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e4,"
                + "'latencyTargetMs':{'ttftMs':80}}}");
        assertThat(latency.recommendation().reasons()).anyMatch(s -> s.contains("80 ms") && s.contains("100 ms"));
        CostReport users = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e4,'users':2e6}}");
        assertThat(users.recommendation().reasons()).anyMatch(s -> s.contains("2000000 users"));
    }

    @Test
    void trainingFocusForResearchAndFrequentRetraining() {
        CostReport research = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e12},'stage':'research',"
                + "'inference':{'requestsPerDay':10}}");
        assertThat(research.recommendation().focus()).isEqualTo("TRAINING");
        assertThat(research.recommendation().reasons()).anyMatch(s -> s.contains("Research stage"));
        CostReport retrain = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e12,"
                + "'retrainEveryMonths':2},'inference':{'requestsPerDay':10}}");
        assertThat(retrain.recommendation().focus()).isEqualTo("TRAINING");
        assertThat(retrain.recommendation().reasons()).anyMatch(s -> s.contains("every 2 months"));
    }

    @Test
    void balancedForPlatformsAndWhenBothPhasesFire() {
        CostReport platform = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e9},"
                + "'inference':{'requestsPerDay':1e5},'platform':true}");
        assertThat(platform.recommendation().focus()).isEqualTo("BALANCED");
        assertThat(platform.recommendation().reasons().get(0)).contains("platform");
        CostReport both = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'kind':'lora','tokens':1e8,"
                + "'retrainEveryMonths':1},'inference':{'requestsPerDay':1e6}}");
        assertThat(both.recommendation().focus()).isEqualTo("BALANCED");
    }

    // --- Summary.

    @ParameterizedTest
    @MethodSource("examples")
    void summaryFitsAChatMessageAndCarriesTheHeadlines(Path example) {
        CostReport r = estimate(read(example));
        String s = r.summary();
        assertThat(s.length()).isLessThanOrEqualTo(1500);
        assertThat(s).contains(r.recommendation().focus()).contains(r.lifecycle().horizonMonths() + " months");
        if (r.inference() != null) {
            assertThat(s).contains("/month").contains("per request");
        }
        long levers = r.optimizations().stream().filter(o -> o.applicable() && o.savingsUsd() > 0).count();
        if (levers > 0) {
            assertThat(s).contains("Top levers").contains(r.optimizations().get(0).lever());
        }
    }

    @Test
    void examplesAreSensibleNextToTheIndustryFigures() {
        CostReport chatbot = estimate(read(Path.of("infra/events/startup-chatbot.json")));
        assertThat(chatbot.inference().cost().costPerRequestUsd()).isBetween(0.001, 0.10); // typical per request
        CostReport enterprise = estimate(read(Path.of("infra/events/enterprise-assistant.json")));
        assertThat(enterprise.inference().cost().monthlyCostUsd()).isBetween(50_000.0, 500_000.0); // at millions of users
        CostReport serve = estimate(read(Path.of("infra/events/finetune-and-serve.json")));
        assertThat(serve.lifecycle().inferenceShare()).isGreaterThan(0.7); // inference 70-80 %+ of the spend
    }
}
