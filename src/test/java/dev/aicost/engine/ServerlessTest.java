package dev.aicost.engine;

import dev.aicost.engine.billing.Serverless;
import dev.aicost.engine.core.Num;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.Optimization;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


/** Serverless GPU workers: billed per second while up, scaled to zero, with cold starts. */
class ServerlessTest {
    /** Llama 3.1 8B in fp8 on H100s, flat traffic, no people costs: only the GPUs differ. */
    static InferenceReport serve(double requestsPerDay, String how) {
        return estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':" + requestsPerDay
                + ",'accelerator':'h100-sxm','precision':'fp8','peakToAverage':1,'operations':{'monthlyUsd':0}," + how
                + "}}").inference();
    }

    static final String SERVERLESS = "'scaling':'serverless'";
    /** Always on, at the cheapest on-demand H100 of the catalog (a marketplace listing). */
    static final String ALWAYS_ON = "'scaling':'always-on','offer':'market-h100-sxm'";

    @Test
    void cheaperThanAnAlwaysOnReplicaAtLowTrafficDearerAtHighTraffic() {
        assertThat(serve(2_000, SERVERLESS).cost().monthlyCostUsd())
                .isLessThan(serve(2_000, ALWAYS_ON).cost().monthlyCostUsd());
        assertThat(serve(20_000_000, SERVERLESS).cost().monthlyCostUsd())
                .isGreaterThan(serve(20_000_000, ALWAYS_ON).cost().monthlyCostUsd());
    }

    @Test
    void itScalesToZeroAndColdStartsFadeWithTraffic() {
        InferenceReport rare = serve(10, SERVERLESS);
        InferenceReport busy = serve(20_000_000, SERVERLESS);
        assertThat(rare.fleet().acceleratorHoursPerMonth()).isLessThan(30); // of 730 hours a month
        assertThat(rare.economics().coldStartShare()).isGreaterThan(0.95);
        assertThat(busy.economics().coldStartShare()).isLessThan(0.001);
        assertThat(rare.economics().coldStartMs()).isGreaterThan(5_000); // container start plus 8 GB of weights
        assertThat(serve(2_000, ALWAYS_ON).economics().coldStartMs()).isNull();
    }

    @Test
    void aLongerIdleTimeoutBuysFewerColdStartsWithMoreBilledTime() {
        InferenceReport quick = serve(2_000, SERVERLESS + ",'idleTimeoutSeconds':5");
        InferenceReport patient = serve(2_000, SERVERLESS + ",'idleTimeoutSeconds':600");
        assertThat(patient.economics().coldStartShare()).isLessThan(quick.economics().coldStartShare());
        assertThat(patient.fleet().acceleratorHoursPerMonth()).isGreaterThan(quick.fleet().acceleratorHoursPerMonth());
    }

    @Test
    void aWarmWorkerRemovesColdStartsAndIsBilledAllMonth() {
        InferenceReport warm = serve(2_000, SERVERLESS + ",'minReplicas':1");
        assertThat(warm.economics().coldStartShare()).isZero();
        assertThat(warm.fleet().acceleratorHoursPerMonth()).isGreaterThanOrEqualTo(Num.HOURS_PER_MONTH * 0.999);
    }

    @Test
    void billedWorkersFollowTheArrivalModel() {
        // λ = 0.1/s, service 1 s, idle 5 s, cold start 20 s, 1 s billing, 4 requests/s per worker under load:
        // down periods of 1/λ = 10 s alternate with up periods of 20.5 + (e^0.6 − 1)/0.1 = 28.7 s.
        Serverless s = new Serverless(5, 20, 1, 1);
        double up = 20.5 + (Math.exp(0.6) - 1) / 0.1;
        assertThat(s.billedWorkers(0.1, 4, 0)).isCloseTo(up / (up + 10), within(1e-12));
        assertThat(s.coldShare(0.1)).isCloseTo(1 / (0.1 * 20.5 + Math.exp(0.6)), within(1e-12));
        assertThat(s.billedWorkers(0, 4, 0)).isZero();
        assertThat(s.billedWorkers(1000, 4, 0)).isCloseTo(250, within(1e-6)); // under load: busy workers only
        assertThat(s.billedWorkers(8.48, 4, 0)).isEqualTo(3); // 2.12 workers' worth keeps three whole workers up
        assertThat(s.billedWorkers(0.001, 4, 2)).isEqualTo(2); // the warm workers cover it
        // More traffic never bills less, and never meets more cold starts.
        double previous = 0;
        double previousCold = 1;
        for (double lambda = 0.001; lambda < 1000; lambda *= 1.3) {
            assertThat(s.billedWorkers(lambda, 4, 0)).isGreaterThanOrEqualTo(previous);
            assertThat(s.coldShare(lambda)).isLessThanOrEqualTo(previousCold);
            previous = s.billedWorkers(lambda, 4, 0);
            previousCold = s.coldShare(lambda);
        }
    }

    @Test
    void theServerlessLeverAppearsWhereItSavesMoney() {
        CostReport chatbot = estimate(LifecycleAndAdviceTest.read(java.nio.file.Path.of(
                "infra/events/startup-chatbot.json")));
        Optimization lever = chatbot.optimizations().stream().filter(o -> o.lever().equals("serverless")).findFirst()
                .orElseThrow();
        assertThat(lever.applicable()).isTrue();
        assertThat(lever.savingsUsd()).isGreaterThan(0);
        assertThat(lever.requestMergePatch().at("/inference/scaling").asText()).isEqualTo("serverless");
        CostReport busy = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2e7,"
                + "'accelerator':'h100-sxm','precision':'fp8','peakToAverage':1,'offer':'market-h100-sxm'}}");
        assertThat(busy.optimizations()).filteredOn(o -> o.lever().equals("serverless"))
                .allMatch(o -> !o.applicable() || o.savingsUsd() <= 0);
    }

    @Test
    void theBestPlanNeverPairsServerlessWithWhatItReplaces() {
        // Serverless workers are their own provider and billing: a plan with both would list a lever that does nothing.
        CostReport enterprise = estimate(LifecycleAndAdviceTest.read(java.nio.file.Path.of(
                "infra/events/enterprise-assistant.json")));
        // (Since Lambda's H100s went to $3.99 on 2026-09-20, a same-model API beats moving providers.)
        assertThat(enterprise.bestPlan().levers()).containsExactly("hosted-api");
        for (long seed = 0; seed < 60; seed++) {
            CostReport r;
            try {
                r = Fixtures.API.estimate(dev.aicost.reliability.Generated.inference(seed));
            } catch (InvalidRequestException e) {
                continue;
            }
            if (r.bestPlan() != null && r.bestPlan().levers().contains("serverless")) {
                assertThat(r.bestPlan().levers()).as("seed " + seed).doesNotContain("cheaper-provider", "commitment",
                        "hybrid-capacity", "autoscaling", "off-peak", "cpu-serving");
            }
        }
    }

        @Test
    void theChoiceOfOfferAndTheColdStartAreStated() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2000,"
                + "'accelerator':'h100-sxm','scaling':'serverless'}}");
        assertThat(assumption(r, "inference.pricePerAcceleratorHourUsd")).contains("serverless offer")
                .contains("bills least");
        assertThat(assumption(r, "inference.coldStartSeconds")).contains("GB of weights per GPU");
        assertThat(assumption(r, "inference.idleTimeoutSeconds")).isNotNull();
        assertThat(r.warnings()).anyMatch(w -> w.contains("cold start"));
        assertThat(r.summary()).contains("serverless: ").contains(" s cold start");
    }

    @Test
    void serverlessIsRefusedWhereItCannotBeBought() {
        String[][] bad = {
            {"'scaling':'serverless','pricingMode':'commit-1y'", "inference.pricingMode"},
            {"'scaling':'autoscale','idleTimeoutSeconds':30", "inference.idleTimeoutSeconds"},
            {"'scaling':'serverless','offer':'aws-p5-h100'", "inference.offer"},
            {"'scaling':'serverless','idleTimeoutSeconds':7200", "inference.idleTimeoutSeconds"}};
        for (String[] b : bad) {
            assertThatThrownBy(() -> serve(2000, b[0])).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).problems()).as(b[0])
                            .anyMatch(p -> p.path().equals(b[1])));
        }
        assertThatThrownBy(() -> estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2000,"
                + "'accelerator':'a10g','scaling':'serverless'}}")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("inference.scaling")
                .satisfies(e -> assertThat(e.toString()).contains("accelerator with serverless offers").contains("h100-sxm"));
    }

    @Test
    void atTwoHundredThousandRequestsADayWholeWorkersAreBilled() {
        // 200k requests a day, all in 12 busy hours: λ = 2 × 200,000 / 86,400 = 4.63 a second in each of them.
        // Llama 3.3 70B with 2,000-token answers serves μ requests a second per worker (from the report); each
        // busy hour bills ⌈λ/μ⌉ whole workers, each quiet hour none.
        String shape = "[" + "1,".repeat(12) + "0,".repeat(11) + "0]";
        InferenceReport r = estimate("{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':200000,"
                + "'outputTokens':2000,'accelerator':'h100-sxm','precision':'fp8','hourlyShape':" + shape + ","
                + "'operations':{'monthlyUsd':0},'scaling':'serverless'}}").inference();
        double lambda = 2 * 200_000 / 86_400.0;
        double mu = r.point().requestsPerSecondPerReplica();
        assertThat(lambda / mu).as("busy workers in a busy hour").isGreaterThan(1);
        double workers = Math.ceil(lambda / mu);
        assertThat(workers).isGreaterThan(lambda / mu); // fractional workers would bill less
        assertThat(r.fleet().acceleratorHoursPerMonth()).isCloseTo(12.0 / 24 * workers * r.point().tensorParallel()
                * Num.HOURS_PER_MONTH, within(1e-6));
    }
}
