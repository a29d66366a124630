package dev.aicost.engine.advice;

import dev.aicost.engine.core.Money;
import dev.aicost.catalog.Accelerator;
import dev.aicost.engine.estimate.Phase;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.report.BestPlan;
import dev.aicost.report.Optimization;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prices every applicable lever by re-running the engine on the typed request with the lever
 * applied: savings are the difference of the two lifecycle totals, never a fixed percentage. A
 * lever that breaks the latency target or memory, or saves nothing, is listed as not applicable
 * with the reason. The catalog search yields one lever, the cheapest accelerator that qualifies.
 */
public final class Levers {
    private Levers() {
    }

    /** A lever with its price: the optimization the report shows and the lifecycle total it gives. */
    /** @param run the what-if run (the base run where the lever does not apply) */
    record Priced(WhatIf whatIf, Optimization optimization, Estimate run) {
        double totalUsd() {
            return run.totalUsd();
        }

        boolean saves() {
            return optimization.applicable() && optimization.savingsUsd() > 0;
        }
    }

    public record Advice(List<Priced> levers, BestPlan best) {
        public List<Optimization> optimizations() {
            return levers.stream().map(Priced::optimization).toList();
        }
    }

    public static Advice advise(WhatIfRunner engine, EstimateRequest req, Estimate base, boolean searchCatalog) {
        List<WhatIf> whatIfs = new ArrayList<>();
        if (req.inference() != null) {
            WhatIfs.inference(req, base, engine.hardware(), whatIfs);
        }
        if (req.training() != null) {
            WhatIfs.training(req, base, whatIfs);
        }
        List<Priced> priced = new ArrayList<>();
        for (WhatIf w : whatIfs) {
            priced.add(price(engine, req, base, w));
        }
        if (req.inference() != null && searchCatalog && WhatIfs.searchesCatalog(req.inference())) {
            priced.add(cheapestAccelerator(engine, req, base));
            Priced cpu = cheapestCpu(engine, req, base);
            if (cpu != null) {
                priced.add(cpu);
            }
        }
        priced.sort(Comparator.comparing((Priced p) -> !p.optimization().applicable())
                .thenComparing(Comparator.comparingDouble((Priced p) -> p.optimization().savingsUsd()).reversed())
                .thenComparing(p -> p.optimization().lever()));
        return new Advice(List.copyOf(priced), best(engine, req, base, priced));
    }

    /**
     * The accelerator that saves the most, searched cheapest-bound first: an accelerator whose
     * lower bound on serving cost (see {@link ServingBound}) cannot beat the best found so far
     * needs no full run. Ties go to the earlier catalog row, as a full scan would decide.
     */
    private static Priced cheapestAccelerator(WhatIfRunner engine, EstimateRequest req, Estimate base) {
        List<ServingBound> bounds = new ArrayList<>();
        ServingBound.Day day = ServingBound.Day.of(base.inference().fleet().workload().shape());
        String provider = base.inference().offer() == null ? null
                : engine.catalog().offer(base.inference().offer()).orElseThrow().provider();
        int k = -1;
        for (Accelerator a : engine.catalog().accelerators()) {
            k++;
            // Only hardware one can rent: a "reference" price (e.g. DeepSeek's H800 assumption) is no offer.
            // Accelerator cards only: server CPUs have their own lever (cpu-serving), edge devices no rental.
            if (a.id().equals(base.inference().accelerator().id())
                    || engine.catalog().form(a.id()) != dev.aicost.catalog.Catalog.Form.ACCELERATOR
                    || "reference".equals(engine.catalog().defaultOffer(a.id()).provider())) {
                continue;
            }
            String offer = null;
            if (provider != null) { // the same provider's offer: a provider change is its own lever
                offer = sameProvider(engine, a, provider, base.inference().pricingMode());
                if (offer == null) {
                    continue;
                }
            }
            ServingBound b = ServingBound.of(engine.hardware(), base, day, a, offer, k);
            if (b != null) {
                bounds.add(b);
            }
        }
        bounds.sort(Comparator.comparingDouble(ServingBound::lifecycleUsd).thenComparingInt(ServingBound::order));
        Priced best = null;
        int bestOrder = Integer.MAX_VALUE;
        double bestInference = base.phaseUsd(Phase.INFERENCE);
        // The what-if runs free the tensor-parallel degree and the batch (and so, by default, the target).
        var freed = req.inference().onAccelerator(null);
        for (ServingBound b : bounds) {
            if (cannotWin(b, bestInference, bestOrder)) {
                break; // sorted by bound: no later accelerator can do better
            }
            ServingBound tight = b.tightened(base, day, freed, engine.models());
            if (tight == null || cannotWin(tight, bestInference, bestOrder)) {
                continue; // refused (no degree meets the target) or dearer even at its best operating point
            }
            Priced p = price(engine, req, base, WhatIfs.onAccelerator(base, b.accelerator(), b.offer()));
            if (!p.optimization().applicable()) {
                continue;
            }
            double savings = p.optimization().savingsUsd();
            if (best == null || savings > best.optimization().savingsUsd()
                    || (savings == best.optimization().savingsUsd() && b.order() < bestOrder)) {
                best = p;
                bestOrder = b.order();
                bestInference = Math.min(bestInference, p.totalUsd() - base.phaseUsd(Phase.TRAINING));
            }
        }
        if (best != null) {
            return best;
        }
        WhatIf searched = new WhatIf(Lever.CHEAPER_ACCELERATOR, "inference.accelerator", "searched the catalog",
                q -> q, null, "different hardware");
        return new Priced(searched, new Optimization(Lever.CHEAPER_ACCELERATOR.wireName(), Phase.INFERENCE.name(),
                false, searched.change(), 0, 0, searched.tradeOff(), "no catalog accelerator serves this workload for "
                        + "less within the latency target", null, null), base);
    }

