package dev.aicost.engine.uncertainty;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelError;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.Fixtures;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.report.CostReport;
import dev.aicost.report.Range;
import dev.aicost.request.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


/** The P10–P90 ranges: how each source is measured, combined and shown. */
class RangesTest {
    static final Catalog CATALOG = Fixtures.ENGINE.catalog();
    static final String SERVE = "'model':{'id':'llama-3.1-70b'},'inference':{'accelerator':'h100-sxm',"
            + "'precision':'fp8','latencyTargetMs':{'tpotMs':50},'operations':{'monthlyUsd':0}";

    static double width(Range r) {
        return r.p90() / r.p10();
    }

    @Test
    void independentSourcesAddInQuadratureInLogSpace() {
        Spread one = new Spread().add(new Factors(0.8, 1.25));
        assertThat(one.low()).isCloseTo(0.8, within(1e-12));
        assertThat(one.high()).isCloseTo(1.25, within(1e-12));
        Spread two = new Spread().add(new Factors(0.8, 1.25)).add(new Factors(0.8, 1.25));
        assertThat(Math.log(two.high())).isCloseTo(Math.sqrt(2) * Math.log(1.25), within(1e-12));
        // A lopsided source moves the centre: ×1–1.21 is ×1.1 ± 10 % in log space.
        Spread shifted = new Spread().add(100, 100, 121);
        assertThat(shifted.low() * shifted.high()).isCloseTo(1.21, within(1e-9));
        // The range never leaves its point out, even where the evidence is all on one side.
        Range r = new Spread().add(new Factors(1.1, 1.3)).around(100, Num::sig);
        assertThat(r.p10()).isEqualTo(100);
        assertThat(r.p90()).isEqualTo(130);
    }

