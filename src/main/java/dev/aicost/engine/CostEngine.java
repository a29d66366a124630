package dev.aicost.engine;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.advice.Advisor;
import dev.aicost.engine.advice.Levers;
import dev.aicost.engine.advice.Summary;
import dev.aicost.engine.advice.WhatIfRunner;
import dev.aicost.engine.billing.HostedQuote;
import dev.aicost.engine.billing.Rental;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.ModelResolver;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.estimate.Phase;
import dev.aicost.engine.inference.InferenceEstimator;
import dev.aicost.engine.lifecycle.ActualSpend;
import dev.aicost.engine.lifecycle.Lifecycle;
import dev.aicost.engine.training.TrainingEstimator;
import dev.aicost.engine.uncertainty.Ranges;
import dev.aicost.report.ActualsReport;
import dev.aicost.report.CatalogInfo;
import dev.aicost.report.CostReport;
import dev.aicost.report.HostedApiReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.ModelSummary;
import dev.aicost.report.Money;
import dev.aicost.report.Recommendation;
import dev.aicost.report.RentalReport;
import dev.aicost.report.TrainingReport;
import dev.aicost.request.Bound;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.RentalInput;
import java.util.List;
import java.util.Objects;

/**
 * The cost engine: request in, {@link CostReport} out. Plain Java (no framework), immutable and
 * thread-safe; the same request always gives the same report. It takes typed requests only (reading
 * JSON and words is {@code dev.aicost.api.Estimator}'s); the advisor's what-if runs change the typed
 * request.
 */
public final class CostEngine implements WhatIfRunner {
    static final int DEFAULT_HORIZON_MONTHS = 24;

    private final Catalog catalog;
    private final ModelResolver models;
    private final Hardware hardware;
    private final TrainingEstimator training;
    private final InferenceEstimator inference;

