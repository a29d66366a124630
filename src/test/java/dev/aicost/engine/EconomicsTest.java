package dev.aicost.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport.HostedApiComparison;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.Optimization;
import dev.aicost.request.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** How the bill is made up: commitments, owned hardware, operations and buy-vs-build. */
class EconomicsTest {
    /** A peaky day (busiest hour 3× the mean) on enough traffic for dozens of replicas. */
    static final String PEAKY = "'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':3e6,"
            + "'accelerator':'h100-sxm','precision':'fp8','peakToAverage':3,'latencyTargetMs':{'tpotMs':50},"
            + "'operations':{'monthlyUsd':0}";

    static InferenceReport serve(String extra) {
        return estimate("{" + PEAKY + "," + extra + "}}").inference();
    }

    @Test
    void anAutoscaledCommitmentPaysEveryCommittedHourAndBurstsTheRest() {
        InferenceReport hybrid = serve("'scaling':'autoscale','pricingMode':'commit-1y'");
        InferenceReport allCommitted = serve("'scaling':'always-on','pricingMode':'commit-1y'");
        InferenceReport allOnDemand = serve("'scaling':'autoscale','pricingMode':'on-demand'");
        var capacity = hybrid.economics().capacity();
        double fleet = hybrid.economics().fleetMonthlyCostUsd();
        // More than the autoscaled hours at the commitment rate: idle committed hours are billed too.
        assertThat(fleet).isGreaterThan(hybrid.fleet().acceleratorHoursPerMonth() * hybrid.cost().pricePerAcceleratorHourUsd());
        // No more than committing the whole peak fleet, or renting every hour on demand.
        assertThat(fleet).isLessThanOrEqualTo(allCommitted.economics().fleetMonthlyCostUsd());
        assertThat(fleet).isLessThanOrEqualTo(allOnDemand.economics().fleetMonthlyCostUsd());
        // The baseline lies strictly between nothing and the peak.
        // (in accelerators billed: whole 8-GPU instances of aws-p5-h100)
        assertThat(capacity.committedAccelerators()).isGreaterThan(0).isLessThan(hybrid.fleet().billedAccelerators());
        assertThat(capacity.burstPricingMode()).isEqualTo("on-demand");
        assertThat(capacity.burstPricePerAcceleratorHourUsd()).isGreaterThan(hybrid.cost().pricePerAcceleratorHourUsd());
        assertThat(capacity.committedUsd() + capacity.burstUsd()).isEqualTo(fleet, within(0.02));
        assertThat(capacity.committedUsd()).isEqualTo(capacity.committedAccelerators() * 730.0
                * hybrid.cost().pricePerAcceleratorHourUsd(), within(0.02));
        // An always-on commitment commits all of it.
        assertThat(allCommitted.economics().capacity().committedAccelerators())
                .isEqualTo(allCommitted.fleet().billedAccelerators());
        assertThat(allCommitted.economics().capacity().burstUsd()).isZero();
        assertThat(allOnDemand.economics().capacity()).isNull();
    }

    @Test
    void theBaselineHoldsForTheTermWhileTrafficGrows() {
        // Ten times PEAKY's traffic: fleets of many 8-GPU instances, so the baselines differ by whole instances.
        String busy = PEAKY.replace("3e6", "3e7");
        CostReport r = estimate("{" + busy + ",'scaling':'autoscale','pricingMode':'commit-1y','monthlyGrowth':0.1},"
                + "'horizonMonths':24}");
        CostReport flat = estimate("{" + busy + ",'scaling':'autoscale','pricingMode':'commit-1y'},'horizonMonths':24}");
        // Committing for a growing year costs more in month 1 than committing for a flat one.
        assertThat(r.inference().economics().capacity().committedAccelerators())
                .isGreaterThan(flat.inference().economics().capacity().committedAccelerators());
        // The months table prices month 1 as the report does.
        assertThat(r.lifecycle().months().get(0).inferenceUsd()).isEqualTo(r.inference().cost().monthlyCostUsd(),
                within(0.011));
        assertThat(assumption(r, "inference.capacity")).contains("12-month term");
    }

