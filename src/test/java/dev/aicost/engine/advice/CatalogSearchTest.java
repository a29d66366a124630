package dev.aicost.engine.advice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.CostEngine;
import dev.aicost.engine.Fixtures;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.estimate.Phase;
import dev.aicost.engine.inference.InferenceEstimator;
import dev.aicost.reliability.Generated;
import dev.aicost.report.CostReport;
import dev.aicost.report.Optimization;
import dev.aicost.request.AcceleratorInput;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.RequestReader;
import org.junit.jupiter.api.Test;
import static dev.aicost.engine.Fixtures.ENGINE;
import static dev.aicost.engine.Fixtures.mergePatch;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The catalog search skips accelerators by a lower bound; it must pick exactly what a full scan of
 * the catalog (every accelerator re-estimated through JSON, as a caller would) picks.
 */
class CatalogSearchTest {

    @Test
    void theBoundedSearchPicksWhatAFullScanPicks() {
        int compared = 0;
        for (long seed = 0; seed < 40; seed++) {
            for (ObjectNode request : new ObjectNode[] {Generated.inference(seed), Generated.both(seed)}) {
                CostReport base;
                try {
                    base = Fixtures.API.estimate(request);
                } catch (InvalidRequestException e) {
                    continue;
                }
                Optimization found = base.optimizations().stream()
                        .filter(o -> o.lever().equals("cheaper-accelerator")).findFirst().orElse(null);
                if (found == null) {
                    continue; // the request fixed a price or an offer: no search
                }
                String best = null;
                double bestSavings = 0.005;
                String provider = base.inference().cost().offer() == null ? null
                        : ENGINE.catalog().offer(base.inference().cost().offer()).orElseThrow().provider();
                for (Accelerator a : ENGINE.catalog().accelerators()) {
                    // Accelerator cards only, as the search (server CPUs have their own lever, edge devices no rental).
                    if (a.id().equals(base.inference().accelerator())
                            || ENGINE.catalog().form(a.id()) != dev.aicost.catalog.Catalog.Form.ACCELERATOR
                            || !ENGINE.catalog().rentable(a.id())
                            || "reference".equals(ENGINE.catalog().defaultOffer(a.id()).provider())) {
                        continue;
                    }
                    // The same provider's offer: a provider change is the cheaper-provider lever.
                    // One purchase must hold the fleet's months (no capacity block for a multi-year fleet).
                    double days = base.lifecycle().horizonMonths() * 365.0 / 12;
                    String offer = provider == null ? null : ENGINE.catalog().offersFor(a.id()).stream()
                            .filter(o -> o.provider().equals(provider)
                                    && o.price(mode(base.inference().cost().pricingMode())).isPresent()
                                    && o.lasts(days))
                            .map(o -> o.id()).findFirst().orElse(null);
                    if (provider != null && offer == null) {
                        continue;
                    }
                    ObjectNode patch = Fixtures.json("{'inference':{'accelerator':'" + a.id() + "',"
                            + "'tensorParallel':null,'batchSize':null" + (offer == null ? "" : ",'offer':'" + offer + "'")
                            + "}}");
                    CostReport after;
                    try {
                        after = Fixtures.API.estimate(mergePatch(request, patch), CostEngine.Advice.NONE);
                    } catch (InvalidRequestException e) {
                        continue;
                    }
                    if (base.inference().point().latencyTargetMet() && !after.inference().point().latencyTargetMet()) {
                        continue;
                    }
                    double savings = base.lifecycle().totalUsd() - after.lifecycle().totalUsd();
                    if (savings > bestSavings + 1e-9) {
                        best = a.id();
                        bestSavings = savings;
                    }
                }
                String seedText = "seed " + seed + ": " + request;
                if (best == null) {
                    assertThat(found.applicable()).as(seedText).isFalse();
                } else {
                    assertThat(found.applicable()).as(seedText).isTrue();
                    assertThat(found.change()).as(seedText).contains("→ " + best);
                    compared++;
                }
            }
        }
        assertThat(compared).as("cases where the search found a cheaper accelerator").isGreaterThan(10);
    }

