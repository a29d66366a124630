package dev.aicost.engine.advice;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.advice.Levers.Priced;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.estimate.Phase;
import dev.aicost.report.Optimization;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InferenceInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The catalog searched for hardware that serves the workload for less: other accelerator cards
 * (the cheaper-accelerator lever) and server CPUs (cpu-serving). Each candidate is priced by a full
 * what-if run, unless its lower bound on serving cost ({@link ServingBound}) shows it cannot beat
 * the best found so far. The answer is the one a full scan gives: the largest saving, ties to the
 * earlier catalog row.
 */
final class CatalogSearch {
    /** Models up to this size (parameters) are tried on server CPUs. */
    static final double CPU_SERVING_MAX_PARAMETERS = 8.5e9;

    private CatalogSearch() {
    }

    /** One row of the catalog to try: its accelerator, the offer to price it at (null: default), its row. */
    private record Candidate(Accelerator accelerator, String offer, int order) {
    }

    /** The accelerator card that saves the most (at the same provider, when the fleet names one). */
    static Priced cheapestAccelerator(WhatIfRunner engine, EstimateRequest req, Estimate base) {
        Catalog catalog = engine.catalog();
        String provider = base.inference().offer() == null ? null
                : catalog.offer(base.inference().offer()).orElseThrow().provider();
        List<Candidate> candidates = new ArrayList<>();
        int k = -1;
        for (Accelerator a : catalog.accelerators()) {
            k++;
            // Only hardware one can rent: a "reference" price (e.g. DeepSeek's H800 assumption) is no offer.
            // Accelerator cards only: server CPUs have their own lever (cpu-serving), edge devices no rental.
            if (a.id().equals(base.inference().accelerator().id()) || catalog.form(a.id()) != Catalog.Form.ACCELERATOR
                    || !catalog.rentable(a.id()) || "reference".equals(catalog.defaultOffer(a.id()).provider())) {
                continue;
            }
            String offer = null;
            if (provider != null) { // the same provider's offer: a provider change is its own lever
                offer = sameProvider(catalog, a, provider, base.inference().pricingMode(), fleetDays(base));
                if (offer == null) {
                    continue;
                }
            }
            candidates.add(new Candidate(a, offer, k));
        }
        Priced best = search(engine, req, base, candidates, Lever.CHEAPER_ACCELERATOR, false);
        return best != null ? best : notFound(base, Lever.CHEAPER_ACCELERATOR, "searched the catalog",
                "different hardware", "no catalog accelerator serves this workload for less within the latency target");
    }

    /**
     * The server CPU instance that saves the most serving a small model (≤ 8B parameters); null where
     * the model is larger or already on a CPU.
     */
    static Priced cheapestCpu(WhatIfRunner engine, EstimateRequest req, Estimate base) {
        Catalog catalog = engine.catalog();
        if (base.model().parameters() > CPU_SERVING_MAX_PARAMETERS
                || catalog.form(base.inference().accelerator().id()) != Catalog.Form.ACCELERATOR) {
            return null;
        }
        List<Candidate> candidates = new ArrayList<>();
        int k = -1;
        for (Accelerator a : catalog.accelerators()) {
            k++;
            if (catalog.form(a.id()) == Catalog.Form.CPU && catalog.rentable(a.id())) {
                candidates.add(new Candidate(a, catalog.defaultOffer(a.id()).id(), k));
            }
        }
        Priced best = search(engine, req, base, candidates, Lever.CPU_SERVING, true);
        return best != null ? best : notFound(base, Lever.CPU_SERVING, "tried the catalog's server CPUs",
                Lever.CPU_SERVING.tradeOff(), "no server CPU instance of the catalog serves this within the latency "
                        + "target");
    }

