package dev.aicost.engine;

import dev.aicost.engine.inference.Tiers;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport.TierReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


/** Service tiers: priced apart (or on one shared fleet where that is cheaper), adding up to the fleet. */
class TiersTest {
    static final String THREE_TIERS = "'tiers':[{'name':'enterprise','share':0.2,'latencyTargetMs':{'ttftMs':300,"
            + "'tpotMs':20}},{'name':'pro','share':0.3,'latencyTargetMs':{'ttftMs':1000,'tpotMs':40}},{'name':'free',"
            + "'share':0.5,'latencyTargetMs':{'ttftMs':3000,'tpotMs':80},'model':{'id':'llama-3.1-8b'}}]";

    static CostReport serve(double requestsPerDay, String tiers) {
        return estimate("{'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':" + requestsPerDay
                + ",'accelerator':'h100-sxm','precision':'fp8'," + tiers + "}}");
    }

    static double sum(InferenceReport i) {
        return i.tiers().stream().mapToDouble(TierReport::monthlyCostUsd).sum();
    }

    @Test
    void tiersArePricedApartAndAddUpToTheFleet() {
        CostReport r = serve(2e6, THREE_TIERS);
        InferenceReport i = r.inference();
        assertThat(i.tierFleet()).isEqualTo("separate"); // the free tier runs another model: no shared fleet
        assertThat(i.tiers()).extracting(TierReport::name).containsExactly("enterprise", "pro", "free");
        assertThat(sum(i)).isCloseTo(i.cost().monthlyCostUsd(), within(0.01));
        assertThat(i.tiers().stream().mapToInt(TierReport::accelerators).sum()).isEqualTo(i.fleet().accelerators());
        assertThat(i.tiers().get(2).model()).isEqualTo("llama-3.1-8b");
        // Each tier meets its own target, and a stricter tier costs more per request, by the premium shown.
        assertThat(i.tiers().get(0).tpotMs()).isLessThanOrEqualTo(20);
        assertThat(i.tiers().get(1).tpotMs()).isLessThanOrEqualTo(40);
        TierReport enterprise = i.tiers().get(0);
        TierReport pro = i.tiers().get(1);
        TierReport free = i.tiers().get(2);
        assertThat(enterprise.costPerRequestUsd()).isGreaterThan(pro.costPerRequestUsd());
        assertThat(pro.costPerRequestUsd()).isGreaterThan(free.costPerRequestUsd());
        assertThat(free.premiumPercent()).isZero();
        // A tier's cost per request is its part of the monthly bill over its own requests.
        for (TierReport t : i.tiers()) {
            double requests = 2e6 * t.share() * 365 / 12;
            assertThat(t.costPerRequestUsd()).as(t.name()).isCloseTo(t.monthlyCostUsd() / requests,
                    within(t.costPerRequestUsd() * 1e-3));
        }
        assertThat(enterprise.premiumPercent()).isCloseTo(
                (enterprise.costPerRequestUsd() / free.costPerRequestUsd() - 1) * 100, within(1.0));
        // The lifetime follows the tiered fleet month by month.
        assertThat(r.lifecycle().months().get(0).inferenceUsd()).isCloseTo(i.cost().monthlyCostUsd(), within(0.01));
        assertThat(assumption(r, "inference.tierFleet")).startsWith("separate").contains("tiers use different models");
        assertThat(assumption(r, "inference.inputTokens")).as("the first tier's run states its defaults").isNotNull();
        assertThat(r.summary()).contains("Tiers (separate fleet): enterprise $").contains("/request (+");
    }

    @Test
    void oneSharedFleetServesEveryTierWhereThatIsCheaper() {
        // 20k requests a day fill a fraction of one replica: a second fleet would only add an idle one.
        String tiers = "'tiers':[{'name':'gold','share':0.3,'latencyTargetMs':{'tpotMs':25}},{'name':'basic',"
                + "'share':0.7,'latencyTargetMs':{'tpotMs':80}}]";
        CostReport r = serve(20_000, tiers);
        InferenceReport i = r.inference();
        assertThat(i.tierFleet()).isEqualTo("shared");
        assertThat(i.point().tpotMs()).isLessThanOrEqualTo(25); // held to the strictest target
        assertThat(sum(i)).isCloseTo(i.cost().monthlyCostUsd(), within(0.01));
        assertThat(i.tiers().get(0).costPerRequestUsd()).isGreaterThan(i.tiers().get(1).costPerRequestUsd());
        assertThat(assumption(r, "inference.tierFleet")).contains("strictest");
        assertThat(assumption(r, "inference.inputTokens")).as("the shared run states its defaults").isNotNull();
    }

    @Test
    void busyTiersOfOneModelGetAFleetEachWhereThatIsCheaper() {
        String tiers = "'tiers':[{'name':'gold','share':0.1,'latencyTargetMs':{'tpotMs':15}},{'name':'basic',"
                + "'share':0.9,'latencyTargetMs':{'tpotMs':100}}]";
        CostReport r = serve(5e6, tiers);
        assertThat(r.inference().tierFleet()).isEqualTo("separate");
        assertThat(assumption(r, "inference.tierFleet")).contains("one shared fleet at the strictest target would "
                + "cost more or miss it");
    }