    @Test
    void aSegmentWithoutItsOwnRowUsesTheNearestBroaderOne() {
        ModelError table = CATALOG.modelError();
        ModelError.Row nvidia = table.lookup(ModelError.Figure.TRAINING_PRODUCTION, "nvidia", "bf16", false);
        ModelError.Row tpu = table.lookup(ModelError.Figure.TRAINING_PRODUCTION, "google", "bf16", false);
        assertThat(nvidia.segment()).isEqualTo("nvidia, bf16, dense");
        assertThat(tpu.segment()).isEqualTo("all");
        assertThat(tpu.cases()).isGreaterThan(nvidia.cases());
        // A run on an accelerator none of the production runs used is outside the calibrated envelope: its
        // figure's outside row, which names the accelerators the runs used.
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e12,'accelerator':'tpu-v5p',"
                + "'accelerators':256}}");
        assertThat(assumption(r, "ranges.training.modelError")).contains("wide: no published production training "
                + "runs on this accelerator").contains("a100-80gb, h100-sxm");
        // Inside it, a segment without a row of its own (bf16 MoE on NVIDIA) uses its vendor and precision's.
        CostReport moe = estimate("{'model':{'id':'mixtral-8x7b'},'training':{'tokens':1e12,'accelerator':'h100-sxm',"
                + "'accelerators':64}}");
        assertThat(assumption(moe, "ranges.training.modelError")).contains("segment: nvidia, bf16)");
    }

    @Test
    void thePriceSpreadIsTheSpreadOfTheCatalogsOffers() {
        // One price per provider, its lowest: Lambda sells H100s in four sizes but is one seller.
        java.util.Map<String, Double> byProvider = new java.util.TreeMap<>();
        for (Offer o : CATALOG.offersFor("h100-sxm")) {
            if (o.price(PricingMode.ON_DEMAND).isPresent() && !o.provider().equals("reference")) {
                byProvider.merge(o.provider(), o.price(PricingMode.ON_DEMAND).getAsDouble(), Math::min);
            }
        }
        double used = CATALOG.defaultOffer("h100-sxm").price(PricingMode.ON_DEMAND).getAsDouble();
        double[] logs = byProvider.values().stream().mapToDouble(p -> Math.log(p / used)).toArray();
        double mean = java.util.Arrays.stream(logs).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(logs).map(d -> (d - mean) * (d - mean)).sum() / logs.length);
        Factors f = ErrorSources.priceSpread(CATALOG, CATALOG.accelerator("h100-sxm").orElseThrow(),
                PricingMode.ON_DEMAND, false, CATALOG.defaultOffer("h100-sxm").id(), "inference", Notes.silent());
        assertThat(byProvider).hasSizeGreaterThan(2).containsEntry("lambda", 3.99).containsEntry("aws", 4.92); // a capacity block
        assertThat(f.p10()).isCloseTo(Math.exp(mean - ErrorSources.Z90 * sd), within(1e-12));
        assertThat(f.p90()).isCloseTo(Math.exp(mean + ErrorSources.Z90 * sd), within(1e-12));
    }

    @Test
    void anOfferOrAPriceInTheRequestRemovesThePriceSpread() {
        CostReport shopping = estimate("{" + SERVE + ",'requestsPerDay':2e7}}");
        CostReport named = estimate("{" + SERVE + ",'requestsPerDay':2e7,'offer':'aws-p5-h100'}}");
        CostReport priced = estimate("{" + SERVE + ",'requestsPerDay':2e7,'pricePerAcceleratorHourUsd':6.88}}");
        assertThat(named.inference().cost().monthlyCostUsd()).isEqualTo(shopping.inference().cost().monthlyCostUsd());
        assertThat(assumption(shopping, "ranges.inference.price")).contains("catalog providers' on-demand prices for h100-sxm");
        assertThat(assumption(named, "ranges.inference.price")).startsWith("none");
        assertThat(assumption(priced, "ranges.inference.price")).startsWith("none");
        assertThat(width(named.inference().ranges().monthlyCostUsd()))
                .isLessThan(width(shopping.inference().ranges().monthlyCostUsd()));
        // Without a price spread the cost moves with the throughput error alone, in whole replicas: a slower
        // replica (P10) needs more of them; a faster one (P90) may still need as many.
        Range tput = named.inference().ranges().tokensPerSecondPerAccelerator();
        Range cost = named.inference().ranges().monthlyCostUsd();
        assertThat(cost.p90()).isGreaterThan(named.inference().cost().monthlyCostUsd());
        // ... and in whole 8-GPU instances: at most one more instance than the throughput error alone asks.
        double billed = named.inference().fleet().billedAccelerators();
        assertThat(width(cost)).isLessThanOrEqualTo(Math.max(width(tput) * 1.05, width(tput) * (billed + 8) / billed));
    }

    @Test
    void wholeReplicasAreHonouredAMostlyIdleFleetDoesNotMoveWithThroughput() {
        // 2 000 requests a day need a fraction of one replica: 10 % more or less throughput changes nothing.
        CostReport r = estimate("{" + SERVE + ",'requestsPerDay':2000,'pricePerAcceleratorHourUsd':3}}");
        Range cost = r.inference().ranges().monthlyCostUsd();
        assertThat(cost.p10()).isEqualTo(r.inference().cost().monthlyCostUsd());
        assertThat(cost.p90()).isEqualTo(r.inference().cost().monthlyCostUsd());
        assertThat(width(r.inference().ranges().tokensPerSecondPerAccelerator())).isGreaterThan(1.2);
    }

    @Test
    void aUtilisationTheCallerGivesCarriesNoModelError() {
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e12,'mfu':0.4,"
                + "'pricePerAcceleratorHourUsd':2}}");
        Range hours = r.training().ranges().acceleratorHours();
        assertThat(hours.p10()).isEqualTo(r.training().duration().acceleratorHours());
        assertThat(hours.p90()).isEqualTo(r.training().duration().acceleratorHours());
        assertThat(assumption(r, "ranges.training.modelError")).startsWith("none").contains("training.mfu");
        CostReport typical = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e12}}");
        assertThat(width(typical.training().ranges().acceleratorHours())).isGreaterThan(1.2);
        assertThat(width(typical.training().ranges().costUsd()))
                .isGreaterThan(width(typical.training().ranges().acceleratorHours()));
    }

    @Test
    void uncertainTrafficUsesItsLogMidpointAndWidensTheRange() {
        CostReport point = estimate("{" + SERVE + ",'requestsPerDay':2e7,'offer':'aws-p5-h100'}}");
        CostReport ranged = estimate("{" + SERVE + ",'requestsPerDay':{'low':1e7,'high':4e7},'offer':'aws-p5-h100'}}");
        assertThat(ranged.inference().traffic().requestsPerDay()).isEqualTo(2e7);
        assertThat(ranged.inference().cost().monthlyCostUsd()).isEqualTo(point.inference().cost().monthlyCostUsd());
        assertThat(assumption(ranged, "inference.requestsPerDay")).contains("midpoint in log space")
                .contains("10000000–40000000");
        Range wide = ranged.inference().ranges().monthlyCostUsd();
        assertThat(width(wide)).isGreaterThan(width(point.inference().ranges().monthlyCostUsd()));
        // Four times the traffic between the ends: the cost range spans about that, whole replicas aside.
        assertThat(width(wide)).isBetween(3.0, 6.0);
        // Per request, the fleet's cost is shared by more or fewer requests: much less spread.
        assertThat(width(ranged.inference().ranges().costPerRequestUsd())).isLessThan(width(wide));
    }

    @Test
    void uncertainGrowthMovesTheLifetimeNotTheFirstMonth() {
        String base = SERVE + ",'requestsPerDay':2e6,'offer':'aws-p5-h100'";
        CostReport flat = estimate("{" + base + ",'monthlyGrowth':0.05}}");
        CostReport ranged = estimate("{" + base + ",'monthlyGrowth':{'low':0,'high':0.1}}}");
        assertThat(ranged.inference().ranges().monthlyCostUsd()).isEqualTo(flat.inference().ranges().monthlyCostUsd());
        assertThat(width(ranged.lifecycle().ranges().totalUsd())).isGreaterThan(width(flat.lifecycle().ranges().totalUsd()));
        assertThat(assumption(ranged, "inference.monthlyGrowth")).contains("1 + g");
    }

    @Test
    void anUncertainCacheHitRateUsesTheMidpointOfTheMissRates() {
        CostReport r = estimate("{" + SERVE + ",'requestsPerDay':2e6,'cacheHitRate':{'low':0.2,'high':0.5}}}");
        double expected = 1 - Math.sqrt(0.8 * 0.5);
        assertThat(r.inference().traffic().servedRequestsPerDay())
                .isCloseTo(2e6 * (1 - expected), org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(assumption(r, "inference.cacheHitRate")).contains("miss rates");
    }

    @Test
    void aBadRangeIsRefusedWithItsPath() {
        for (String[] bad : new String[][] {
                {"{'low':4e6,'high':1e6}", "inference.requestsPerDay.high", "must not be below low"},
                {"{'low':1e6}", "inference.requestsPerDay.high", "is required in a range"},
                {"{'low':1e6,'high':2e6,'mid':1.5e6}", "inference.requestsPerDay.mid", "is not a known field"},
                {"{'low':-1,'high':2e6}", "inference.requestsPerDay.low", "out of range"},
                {"'lots'", "inference.requestsPerDay", "must be a number"}}) {
            assertThatThrownBy(() -> estimate("{" + SERVE + ",'requestsPerDay':" + bad[0] + "}}"))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).problems())
                            .anyMatch(p -> p.path().equals(bad[1]) && p.problem().contains(bad[2])));
        }
        assertThatThrownBy(() -> estimate("{" + SERVE + ",'requestsPerDay':1e6,'cacheHitRate':{'low':0.5,'high':1}}}"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).problems())
                        .anyMatch(p -> p.path().equals("inference.cacheHitRate.high")));
    }

    @Test
    void theBreakEvenRangeHoldsTheBreakEvenMonth() {
        // Fleets of several whole 8-GPU instances (four times the traffic and the training of a small case).
        CostReport r = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':8e12},'inference':{"
                + "'requestsPerDay':{'low':3.2e7,'high':5e7},'accelerator':'h100-sxm','latencyTargetMs':{'tpotMs':50}},"
                + "'horizonMonths':60}");
        var life = r.lifecycle();
        assertThat(life.breakEvenMonth()).isBetween(3, 50);
        assertThat(life.breakEvenMonthRange().earliest()).isLessThan(life.breakEvenMonth());
        assertThat(life.breakEvenMonthRange().latest()).isGreaterThan(life.breakEvenMonth());
        assertThat(r.summary()).contains("(likely months " + life.breakEvenMonthRange().earliest() + "–");
        // The same H100s on demand in both phases: one price factor, which the break-even does not depend on.
        assertThat(assumption(r, "ranges.price")).startsWith("one factor for both phases");
    }

    @Test
    void theSummarySaysTheRangesInWords() {
        CostReport r = estimate("{" + SERVE + ",'requestsPerDay':2e6}}");
        Range monthly = r.inference().ranges().monthlyCostUsd();
        assertThat(r.summary()).contains("/month**" + monthly.likelyUsd());
        assertThat(new Range(8_100, 13_000).likelyUsd()).isEqualTo(" (likely $8.1k–13k)");
        assertThat(new Range(1_200_000, 2_550_000).likelyUsd()).isEqualTo(" (likely $1.2M–2.6M)");
        // The ends round outwards: the printed range holds whatever the point prints as.
        assertThat(new Range(146.67, 667.9).likelyUsd()).isEqualTo(" (likely $140–670)");
        assertThat(new Range(0.005289, 0.01425).likelyUsd()).isEqualTo(" (likely $0.0052–0.015)");
        assertThat(new Range(408_000, 860_000).likelyUsd()).isEqualTo(" (likely $400k–860k)");
        assertThat(new Range(5, 5).likelyUsd()).isEmpty();
    }

    @Test
    void factorsSayWhetherTheyMoveAnythingAndShowTwoFigures() {
        assertThat(Factors.NONE.none()).isTrue();
        assertThat(new Factors(1, 1).none()).isTrue();
        assertThat(new Factors(0.8, 1).none()).isFalse();
        assertThat(new Factors(1, 1.25).none()).isFalse();
        assertThat(new Factors(0.8123, 1.256).shown()).isEqualTo("×0.81–1.3");
    }

    @Test
    void hostedApisAndServerlessWorkersHaveNoOfferSpread() {
        CostReport hosted = estimate("{'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':50000,"
                + "'hostedApi':'groq-llama-3.3-70b'}}");
        assertThat(assumption(hosted, "ranges.inference.price")).startsWith("none | bought from a hosted API");
        CostReport serverless = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2000,"
                + "'accelerator':'h100-sxm','scaling':'serverless'}}");
        assertThat(assumption(serverless, "ranges.inference.price")).startsWith("none | serverless workers");
        CostReport rented = estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2000,"
                + "'accelerator':'h100-sxm'}}");
        assertThat(assumption(rented, "ranges.inference.price")).startsWith("×");
        assertThat(rented.inference().ranges().monthlyCostUsd().p90())
                .isGreaterThan(rented.inference().ranges().monthlyCostUsd().p10());
    }

    @Test
    void theServingErrorIsStatedAndSaysWhenItWasMeasuredOnLanguageModelsOnly() {
        String[][] cases = {{"llama-3.1-8b", "h100-sxm", ""}, {"resnet-50", "t4", " (measured on language models only)"}};
        for (String[] c : cases) {
            String error = assumption(estimate("{'model':{'id':'" + c[0] + "'},'inference':{'requestsPerDay':2e6,"
                    + "'accelerator':'" + c[1] + "'}}"), "ranges.inference.modelError");
            assertThat(error).startsWith("throughput ×").contains(c[2]);
            assertThat(error.contains("language models only")).isEqualTo(!c[2].isEmpty());
        }
    }
}