    @Test
    void burstingOnSpotIsAllowedWithItsCaveat() {
        CostReport r = estimate("{" + PEAKY + ",'scaling':'autoscale','pricingMode':'commit-1y',"
                + "'burstPricingMode':'spot'}}");
        assertThat(r.inference().economics().capacity().burstPricingMode()).isEqualTo("spot");
        assertThat(r.warnings()).anyMatch(w -> w.contains("spot"));
    }

    @Test
    void ownedServingPaysEveryHourWithoutAUtilisationDivisor() {
        CostReport serving = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e6,"
                + "'accelerator':'h100-sxm','pricingMode':'owned'}}");
        CostReport training = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e10,"
                + "'accelerator':'h100-sxm','accelerators':8,'pricingMode':'owned'}}");
        double servingPerHour = serving.inference().cost().pricePerAcceleratorHourUsd();
        double trainingPerHour = training.training().pricing().pricePerAcceleratorHourUsd();
        assertThat(servingPerHour).isLessThan(trainingPerHour);
        assertThat(serving.inference().economics().ownedCost().utilization()).isEqualTo(1.0);
        // Published TCO studies land near $1.8–2.5 per H100-hour; the bare GPU amortised alone was ~$1.3.
        assertThat(servingPerHour).isBetween(1.6, 2.6);
        assertThat(assumption(serving, "inference.pricePerAcceleratorHourUsd")).contains("no utilisation divisor");
    }

    @Test
    void ownershipDefaultsCanBeOverridden() {
        CostReport cheap = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e6,"
                + "'accelerator':'h100-sxm','pricingMode':'owned'},'ownership':{'lifeYears':6,"
                + "'serverAndNetworkFraction':0.2,'facilityUsdPerKwMonth':100,'costOfCapitalPerYear':0}}");
        var o = cheap.inference().economics().ownedCost();
        assertThat(o.lifeYears()).isEqualTo(6);
        assertThat(o.financingPerHourUsd()).isZero();
        assertThat(o.serverAndNetworkPerHourUsd()).isEqualTo(35_000 * 0.2 / (6 * 8760), within(0.0001));
        assertThat(cheap.assumptions()).noneMatch(a -> a.name().equals("ownership.lifeYears"));
    }

    @Test
    void operationsArePricedEveryMonthAndAddUp() {
        InferenceReport d = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e6}}").inference();
        assertThat(d.economics().operationsMonthlyCostUsd()).isEqualTo(0.25 * 15_750);
        assertThat(d.cost().monthlyCostUsd()).isEqualTo(d.economics().fleetMonthlyCostUsd()
                + d.economics().operationsMonthlyCostUsd(), within(0.011));
        InferenceReport team = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e6,"
                + "'operations':{'people':2,'monthlyCostUsdPerPerson':10000}}}").inference();
        assertThat(team.economics().operationsMonthlyCostUsd()).isEqualTo(20_000);
        assertThat(team.economics().fleetMonthlyCostUsd()).isEqualTo(d.economics().fleetMonthlyCostUsd());
    }

    @Test
    void sameModelApisComeFirstAndBreakEvenHoldsAtEveryHigherTraffic() {
        String chat = "'model':{'id':'llama-3.3-70b'},'inference':{'inputTokens':1200,'outputTokens':300,"
                + "'accelerator':'h100-sxm','precision':'fp8','latencyTargetMs':{'ttftMs':1000,'tpotMs':50}";
        List<HostedApiComparison> apis = estimate("{" + chat + ",'requestsPerDay':50000}}").inference().hostedApis();
        assertThat(apis.get(0).sameModel()).isTrue();
        int firstOther = 0;
        while (apis.get(firstOther).sameModel()) {
            firstOther++;
        }
        assertThat(apis.subList(firstOther, apis.size())).noneMatch(HostedApiComparison::sameModel);
        // Whole replicas make the fleet's cost a staircase: check above the break-even, always-on and autoscaled.
        int checked = checkAboveBreakEven(chat, 50000);
        checked += checkAboveBreakEven("'model':{'id':'llama-3.1-8b'},'inference':{'scaling':'autoscale',"
                + "'minReplicas':2,'peakToAverage':4,'operations':{'people':1}", 20000);
        assertThat(checked).isGreaterThanOrEqualTo(40);
    }

    private static int checkAboveBreakEven(String shape, double rpd0) {
        int checked = 0;
        for (HostedApiComparison api : estimate("{" + shape + ",'requestsPerDay':" + rpd0 + "}}").inference()
                .hostedApis()) {
            if (api.breakEvenRequestsPerDay() == null || api.breakEvenRequestsPerDay() > 1e9) {
                continue;
            }
            for (double multiple : new double[] {1.001, 1.01, 1.1, 1.37, 2, 3.3, 7, 10}) {
                double rpd = api.breakEvenRequestsPerDay() * multiple;
                InferenceReport at = estimate("{" + shape + ",'requestsPerDay':" + rpd + "}}").inference();
                HostedApiComparison same = at.hostedApis().stream().filter(a -> a.id().equals(api.id())).findFirst()
                        .orElseThrow();
                assertThat(same.selfHostingCheaper()).as(api.id() + " at " + multiple + " × break-even " + shape)
                        .isTrue();
                checked++;
            }
        }
        return checked;
    }

    @Test
    void breakEvenIsNullWhenTheApiIsCheaperPerRequestThanTheFleetCanEverBe() {
        // Groq sells Llama 3.3 70B for ~$0.00095 a request here; an on-demand H100 fleet at bf16 never gets there.
        InferenceReport r = estimate("{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000,"
                + "'inputTokens':1200,'outputTokens':300,'accelerator':'h100-sxm'}}").inference();
        HostedApiComparison groq = r.hostedApis().stream().filter(a -> a.id().equals("groq-llama-3.3-70b")).findFirst()
                .orElseThrow();
        assertThat(groq.sameModel()).isTrue();
        if (groq.breakEvenRequestsPerDay() != null) { // if there is one, it is real
            InferenceReport at = estimate("{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':"
                    + groq.breakEvenRequestsPerDay() * 2 + ",'inputTokens':1200,'outputTokens':300,"
                    + "'accelerator':'h100-sxm'}}").inference();
            assertThat(at.hostedApis().stream().filter(a -> a.id().equals("groq-llama-3.3-70b")).findFirst()
                    .orElseThrow().selfHostingCheaper()).isTrue();
        }
    }

    @Test
    void theStartupChatbotIsOfferedTheLeversUsersLookForFirst() {
        CostReport r = estimate(LifecycleAndAdviceTest.read(java.nio.file.Path.of("infra/events/startup-chatbot.json")));
        Map<String, Optimization> byLever = r.optimizations().stream()
                .collect(Collectors.toMap(Optimization::lever, o -> o, (a, b) -> a));
        for (String lever : List.of("cheaper-provider", "hybrid-capacity")) {
            assertThat(byLever).containsKey(lever);
            assertThat(byLever.get(lever).applicable()).as(lever).isTrue();
            assertThat(byLever.get(lever).savingsUsd()).as(lever).isPositive();
        }
        // It serves its own LoRA fine-tune: an API selling the stock Llama 3.3 70B cannot serve that model.
        assertThat(byLever.get("hosted-api").change()).contains("llama-3.3-70b");
        assertThat(byLever.get("hosted-api").applicable()).isFalse();
        assertThat(byLever.get("hosted-api").notApplicableReason()).isEqualTo("deepinfra-llama-3.3-70b-instruct-turbo serves the published "
                + "Llama 3.3 70B weights, not the lora model this plan trains");
        assertThat(r.bestPlan().levers()).doesNotContain("hosted-api", "batch-api");
        assertThat(byLever.get("cheaper-provider").change()).contains("aws-p5-h100 →");
        // A cheaper accelerator is looked for at the same provider, so it is no provider change in disguise.
        Optimization acc = byLever.get("cheaper-accelerator");
        if (acc != null && acc.applicable()) {
            ObjectNode patch = (ObjectNode) acc.requestMergePatch();
            String offer = patch.path("inference").path("offer").asText();
            assertThat(offer).startsWith("aws-");
        }
        // The best plan never combines buying the tokens with levers on a fleet it no longer runs.
        if (r.bestPlan() != null && r.bestPlan().levers().contains("hosted-api")) {
            assertThat(r.bestPlan().levers()).doesNotContain("cheaper-provider", "hybrid-capacity", "quantization-int4",
                    "cheaper-accelerator", "autoscaling", "routing");
        }
    }

    @Test
    void batchWorkloadsAreOfferedOffPeakCapacityAndBatchPrices() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':2e6,"
                + "'workload':'batch','accelerator':'h100-sxm','precision':'fp8'}}");
        Map<String, Optimization> byLever = r.optimizations().stream()
                .collect(Collectors.toMap(Optimization::lever, o -> o, (a, b) -> a));
        assertThat(byLever.get("off-peak").applicable()).isTrue();
        assertThat(byLever.get("off-peak").savingsUsd()).isPositive();
        // OpenAI's batch tier is half price: the same request costs half as much in a batch workload.
        double interactive = estimate("{'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':2e6,"
                + "'accelerator':'h100-sxm','precision':'fp8'}}").inference().hostedApis().stream()
                .filter(a -> a.id().equals("openai-gpt-5")).findFirst().orElseThrow().costPerRequestUsd();
        double batch = r.inference().hostedApis().stream().filter(a -> a.id().equals("openai-gpt-5")).findFirst()
                .orElseThrow().costPerRequestUsd();
        assertThat(batch).isEqualTo(interactive / 2, within(1e-6));
    }

    @Test
    void aHostedApiCanServeTheWholeWorkload() {
        CostReport r = estimate("{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000,"
                + "'inputTokens':1200,'outputTokens':300,'hostedApi':'groq-llama-3.3-70b','cacheHitRate':0.2}}");
        InferenceReport i = r.inference();
        assertThat(i.economics().hostedApi()).isEqualTo("groq-llama-3.3-70b");
        assertThat(i.fleet().accelerators()).isZero();
        assertThat(i.economics().operationsMonthlyCostUsd()).isZero();
        double perRequest = (1200 * 0.59 + 300 * 0.79) / 1e6 * 0.8;
        assertThat(i.cost().monthlyCostUsd()).isEqualTo(perRequest * 50000 * 365.0 / 12, within(0.02));
    }

    @Test
    void anthropicsCacheWritePremiumIsCharged() {
        String req = "{'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':1e5,'inputTokens':1000,"
                + "'outputTokens':100,'prefixCacheHitRate':0.5}}";
        HostedApiComparison sonnet = estimate(req).inference().hostedApis().stream()
                .filter(a -> a.id().equals("anthropic-claude-sonnet-4")).findFirst().orElseThrow();
        // Half the prompt read from the cache at $0.30, the other half written to it at $3.75.
        assertThat(sonnet.costPerRequestUsd()).isEqualTo((500 * 0.30 + 500 * 3.75 + 100 * 15.0) / 1e6, within(1e-6));
    }

    @Test
    void aStalePriceIsWarnedAbout() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'accelerator':'mi300x','offer':'azure-nd-mi300x-v5'}}");
        assertThat(r.warnings()).anyMatch(w -> w.contains("azure-nd-mi300x-v5") && w.contains("12 months"));
    }

    @Test
    void badEconomicsInputsAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'hostedApi':'groq-llama-3-70b'}}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).path())
                        .isEqualTo("inference.hostedApi"))
                .hasMessageContaining("groq-llama-3.3-70b");
        assertThatThrownBy(() -> estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'operations':{'people':1,'monthlyUsd':5000}}}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).path())
                        .isEqualTo("inference.operations.monthlyUsd"));
        assertThatThrownBy(() -> estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5,"
                + "'burstPricingMode':'commit-3y'}}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).path())
                        .isEqualTo("inference.burstPricingMode"));
        assertThatThrownBy(() -> estimate("{'model':{'id':'resnet-50'},'inference':{'requestsPerDay':1e5,"
                + "'hostedApi':'openai-gpt-5'}}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).path())
                        .isEqualTo("inference.hostedApi"));
        assertThatThrownBy(() -> estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e5},"
                + "'ownership':{'costOfCapitalPerYear':2}}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).path())
                        .isEqualTo("ownership.costOfCapitalPerYear"));
    }

    @Test
    void aShortTrainingRunOnACommitmentSaysWhatTheWholeTermBills() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e11,'accelerator':'h100-sxm',"
                + "'accelerators':64,'pricingMode':'commit-1y'}}");
        // 64 × 8,760 h × $4.06 = $2.28M for the year, whatever the run uses.
        assertThat(r.warnings()).anyMatch(w -> w.contains("bills all 365 days") && w.contains("$2.28M"));
    }
}