    /** A bound at or above the best found so far (ties go to the earlier catalog row) cannot win. */
    private static boolean cannotWin(ServingBound b, double bestInference, int bestOrder) {
        return b.lifecycleUsd() > bestInference || (b.lifecycleUsd() == bestInference && b.order() > bestOrder);
    }

    /** Models up to this size (parameters) are tried on server CPUs. */
    static final double CPU_SERVING_MAX_PARAMETERS = 8.5e9;

    /**
     * The cheapest server CPU instance of the catalog that serves a small model (≤ 8B parameters)
     * within the latency target, each priced by a full engine run (a handful of rows); null where the
     * model is larger or already on a CPU.
     */
    private static Priced cheapestCpu(WhatIfRunner engine, EstimateRequest req, Estimate base) {
        var catalog = engine.catalog();
        if (base.model().parameters() > CPU_SERVING_MAX_PARAMETERS
                || catalog.form(base.inference().accelerator().id()) != dev.aicost.catalog.Catalog.Form.ACCELERATOR) {
            return null;
        }
        Priced best = null;
        int bestOrder = Integer.MAX_VALUE;
        double bestInference = base.phaseUsd(Phase.INFERENCE);
        ServingBound.Day day = ServingBound.Day.of(base.inference().fleet().workload().shape());
        var freed = req.inference().onAccelerator(null);
        int k = -1;
        for (Accelerator a : catalog.accelerators()) {
            k++;
            if (catalog.form(a.id()) != dev.aicost.catalog.Catalog.Form.CPU || !catalog.rentable(a.id())) {
                continue;
            }
            String offer = catalog.defaultOffer(a.id()).id();
            // As in the accelerator search: a CPU whose bound cannot beat the best so far (or that the run
            // would refuse) needs no full run; the first of equal savings is kept, so a later tie cannot win.
            ServingBound b = ServingBound.of(engine.hardware(), base, day, a, offer, k);
            if (b != null) {
                ServingBound tight = b.tightened(base, day, freed, engine.models());
                if (tight == null || cannotWin(tight, bestInference, bestOrder)) {
                    continue;
                }
            }
            Priced p = price(engine, req, base, WhatIfs.onAccelerator(base, a, offer, Lever.CPU_SERVING));
            if (p.optimization().applicable() && (best == null
                    || p.optimization().savingsUsd() > best.optimization().savingsUsd())) {
                best = p;
                bestOrder = k;
                bestInference = Math.min(bestInference, p.totalUsd() - base.phaseUsd(Phase.TRAINING));
            }
        }
        if (best != null) {
            return best;
        }
        WhatIf tried = new WhatIf(Lever.CPU_SERVING, "inference.accelerator", "tried the catalog's server CPUs",
                q -> q, null, Lever.CPU_SERVING.tradeOff());
        return new Priced(tried, new Optimization(Lever.CPU_SERVING.wireName(), Phase.INFERENCE.name(), false,
                tried.change(), 0, 0, tried.tradeOff(), "no server CPU instance of the catalog serves this within "
                        + "the latency target", null, null), base);
    }

    /** The first offer of an accelerator at a provider with a price in the mode, or null. */
    private static String sameProvider(WhatIfRunner engine, Accelerator a, String provider,
            dev.aicost.catalog.PricingMode mode) {
        for (var o : engine.catalog().offersFor(a.id())) {
            if (o.provider().equals(provider) && o.price(mode).isPresent()) {
                return o.id();
            }
        }
        return null;
    }

