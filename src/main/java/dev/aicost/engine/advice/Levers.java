package dev.aicost.engine.advice;

import dev.aicost.engine.core.Num;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.estimate.Phase;
import dev.aicost.report.BestPlan;
import dev.aicost.report.Money;
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
            WhatIfs.training(req, base, engine.hardware(), whatIfs);
        }
        List<Priced> priced = new ArrayList<>();
        for (WhatIf w : whatIfs) {
            priced.add(price(engine, req, base, w));
        }
        if (req.inference() != null && searchCatalog && WhatIfs.searchesCatalog(req.inference())) {
            priced.add(CatalogSearch.cheapestAccelerator(engine, req, base));
            Priced cpu = CatalogSearch.cheapestCpu(engine, req, base);
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

    /** Below this share of requests meeting a cold start, the workers never all go idle. */
    static final double NEVER_COLD = 1e-4;

    static Priced price(WhatIfRunner engine, EstimateRequest req, Estimate base, WhatIf w) {
        Lever lever = w.lever();
        if (w.cannotBuy() != null) {
            return notApplicable(w, base, w.cannotBuy());
        }
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
        if (lever == Lever.SERVERLESS && r.inference() != null && r.inference().report().cost().offer() != null) {
            String offer = r.inference().report().cost().offer();
            Double cold = r.inference().report().economics().coldStartShare();
            // Workers that are never all idle at this traffic never scale to zero: what is bought is another
            // provider's per-second billing, not scale to zero, and the report says so.
            w = w.described(cold != null && cold < NEVER_COLD ? w.detail().replace("serverless (scale to zero, billed "
                    + "per second)", "serverless workers at " + offer + " (a provider switch: at this traffic they "
                    + "never scale to zero; billed per second)") : w.detail().replace("(scale to zero", "(" + offer
                    + ", scale to zero"));
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
                percent, w.tradeOff(), why, w.patch().text(), w.patch().json(), w.lever().preconditions());
    }
}