    @Test
    void theBoundNeverExceedsWhatServingReallyCosts() {
        RequestReader reader = new RequestReader(ENGINE.catalog());
        int checked = 0;
        int refinedChecked = 0;
        int refused = 0;
        for (long seed = 0; seed < 60; seed++) {
            EstimateRequest req;
            Estimate base;
            try {
                req = reader.read(Generated.inference(seed));
                base = ENGINE.whatIf(req, null, null);
            } catch (InvalidRequestException e) {
                continue;
            }
            int order = 0;
            for (Accelerator a : ENGINE.catalog().accelerators()) {
                ServingBound bound = ServingBound.of(ENGINE.hardware(), base,
                        ServingBound.Day.of(base.inference().fleet().workload().shape()), a, null, order++);
                if (bound == null) {
                    continue;
                }
                Estimate on = onAccelerator(req, base, a);
                if (on == null) {
                    continue;
                }
                assertThat(bound.lifecycleUsd()).as("seed " + seed + " on " + a.id())
                        .isLessThanOrEqualTo(on.phaseUsd(Phase.INFERENCE));
                checked++;
                if (req.inference().tiers() != null) {
                    continue; // service tiers have their own bound (next test)
                }
                // The refined bound, from the operating point of each degree: still below the real cost,
                // and null only where the run is refused (it misses the target the base run met).
                ServingBound refined = bound.refined(base, ServingBound.Day.of(base.inference().fleet().workload()
                        .shape()), InferenceEstimator.target(base.model(), req.inference().onAccelerator(null)),
                        base.inference().latencyTargetMet());
                if (base.refusal(on) != null) {
                    refused++;
                    continue;
                }
                assertThat(refined).as("seed " + seed + " on " + a.id() + ": taken, so not refused").isNotNull();
                assertThat(refined.lifecycleUsd()).as("seed " + seed + " on " + a.id())
                        .isLessThanOrEqualTo(on.phaseUsd(Phase.INFERENCE))
                        .isGreaterThanOrEqualTo(bound.lifecycleUsd());
                refinedChecked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(refinedChecked).isGreaterThan(100);
        assertThat(refused).as("candidates refused for the latency target").isGreaterThan(5);
    }

    @Test
    void theTierBoundNeverExceedsWhatTieredServingReallyCosts() throws java.io.IOException {
        RequestReader reader = new RequestReader(ENGINE.catalog());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<com.fasterxml.jackson.databind.JsonNode> requests = new java.util.ArrayList<>();
        requests.add(json.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("infra/events/tiered-saas.json"))));
        String tiers = "'tiers':[{'name':'free','share':0.7,'latencyTargetMs':{'ttftMs':3000,'tpotMs':80}},"
                + "{'name':'pro','share':0.3,'latencyTargetMs':{'ttftMs':600,'tpotMs':30}}]";
        for (String rest : new String[] {
            "'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2e5,'cacheHitRate':0.3," + tiers + "}",
            "'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':5e5,'scaling':'autoscale','precision':'fp8',"
                    + "'monthlyGrowth':0.05," + tiers + "}",
            "'model':{'id':'llama-3.3-70b'},'inference':{'requestsPerDay':1e6,'precision':'fp8','tiers':[{'name':'fast',"
                    + "'share':0.2,'model':{'id':'llama-3.1-8b'},'latencyTargetMs':{'ttftMs':300,'tpotMs':20}},"
                    + "{'name':'smart','share':0.8}]}",
            "'model':{'id':'mixtral-8x7b'},'inference':{'requestsPerDay':3e4,'minReplicas':2," + tiers + "}"}) {
            requests.add(Fixtures.json("{" + rest + "}"));
        }
        int checked = 0;
        for (com.fasterxml.jackson.databind.JsonNode request : requests) {
            EstimateRequest req = reader.read(request);
            Estimate base = ENGINE.whatIf(req, null, null);
            ServingBound.Day day = ServingBound.Day.of(base.inference().fleet().workload().shape());
            int order = 0;
            for (Accelerator a : ENGINE.catalog().accelerators()) {
                ServingBound bound = ServingBound.of(ENGINE.hardware(), base, day, a, null, order++);
                if (bound == null) {
                    continue;
                }
                ServingBound tiered = bound.refinedTiers(base, day, req.inference().onAccelerator(null), ENGINE.models());
                Estimate on = onAccelerator(req, base, a);
                if (on == null) {
                    continue;
                }
                assertThat(tiered).as(request + " on " + a.id() + ": the run was answered").isNotNull();
                assertThat(tiered.lifecycleUsd()).as(request + " on " + a.id())
                        .isLessThanOrEqualTo(on.phaseUsd(Phase.INFERENCE));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    /** The request's serving moved to another accelerator, as the search's what-if runs it; null if refused. */
    private static Estimate onAccelerator(EstimateRequest req, Estimate base, Accelerator a) {
        try {
            return ENGINE.whatIf(req.withInference(req.inference().onAccelerator(AcceleratorInput.ofId(a.id()))), base,
                    Phase.INFERENCE);
        } catch (InvalidRequestException e) {
            return null;
        }
    }

    private static PricingMode mode(String wire) {
        return java.util.Arrays.stream(PricingMode.values()).filter(m -> m.wireName().equals(wire)).findFirst()
                .orElseThrow();
    }
}
