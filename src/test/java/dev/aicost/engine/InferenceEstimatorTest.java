package dev.aicost.engine;

import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InferenceEstimatorTest {

    static InferenceReport serve(String model, String inference) {
        return estimate("{'model':{'id':'" + model + "'},'inference':{" + inference + "}}").inference();
    }

    @Test
    void throughputRisesAndTpotWorsensWithBatch() {
        double lastThroughput = 0;
        double lastTpot = 0;
        for (int b : new int[] {1, 4, 16, 64, 256}) {
            InferenceReport r = serve("llama-3.1-8b", "'requestsPerDay':1e6,'tensorParallel':1,'batchSize':" + b);
            assertThat(r.point().tokensPerSecondPerAccelerator()).as("batch " + b).isGreaterThan(lastThroughput);
            assertThat(r.point().tpotMs()).as("batch " + b).isGreaterThan(lastTpot);
            lastThroughput = r.point().tokensPerSecondPerAccelerator();
            lastTpot = r.point().tpotMs();
        }
    }

    @Test
    void decodeIsMemoryBoundAtSmallBatchesAndComputeBoundAtLarge() {
        assertThat(serve("llama-2-70b", "'requestsPerDay':1e6,'tensorParallel':2,'precision':'fp8','batchSize':1,"
                + "'inputTokens':294,'outputTokens':294").point().boundBy()).isEqualTo("memory-bandwidth");
        assertThat(serve("llama-2-70b", "'requestsPerDay':1e6,'tensorParallel':2,'precision':'fp8','batchSize':1000,"
                + "'inputTokens':294,'outputTokens':294").point().boundBy()).isEqualTo("compute");
    }

    @Test
    void int4FitsWhereBf16DoesNot() {
        String base = "'requestsPerDay':1e5,'accelerator':'a100-80gb','tensorParallel':1";
        assertThatThrownBy(() -> serve("llama-3.1-70b", base + ",'precision':'bf16'"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).problems().get(0).allowed())
                        .contains("tensorParallel 2"));
        InferenceReport int4 = serve("llama-3.1-70b", base + ",'precision':'int4'");
        assertThat(int4.point().weightsGbPerAccelerator()).isEqualTo(35.3, within(0.1));
    }

    @Test
    void theSmallestFittingTensorParallelDegreeIsSuggested() {
        assertThatThrownBy(() -> serve("llama-3.1-405b", "'requestsPerDay':1e5,'tensorParallel':2,'precision':'fp8'"))
                .satisfies(e -> assertThat(((InvalidRequestException) e).problems().get(0).allowed())
                        .startsWith("tensorParallel 6 or more"));
    }

    @Test
    void tensorParallelismReducesTpot() {
        double tp1 = serve("llama-3.1-8b", "'requestsPerDay':1e5,'tensorParallel':1,'batchSize':8").point().tpotMs();
        double tp2 = serve("llama-3.1-8b", "'requestsPerDay':1e5,'tensorParallel':2,'batchSize':8").point().tpotMs();
        double tp4 = serve("llama-3.1-8b", "'requestsPerDay':1e5,'tensorParallel':4,'batchSize':8").point().tpotMs();
        assertThat(tp2).isLessThan(tp1);
        assertThat(tp4).isLessThan(tp2);
        assertThat(tp2).isGreaterThan(tp1 / 2); // all-reduces keep it from scaling perfectly
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-3.1-8b", "llama-3.1-70b", "mixtral-8x7b"})
    void aTighterLatencyTargetNeverLowersCost(String model) {
        double last = 0;
        for (int tpot : new int[] {200, 100, 60, 40, 25, 15}) {
            InferenceReport r = serve(model, "'requestsPerDay':2e6,'precision':'fp8','latencyTargetMs':{'tpotMs':"
                    + tpot + "}");
            assertThat(r.cost().monthlyCostUsd()).as(model + " tpot " + tpot).isGreaterThanOrEqualTo(last);
            if (r.point().latencyTargetMet()) {
                assertThat(r.point().tpotMs()).isLessThanOrEqualTo(tpot);
            }
            last = r.cost().monthlyCostUsd();
        }
    }

    @Test
    void aBatchWorkloadUsesTheThroughputBatchWithoutALatencyWarning() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e6,'workload':'batch'}}");
        assertThat(r.warnings()).noneMatch(w -> w.contains("no latency target"));
        assertThat(assumption(r, "inference.batchSize")).contains("throughput");
        assertThat(r.inference().economics().workload()).isEqualTo("batch");
    }

    @Test
    void anInteractiveWorkloadWithoutATargetMeetsTheStatedDefault() {
        for (String model : new String[] {"llama-3.1-8b", "llama-3.1-70b", "mixtral-8x7b"}) {
            // 1e8 a day: fleets of many 8-GPU instances, so that whole instances do not hide the difference.
            CostReport r = estimate("{'model':{'id':'" + model + "'},'inference':{'requestsPerDay':1e8}}");
            assertThat(assumption(r, "inference.workload")).contains("waits");
            assertThat(assumption(r, "inference.latencyTargetMs")).contains("2000").contains("50");
            assertThat(r.inference().point().ttftMs()).as(model).isLessThanOrEqualTo(2000);
            assertThat(r.inference().point().tpotMs()).as(model).isLessThanOrEqualTo(50);
            assertThat(r.inference().point().latencyTargetMet()).isTrue();
            // A batch fleet for the same traffic is cheaper: the interactive target costs throughput.
            CostReport batch = estimate("{'model':{'id':'" + model + "'},'inference':{'requestsPerDay':1e8,"
                    + "'workload':'batch'}}");
            assertThat(batch.inference().economics().fleetMonthlyCostUsd()).as(model)
                    .isLessThanOrEqualTo(r.inference().economics().fleetMonthlyCostUsd());
            if (!model.endsWith("8b")) { // a 70B-class model pays for interactivity
                assertThat(batch.inference().economics().fleetMonthlyCostUsd()).as(model)
                        .isLessThan(r.inference().economics().fleetMonthlyCostUsd());
                assertThat(batch.inference().point().tpotMs()).isGreaterThan(r.inference().point().tpotMs());
            }
        }
    }

    @Test
    void anImpossibleTargetIsWarnedAndFlagged() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':1e5,"
                + "'latencyTargetMs':{'tpotMs':1}}}");
        assertThat(r.inference().point().latencyTargetMet()).isFalse();
        assertThat(r.warnings()).anyMatch(w -> w.contains("cannot be met"));
    }

    @Test
    void kvCacheBytesFollowTheArchitecture() {
        // Llama 3.1 70B: 2 · 80 layers · 8 KV heads · 128 · 2 bytes = 327,680 bytes per token.
        assertThat(serve("llama-3.1-70b", "'requestsPerDay':1e5").point().kvCacheBytesPerToken()).isEqualTo(327_680);
        assertThat(serve("llama-3.1-70b", "'requestsPerDay':1e5,'precision':'fp8'").point().kvCacheBytesPerToken())
                .isEqualTo(163_840);
    }

    @Test
    void fleetCarriesThePeakAndCostsScaleWithTraffic() {
        // On single-GPU instances (the marketplace), so that whole 8-GPU instances do not hide the scaling, and
        // without the service's floor of two replicas, which would carry the small traffic alone.
        InferenceReport small = serve("llama-3.1-8b", "'requestsPerDay':1e6,'latencyTargetMs':{'tpotMs':50},"
                + "'offer':'market-h100-sxm','minReplicas':1");
        InferenceReport big = serve("llama-3.1-8b", "'requestsPerDay':1e7,'latencyTargetMs':{'tpotMs':50},"
                + "'offer':'market-h100-sxm','minReplicas':1");
        assertThat(small.fleet().replicas() * small.point().requestsPerSecondPerReplica()).isGreaterThanOrEqualTo(
                small.traffic().peakRequestsPerSecond());
        assertThat(big.economics().fleetMonthlyCostUsd()).isBetween(small.economics().fleetMonthlyCostUsd() * 6,
                small.economics().fleetMonthlyCostUsd() * 10);
        assertThat(big.cost().monthlyCostUsd()).isEqualTo(big.economics().fleetMonthlyCostUsd()
                + big.economics().operationsMonthlyCostUsd(), within(0.011));
        assertThat(big.fleet().accelerators()).isEqualTo(big.fleet().replicas() * big.point().tensorParallel());
        assertThat(big.fleet().acceleratorHoursPerMonth()).isEqualTo(big.fleet().accelerators() * 730.0);
    }

    @Test
    void autoscalingCostsNoMoreThanAnAlwaysOnFleet() {
        InferenceReport on = serve("llama-3.1-8b", "'requestsPerDay':5e6,'peakToAverage':3,'offer':'market-h100-sxm'");
        InferenceReport auto = serve("llama-3.1-8b", "'requestsPerDay':5e6,'peakToAverage':3,'scaling':'autoscale',"
                + "'offer':'market-h100-sxm'");
        assertThat(auto.cost().monthlyCostUsd()).isLessThan(on.cost().monthlyCostUsd());
        assertThat(auto.fleet().utilization()).isGreaterThan(on.fleet().utilization());
    }

    @Test
    void responseCacheHitsCostNothingAndPrefixCacheCheapensPrefill() {
        double none = serve("llama-3.1-8b", "'requestsPerDay':1e8,'offer':'market-h100-sxm'").cost().monthlyCostUsd();
        double cached = serve("llama-3.1-8b", "'requestsPerDay':1e8,'cacheHitRate':0.5,'offer':'market-h100-sxm'")
                .cost().monthlyCostUsd();
        assertThat(cached).isBetween(none * 0.45, none * 0.55);
        InferenceReport prefix = serve("llama-3.1-8b", "'requestsPerDay':1e7,'inputTokens':4000,'prefixCacheHitRate':0.8");
        InferenceReport noPrefix = serve("llama-3.1-8b", "'requestsPerDay':1e7,'inputTokens':4000");
        assertThat(prefix.point().ttftMs()).isLessThan(noPrefix.point().ttftMs());
        assertThat(prefix.cost().monthlyCostUsd()).isLessThan(noPrefix.cost().monthlyCostUsd());
    }

    @Test
    void routingServesAShareWithASmallerModel() {
        InferenceReport all = serve("llama-3.1-70b", "'requestsPerDay':1e8,'precision':'fp8'");
        InferenceReport routed = serve("llama-3.1-70b", "'requestsPerDay':1e8,'precision':'fp8',"
                + "'routing':{'share':0.5,'model':{'id':'llama-3.1-8b'}}");
        assertThat(routed.routing().model()).isEqualTo("llama-3.1-8b");
        assertThat(routed.routing().monthlyCostUsd()).isPositive();
        assertThat(routed.cost().monthlyCostUsd()).isLessThan(all.cost().monthlyCostUsd() * 0.75);
    }

    @Test
    void costPerMillionTokensAndPerRequestAreConsistent() {
        InferenceReport r = serve("llama-3.1-8b", "'requestsPerDay':1e7,'inputTokens':1000,'outputTokens':200");
        double perRequest = (1000 * r.cost().costPerMillionInputTokensUsd() + 200 * r.cost().costPerMillionOutputTokensUsd()) / 1e6;
        assertThat(perRequest).isEqualTo(r.cost().costPerRequestUsd(), within(r.cost().costPerRequestUsd() * 0.01));
        assertThat(r.cost().costPerRequestUsd() * 1e7 * 365.0 / 12).isEqualTo(r.cost().monthlyCostUsd(), within(r.cost().monthlyCostUsd()
                * 0.01));
    }

    @Test
    void hostedApisArePricedOnTheSameWorkloadWithABreakEven() {
        InferenceReport r = serve("llama-3.1-8b", "'requestsPerDay':1e4,'inputTokens':1000,'outputTokens':200");
        var gpt41 = r.hostedApis().stream().filter(a -> a.id().equals("openai-gpt-4.1")).findFirst().orElseThrow();
        assertThat(gpt41.costPerRequestUsd()).isEqualTo((1000 * 2.0 + 200 * 8.0) / 1e6, within(1e-9));
        assertThat(gpt41.selfHostingCheaper()).isFalse(); // one H100 for 10k requests a day
        assertThat(gpt41.breakEvenRequestsPerDay()).isBetween(1e4, 1e6);
        InferenceReport at = serve("llama-3.1-8b", "'requestsPerDay':" + gpt41.breakEvenRequestsPerDay() * 1.2
                + ",'inputTokens':1000,'outputTokens':200");
        assertThat(at.hostedApis().stream().filter(a -> a.id().equals("openai-gpt-4.1")).findFirst().orElseThrow()
                .selfHostingCheaper()).isTrue();
    }

    @Test
    void nonLlmModelsUseFlopsAndWeightsPerRequest() {
        InferenceReport t4 = serve("resnet-50", "'requestsPerDay':1e7,'accelerator':'t4','precision':'int8'");
        assertThat(t4.point().requestsPerSecondPerReplica()).isBetween(3000.0, 8000.0);
        InferenceReport cpu = serve("resnet-50", "'requestsPerDay':1e6,'accelerator':'cpu-c7i-8xl'");
        assertThat(cpu.point().requestsPerSecondPerReplica()).isLessThan(t4.point().requestsPerSecondPerReplica());
        CostReport custom = estimate("{'model':{'parameters':5e6,'flopsPerRequest':1e9,'weightsBytes':2e7},"
                + "'inference':{'requestsPerDay':1e6,'accelerator':'inferentia2','latencyTargetMs':{'e2eMs':10}}}");
        assertThat(custom.inference().point().e2eMs()).isLessThanOrEqualTo(10);
        assertThat(custom.inference().cost().costPerRequestUsd()).isPositive();
    }
}