    /**
     * The best plan: all applicable levers together (the best of each kind) in one re-run; if that
     * breaks the latency target, memory, or saves less than some single lever, fall back to a greedy
     * build (best first, each kept only if it still lowers the total).
     */
    private static BestPlan best(WhatIfRunner engine, EstimateRequest req, Estimate base, List<Priced> levers) {
        List<Priced> useful = new ArrayList<>();
        Priced sourcing = null; // buying the tokens replaces the fleet: it combines with training levers only
        for (Priced p : levers) {
            Lever l = p.whatIf().lever();
            if (p.saves() && l.kind() == Lever.Kind.SOURCING) {
                sourcing = sourcing == null || p.totalUsd() < sourcing.totalUsd() ? p : sourcing;
            } else if (p.saves() && useful.stream().noneMatch(u -> u.whatIf().lever().conflicts(l))) {
                // Best first, so a lever that rules out others (serverless: offers, commitments) yields to a better one.
                useful.add(p);
            }
        }
        BestPlan fleetPlan = combine(engine, req, base, useful);
        if (sourcing == null) {
            return fleetPlan;
        }
        List<Priced> bought = new ArrayList<>(List.of(sourcing));
        useful.stream().filter(p -> p.whatIf().lever().phase() == Phase.TRAINING).forEach(bought::add);
        BestPlan buyPlan = combine(engine, req, base, bought);
        return fleetPlan == null || buyPlan.totalUsd() < fleetPlan.totalUsd() ? buyPlan : fleetPlan;
    }

    private static BestPlan combine(WhatIfRunner engine, EstimateRequest req, Estimate base, List<Priced> useful) {
        if (useful.isEmpty()) {
            return null;
        }
        double bestSingle = useful.stream().mapToDouble(Priced::totalUsd).min().orElseThrow();
        if (useful.size() == 1) {
            return plan(base, List.of(useful.get(0).optimization().lever()), bestSingle);
        }
        EstimateRequest all = req;
        for (Priced p : useful) {
            all = p.whatIf().apply(all);
        }
        Estimate together = validRun(engine, all, base, base, changedPhase(useful));
        if (together != null && together.totalUsd() <= bestSingle) {
            return plan(base, useful.stream().map(p -> p.optimization().lever()).toList(), together.totalUsd());
        }
        List<Priced> chosen = new ArrayList<>(List.of(useful.get(0)));
        EstimateRequest plan = useful.get(0).whatIf().apply(req);
        Estimate planRun = useful.get(0).run();
        for (Priced p : useful.subList(1, useful.size())) {
            EstimateRequest next = p.whatIf().apply(plan);
            // The plan so far differs from this step only in the added lever's phase: the other is reused.
            Estimate r = validRun(engine, next, planRun, base, p.whatIf().lever().phase());
            if (r != null && r.totalUsd() < planRun.totalUsd()) {
                plan = next;
                planRun = r;
                chosen.add(p);
            }
        }
        return plan(base, chosen.stream().map(p -> p.optimization().lever()).toList(), planRun.totalUsd());
    }

    /** The one phase all these levers change, or null where they change both. */
    private static Phase changedPhase(List<Priced> applied) {
        Phase changed = applied.get(0).whatIf().lever().phase();
        for (Priced p : applied) {
            if (p.whatIf().lever().phase() != changed) {
                return null;
            }
        }
        return changed;
    }

    /**
     * A what-if run of {@code req}, which differs from the run {@code from} only in {@code changed} (null:
     * both phases), or null where the engine refuses it or it breaks what the base run met.
     */
    private static Estimate validRun(WhatIfRunner engine, EstimateRequest req, Estimate from, Estimate base,
            Phase changed) {
        try {
            Estimate r = engine.whatIf(req, from, changed);
            return base.refusal(r) != null ? null : r;
        } catch (InvalidRequestException e) {
            return null; // a combination the engine refuses (e.g. no longer fits) is not taken
        }
    }

    private static BestPlan plan(Estimate base, List<String> levers, double total) {
        double savings = Num.money(base.totalUsd() - total);
        return new BestPlan(List.copyOf(levers), total, savings,
                Num.sig(base.totalUsd() > 0 ? savings / base.totalUsd() * 100 : 0));
    }

    private static Priced price(WhatIfRunner engine, EstimateRequest req, Estimate base, WhatIf w) {
        Lever lever = w.lever();
        Estimate r;
        try {
            r = engine.whatIf(w.apply(req), base, lever.phase());
        } catch (InvalidRequestException e) {
            return notApplicable(w, base, e.problems().get(0).path() + " " + e.problems().get(0).problem());
        }
        String refused = base.refusal(r);
        if (refused != null) {
            return notApplicable(w, base, refused);
        }
        double difference = base.totalUsd() - r.totalUsd();
        if (difference < 0.005) {
            String why = difference > -0.005 ? "saves nothing for this workload"
                    : "costs $" + Money.usd(-difference) + " more for this workload";
            return notApplicable(w, base, why + lever.whyNoSaving(base, r));
        }
        double savings = Num.money(difference);
        double phaseBase = base.phaseUsd(lever.phase());
        double percent = phaseBase > 0 ? Num.sig(savings / phaseBase * 100) : 0;
        return new Priced(w, optimization(w, true, savings, percent, null), r);
    }

    private static Priced notApplicable(WhatIf w, Estimate base, String why) {
        return new Priced(w, optimization(w, false, 0, 0, why), base);
    }

    private static Optimization optimization(WhatIf w, boolean applicable, double savings, double percent,
            String why) {
        return new Optimization(w.lever().wireName(), w.lever().phase().name(), applicable, w.change(), savings,
                percent, w.tradeOff(), why, w.patch().text(), w.patch().json());
    }
}