    public CostEngine(Catalog catalog) {
        this.catalog = catalog;
        this.models = new ModelResolver(catalog);
        this.hardware = new Hardware(catalog);
        this.training = new TrainingEstimator(hardware);
        this.inference = new InferenceEstimator(hardware, models);
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public ModelResolver models() {
        return models;
    }

    @Override
    public Hardware hardware() {
        return hardware;
    }

    /** How much of the advice to compute: the levers re-run the engine, the catalog search most often. */
    public enum Advice {
        /** The report without optimizations and best plan. */
        NONE,
        /** Every lever except the search of the catalog for a cheaper accelerator. */
        WITHOUT_CATALOG_SEARCH,
        /** Everything (what the function returns). */
        FULL
    }

    /** A GPU rental quote: accelerators for some hours at the cheapest (or named) offer, in whole instances. */
    public CostReport rent(RentalInput in) {
        Notes notes = Notes.recorder();
        RentalReport r = Rental.quote(catalog, in, notes);
        String summary = "Renting " + r.accelerators() + " × " + r.accelerator() + " for " + Num.show(r.hours())
                + " hours " + r.pricingMode() + " costs **$" + Money.usd(r.costUsd(), 3) + "** at " + r.offer() + " ("
                + r.provider() + " " + r.instance() + ")" + (r.offers().size() > 1 ? "; catalog offers range $"
                + Money.usd(r.cheapestUsd(), 3) + "–$" + Money.usd(r.dearestUsd(), 3) : "") + ".";
        return CostReport.rental(r, new CatalogInfo(catalog.asOfText()), notes.assumptions(), notes.warnings(), summary);
    }

    public CostReport estimate(EstimateRequest req, Advice mode) {
        if (req.model() == null) { // requests bought from a hosted API that sells a closed model
            Notes notes = Notes.recorder();
            HostedApiReport h = HostedQuote.quote(catalog, req, notes);
            String summary = Num.show(h.requestsPerDay()) + " requests/day bought from " + h.model() + " ("
                    + h.provider() + ") cost **$" + Money.usd(h.monthlyCostUsd(), 3) + "/month**, $"
                    + Money.usd(h.costPerRequestUsd(), 3) + " per request; $" + Money.usd(h.totalUsd(), 3) + " over "
                    + h.horizonMonths() + " months.";
            return CostReport.hostedApi(h, new CatalogInfo(catalog.asOfText()), notes.assumptions(), notes.warnings(),
                    summary);
        }
        Estimate base = run(req, Notes.recorder(), mode == Advice.NONE, null, null);
        if (mode == Advice.NONE) {
            return base.report();
        }
        Levers.Advice advice = Levers.advise(this, req, base, mode == Advice.FULL);
        CostReport r = base.report();
        return r.withAdvice(advice.optimizations(), advice.best(), Summary.markdown(r, advice.levers(), advice.best()));
    }

    /**
     * A what-if run: no explanations, no month table, no hosted-API comparison. {@code changed} is
     * the one phase the change touches, or null where both may change: the other phase's result of
     * the base run is reused as it is (serving only: the training run and the serving start it sets;
     * training only: the fleet, as long as serving still starts in the same month).
     */
    @Override
    public Estimate whatIf(EstimateRequest req, Estimate base, Phase changed) {
        return run(req, Notes.silent(), false, base, changed);
    }

    /**
     * One run; {@code summarize}: write the summary now (otherwise the caller writes it with the advice);
     * {@code base} and {@code changed}: a what-if's base run and the one phase it changes (see {@link #whatIf}).
     */
    private Estimate run(EstimateRequest req, Notes notes, boolean summarize, Estimate base, Phase changed) {
        boolean full = notes.recording();
        Estimate reuse = changed == Phase.INFERENCE ? base : null; // its training run and serving start stand
        Estimate sameServing = changed == Phase.TRAINING ? base : null; // its fleet stands, if serving is unmoved
        ModelSpec model = reuse != null ? reuse.model() : models.resolve(req.model(), "model", notes);
        EnergyProfile energy = req.region() != null ? catalog.energy(req.region()).orElseThrow()
                : catalog.defaultEnergy();
        if (req.region() == null) {
            notes.assume("region", energy.id(), () -> "world-average grid carbon and PUE " + energy.pue() + " ("
                    + energy.source().cite() + ")");
        }
        int horizon = notes.orDefault(req.horizonMonths(), DEFAULT_HORIZON_MONTHS, "horizonMonths",
                "two years of serving, the usual life of a model version");
        if (req.actuals() != null) {
            ActualSpend.checkHorizon(req.actuals(), horizon);
        }
        Hardware.Owned owned = owned(req, reuse, notes);
        TrainingEstimator.Result t = reuse != null ? reuse.training()
                : req.training() == null ? null : training.estimate(model, req.training(), energy, owned, notes);

        int start = 1;
        double[] traffic = new double[0];
        if (req.inference() != null) {
            start = servingStart(req, t, horizon, notes);
            Double givenGrowth = req.inference().traffic().monthlyGrowth();
            double growth = givenGrowth != null ? givenGrowth : 0.0;
            if (req.inference().traffic().monthlyGrowth() == null) { // shown as 0, not 0.0, since the first reports
                notes.assume("inference.monthlyGrowth", 0, "flat traffic; set monthlyGrowth (e.g. 0.05) to "
                        + "compound it");
            }
            traffic = Lifecycle.traffic(req.inference().traffic().requestsPerDay(), growth,
                    Math.max(1, horizon - start + 1));
        }
        InferenceEstimator.Result i;
        if (req.inference() == null) {
            i = null;
        } else if (sameServing != null && start == sameServing.servingStartMonth()
                && horizon == sameServing.horizonMonths() && Objects.equals(owned, sameServing.owned())) {
            i = sameServing.inference(); // the same serving request over the same months: the same fleet
        } else {
            i = inference.estimate(model, req.inference(), energy, owned, "inference", full, traffic, notes);
        }

        double decline = req.priceDeclinePerYear() != null ? req.priceDeclinePerYear() : 0.0;
        if (req.priceDeclinePerYear() == null) { // shown as 0, not 0.0, since the first reports
            notes.assume("priceDeclinePerYear", 0, "today's prices held flat; accelerator-hour prices have "
                    + "fallen 15–30 % a year (set priceDeclinePerYear)");
        }
        Lifecycle.Locked locked = null;
        if (i != null && decline > 0) { // people and committed terms do not follow the market's prices
            double[] ops = new double[traffic.length];
            java.util.Arrays.fill(ops, i.fleet().pricing().operationsMonthlyUsd());
            locked = new Lifecycle.Locked(ops, i.fleet().committedCosts(traffic), i.fleet().pricing().termMonths());
        }
        Lifecycle.Plan plan = new Lifecycle.Plan(horizon, t == null ? null : t.spend(),
                i == null ? null : i.fleet()::monthlyCostUsd, i == null ? null : i.monthlyCosts(), start, traffic,
                decline, req.monthlyBudgetUsd(), full, req.inference() == null ? null
                        : req.inference().traffic().revenuePerRequestUsd(), locked);
        LifecycleReport projected = Lifecycle.project(plan);
        // Reported, not totalled: the what-if runs (which need only the money) skip it.
        double owed = i == null || !full ? 0 : Num.money(i.fleet().committedBeyondHorizonUsd(traffic));
        LifecycleReport life = owed > 0 ? projected.withCommitmentsBeyondHorizon(owed) : projected;
        if (owed > 0) {
            notes.warn(() -> "The horizon ends inside a committed term: the contract still bills $" + Money.usd(owed)
                    + " after month " + horizon + " (lifecycle.commitmentsBeyondHorizonUsd, not in the total).");
        }
        if (i != null && traffic[traffic.length - 1] >= Bound.REQUESTS_PER_DAY.max()
                && req.inference().traffic().requestsPerDay() < Bound.REQUESTS_PER_DAY.max()) {
            notes.warn(() -> "Traffic growth passes " + Num.show(Bound.REQUESTS_PER_DAY.max())
                    + " requests per day within the horizon; later months are capped there.");
        }
        if (life.budgetExceededMonth() != null) {
            notes.warn(() -> "Budget alert: month " + life.budgetExceededMonth() + " spends more than the monthly "
                    + "budget of $" + Money.usd(req.monthlyBudgetUsd()) + ".");
        }
        Recommendation rec = full ? Advisor.focus(req, life) : null; // what-if runs need only the money
        TrainingReport trainingReport = t == null ? null : t.report();
        InferenceReport inferenceReport = i == null ? null : i.report();
        LifecycleReport lifeReport = life;
        ActualsReport actuals = null;
        if (full && req.actuals() != null) { // what-if runs leave the bill alone
            actuals = ActualSpend.compare(req.actuals(), life, req.monthlyBudgetUsd(), notes);
        }
        if (full) { // what-if runs need only the point
            Ranges.Result ranges = Ranges.compute(catalog, req, model, t, i, plan, life, notes);
            trainingReport = t == null ? null : trainingReport.withRanges(ranges.training());
            inferenceReport = i == null ? null : inferenceReport.withRanges(ranges.inference());
            lifeReport = life.withRanges(ranges.lifecycle(), ranges.breakEven());
        }
        CostReport report = new CostReport(CostReport.SCHEMA_VERSION, summary(model), new CatalogInfo(catalog.asOfText()),
                trainingReport, inferenceReport, lifeReport, rec, List.of(), null, notes.assumptions(),
                notes.warnings(), "", null, actuals);
        if (summarize) {
            report = report.withAdvice(List.of(), null, Summary.markdown(report, List.of(), null));
        }
        return new Estimate(report, model, energy, t, i, horizon, start, traffic, decline, owned);
    }

    /** Owned-hardware costs, resolved (and stated) only where a phase is priced as owned. */
    private static Hardware.Owned owned(EstimateRequest req, Estimate reuse, Notes notes) {
        boolean training = req.training() != null && req.training().pricingMode() == PricingMode.OWNED;
        boolean serving = req.inference() != null && req.inference().pricing().pricingMode() == PricingMode.OWNED;
        if (reuse != null && reuse.owned() != null) {
            return reuse.owned();
        }
        if (!training && !serving) {
            return null;
        }
        return Hardware.Owned.of(req.ownership(), req.training() == null ? null : req.training().hardwareLifeYears(),
                notes);
    }

    /** The first serving month: as given, else the month the initial training run ends, else month 1. */
    private static int servingStart(EstimateRequest req, TrainingEstimator.Result t, int horizon, Notes notes) {
        if (req.inference().traffic().startMonth() != null) {
            return req.inference().traffic().startMonth();
        }
        if (t == null) {
            return 1;
        }
        int start = Math.min(horizon, 1 + (int) Math.floor(t.wallClockDays() / Num.DAYS_PER_MONTH));
        notes.assume("inference.startMonth", start, "serving starts in the month the initial training run ends");
        return start;
    }

    private static ModelSummary summary(ModelSpec m) {
        boolean llm = m.kind() == ModelKind.LLM;
        return new ModelSummary(m.id(), m.name(), m.kind().wireName(), m.parameters(), m.activeParameters(),
                m.mixtureOfExperts(), llm ? m.layers() : null, llm ? m.hiddenSize() : null, llm ? m.kvHeads() : null,
                llm ? m.headDim() : null, llm ? m.contextLength() : null);
    }
}