    /**
     * The candidate that saves the most, searched cheapest bound first: once a bound cannot beat the
     * best found, no later one can. {@code runUnbounded}: a candidate without a bound is still run
     * (otherwise it is one the bound already shows cannot be served).
     */
    private static Priced search(WhatIfRunner engine, EstimateRequest req, Estimate base, List<Candidate> candidates,
            Lever lever, boolean runUnbounded) {
        ServingBound.Day day = ServingBound.Day.of(base.inference().fleet().workload().shape());
        // The what-if runs free the tensor-parallel degree and the batch (and so, by default, the target).
        InferenceInput freed = req.inference().onAccelerator(null);
        List<ServingBound> bounds = new ArrayList<>();
        List<Candidate> unbounded = new ArrayList<>();
        for (Candidate c : candidates) {
            ServingBound b = ServingBound.of(engine.hardware(), base, day, c.accelerator(), c.offer(), c.order());
            if (b != null) {
                bounds.add(b);
            } else if (runUnbounded) {
                unbounded.add(c);
            }
        }
        bounds.sort(Comparator.comparingDouble(ServingBound::lifecycleUsd).thenComparingInt(ServingBound::order));
        Best best = new Best(base);
        for (Candidate c : unbounded) {
            best.consider(price(engine, req, base, c, lever), c.order());
        }
        for (ServingBound b : bounds) {
            if (best.beats(b)) {
                break; // sorted by bound: no later candidate can do better
            }
            ServingBound tight = b.tightened(base, day, freed, engine.models());
            if (tight == null || best.beats(tight)) {
                continue; // refused (no degree meets the target) or dearer even at its best operating point
            }
            best.consider(price(engine, req, base, new Candidate(b.accelerator(), b.offer(), b.order()), lever),
                    b.order());
        }
        return best.priced;
    }

    private static Priced price(WhatIfRunner engine, EstimateRequest req, Estimate base, Candidate c, Lever lever) {
        return Levers.price(engine, req, base, WhatIfs.onAccelerator(base, c.accelerator(), c.offer(), lever));
    }

    /** The best candidate so far: the largest saving, ties to the earlier catalog row. */
    private static final class Best {
        private final Estimate base;
        private Priced priced;
        private int order = Integer.MAX_VALUE;
        private double inferenceUsd;

        Best(Estimate base) {
            this.base = base;
            this.inferenceUsd = base.phaseUsd(Phase.INFERENCE);
        }

        /** A bound at or above the best found so far (ties go to the earlier catalog row) cannot win. */
        boolean beats(ServingBound b) {
            return b.lifecycleUsd() > inferenceUsd || (b.lifecycleUsd() == inferenceUsd && b.order() > order);
        }

        void consider(Priced p, int row) {
            if (!p.optimization().applicable()) {
                return;
            }
            double savings = p.optimization().savingsUsd();
            if (priced == null || savings > priced.optimization().savingsUsd()
                    || (savings == priced.optimization().savingsUsd() && row < order)) {
                priced = p;
                order = row;
                inferenceUsd = Math.min(inferenceUsd, p.totalUsd() - base.phaseUsd(Phase.TRAINING));
            }
        }
    }

    /** The lever shown as not applicable: the search found nothing that saves. */
    private static Priced notFound(Estimate base, Lever lever, String change, String tradeOff, String why) {
        WhatIf searched = new WhatIf(lever, "inference.accelerator", change, q -> q, null, tradeOff);
        return new Priced(searched, new Optimization(lever.wireName(), Phase.INFERENCE.name(), false,
                searched.change(), 0, 0, searched.tradeOff(), why, null, null, lever.preconditions()), base);
    }

    /** How long the fleet runs: every month of the horizon from its first serving month. */
    static double fleetDays(Estimate base) {
        return (base.horizonMonths() - base.servingStartMonth() + 1) * 365.0 / 12;
    }

    /**
     * The first offer of an accelerator at a provider with a price in the mode that one purchase can run
     * for the fleet's days (a capacity block cannot hold a fleet that runs for months), or null.
     */
    private static String sameProvider(Catalog catalog, Accelerator a, String provider, PricingMode mode,
            double days) {
        for (var o : catalog.offersFor(a.id())) {
            if (o.provider().equals(provider) && o.price(mode).isPresent() && o.lasts(days)) {
                return o.id();
            }
        }
        return null;
    }
}