    @Test
    void aFleetPerTierAddsUpEveryFigureOfTheSection() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':2e6,"
                + "'accelerator':'h100-sxm','precision':'fp8','cacheHitRate':0.25," + THREE_TIERS + "}}");
        InferenceReport i = r.inference();
        assertThat(i.tierFleet()).isEqualTo("separate");
        double monthly = i.cost().monthlyCostUsd();
        // The cache acts once, before the first tier: a quarter of the requests never reach a fleet.
        assertThat(i.traffic().requestsPerDay()).isEqualTo(2e6);
        assertThat(i.traffic().servedRequestsPerDay()).isEqualTo(1.5e6);
        assertThat(i.traffic().peakRequestsPerSecond()).isCloseTo(1.5e6 / 86_400 * 2.0, within(0.01));
        // Always-on fleets: every billed accelerator (whole instances, one set per tier) every hour. The 70B tiers
        // need more than one GPU a replica and rent p5.48xlarge; the 8B tier's replicas fit one GPU and rent
        // single-GPU p5.4xlarge: the section counts both sizes and has no single acceleratorsPerInstance.
        assertThat(i.fleet().instanceType()).isEqualTo("2 × p5.48xlarge + 2 × p5.4xlarge");
        assertThat(i.fleet().acceleratorsPerInstance()).isNull();
        assertThat(i.fleet().instances()).isEqualTo(4);
        assertThat(i.fleet().billedAccelerators()).isEqualTo(2 * 8 + 2 * 1);
        assertThat(i.fleet().idleAccelerators()).isEqualTo(i.fleet().billedAccelerators() - i.fleet().accelerators());
        assertThat(i.fleet().acceleratorHoursPerMonth()).isEqualTo(i.fleet().billedAccelerators() * 730.0);
        assertThat(i.fleet().replicas()).isBetween(3, i.fleet().accelerators());
        // The people who run the fleets are paid once (a quarter of an engineer), not once per tier.
        assertThat(i.economics().operationsMonthlyCostUsd()).isEqualTo(3937.5);
        assertThat(i.economics().fleetMonthlyCostUsd()).isCloseTo(monthly - 3937.5, within(0.01));
        assertThat(i.cost().costPerRequestUsd()).isCloseTo(monthly / (2e6 * 365 / 12), within(1e-6));
        assertThat(i.point().latencyTargetMet()).isTrue();
        // Each tier but the last pays its own fleet and its share of the people; the last the remainder.
        TierReport enterprise = i.tiers().get(0);
        assertThat(enterprise.monthlyCostUsd()).isGreaterThan(3937.5 * 0.2);
        assertThat(sum(i)).isCloseTo(monthly, within(0.01));
        assertThat(i.tiers()).allSatisfy(t -> assertThat(t.accelerators()).isPositive());
    }

    /** Gold (30 %, TPOT 25 ms, {@code goldModel} if given) and basic (70 %, TPOT 80 ms). */
    static String goldAndBasic(String goldModel) {
        return "'tiers':[{'name':'gold','share':0.3,'latencyTargetMs':{'tpotMs':25}" + (goldModel == null ? ""
                : ",'model':{'id':'" + goldModel + "'}") + "},{'name':'basic','share':0.7,'latencyTargetMs':{'tpotMs':80}}]";
    }

    @Test
    void tiersOnASharedFleetReportItsOperatingPoint() {
        InferenceReport i = serve(20_000, goldAndBasic(null)).inference();
        assertThat(i.tierFleet()).isEqualTo("shared");
        for (TierReport t : i.tiers()) {
            assertThat(t.ttftMs()).isEqualTo(i.point().ttftMs());
            assertThat(t.tpotMs()).isEqualTo(i.point().tpotMs());
            assertThat(t.accelerators()).isEqualTo(i.fleet().accelerators());
            assertThat(t.costPerRequestUsd()).isCloseTo(t.monthlyCostUsd() / (20_000 * t.share() * 365 / 12),
                    within(t.costPerRequestUsd() * 1e-3));
        }
        // Parts in proportion to what each tier would cost alone: the stricter gold tier pays more per request.
        assertThat(i.tiers().get(0).premiumPercent()).isPositive();
        assertThat(i.tiers().get(1).premiumPercent()).isZero();
    }

    @Test
    void aTierNamingTheRequestsOwnModelCanStillShareItsFleet() {
        InferenceReport i = serve(20_000, goldAndBasic("llama-3.1-70b")).inference();
        assertThat(i.tierFleet()).isEqualTo("shared");
        assertThat(i.tiers()).extracting(TierReport::model).containsOnly("llama-3.1-70b");
    }

    @Test
    void badTiersAreRefusedWithTheirPath() {
        String[][] bad = {
            {"'tiers':[{'name':'a','share':0.5},{'name':'b','share':0.4}]", "inference.tiers", "add up to 0.9"},
            {"'tiers':[{'name':'a','share':0.5},{'name':'a','share':0.5}]", "inference.tiers[1].name", "repeats"},
            {"'tiers':[{'name':'a','share':0}]", "inference.tiers[0].share", "out of range"},
            {"'tiers':[{'share':1}]", "inference.tiers[0].name", "is required"},
            {"'tiers':[]", "inference.tiers", "1 to 10"},
            {"'tiers':[{'name':'a','share':1}],'routing':{'share':0.5,'model':{'id':'llama-3.1-8b'}}",
                "inference.tiers", "cannot be combined with routing"}};
        for (String[] b : bad) {
            assertThatThrownBy(() -> serve(1e5, b[0])).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).problems()).as(b[0])
                            .anyMatch(p -> p.path().equals(b[1]) && p.problem().contains(b[2])));
        }
    }
}
