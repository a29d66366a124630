package dev.aicost.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.report.BestPlan;
import dev.aicost.report.CatalogInfo;
import dev.aicost.report.CostReport;
import dev.aicost.report.InferenceReport;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.ModelSummary;
import dev.aicost.report.Optimization;
import dev.aicost.report.Recommendation;
import dev.aicost.report.TrainingReport;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.RequestReader;
import java.util.List;

/**
 * The cost engine: request in, {@link CostReport} out. Plain Java (no framework), immutable and
 * thread-safe; the same request always gives the same report.
 */
public final class CostEngine {
    static final int DEFAULT_HORIZON_MONTHS = 24;

    private final Catalog catalog;
    private final RequestReader reader;
    private final ModelResolver models;
    private final TrainingEstimator training;
    private final InferenceEstimator inference;

    public CostEngine(Catalog catalog) {
        this.catalog = catalog;
        this.reader = new RequestReader(catalog);
        this.models = new ModelResolver(catalog);
        Hardware hardware = new Hardware(catalog);
        this.training = new TrainingEstimator(hardware);
        this.inference = new InferenceEstimator(hardware, models);
    }

    /** The engine over the bundled catalog, built once. */
    public static CostEngine builtIn() {
        return Holder.ENGINE;
    }

    private static final class Holder {
        static final CostEngine ENGINE = new CostEngine(Catalog.builtIn());
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Validates a JSON request (throwing {@code InvalidRequestException} with every problem) and
     * estimates it, with the levers priced by re-running the engine on patched copies of the request.
     */
    public CostReport estimate(JsonNode request) {
        return estimate(request, Advice.FULL);
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

    public CostReport estimate(JsonNode request, Advice mode) {
        EstimateRequest req = reader.read(request);
        CostReport base = run(req, true);
        if (mode == Advice.NONE) {
            return base;
        }
        Levers.Advice advice = Levers.advise(this, (ObjectNode) request, req, base, mode == Advice.FULL);
        return new CostReport(base.schemaVersion(), base.model(), base.catalog(), base.training(), base.inference(),
                base.lifecycle(), base.recommendation(), advice.levers(), advice.best(), base.assumptions(),
                base.warnings(), Summary.markdown(base.model(), base.training(), base.inference(), base.lifecycle(),
                        base.recommendation(), advice.levers(), advice.best()));
    }

    /** The report of a what-if request: no levers, no hosted-API comparison (the advisor's re-runs). */
    CostReport evaluate(JsonNode request) {
        return run(reader.read(request), false);
    }

    CostReport run(EstimateRequest req, boolean full) {
        Notes notes = full ? new Notes() : Notes.quiet();
        ModelSpec model = models.resolve(req.model(), "model", notes);
        EnergyProfile energy = catalog.energy(req.region() != null ? req.region() : "default").orElseThrow();
        if (req.region() == null) {
            if (notes.on()) notes.assume("region", "default", "world-average grid carbon and PUE " + energy.pue() + " ("
                    + energy.source().cite() + ")");
        }
        int horizon = req.horizonMonths() != null ? req.horizonMonths() : DEFAULT_HORIZON_MONTHS;
        if (req.horizonMonths() == null) {
            if (notes.on()) notes.assume("horizonMonths", horizon, "two years of serving, the usual life of a model version");
        }

        TrainingEstimator.Result t = req.training() == null ? null : training.estimate(model, req.training(), energy,
                notes);
        int start = 1;
        double growth = 0;
        double[] traffic = new double[0];
        if (req.inference() != null) {
            if (req.inference().startMonth() != null) {
                start = req.inference().startMonth();
            } else if (t != null) {
                start = Math.min(horizon, 1 + (int) Math.floor(t.wallClockDays() / Num.DAYS_PER_MONTH));
                if (notes.on()) notes.assume("inference.startMonth", start, "serving starts in the month the initial training run ends");
            }
            growth = req.inference().monthlyGrowth() != null ? req.inference().monthlyGrowth() : 0.0;
            if (req.inference().monthlyGrowth() == null) {
                if (notes.on()) notes.assume("inference.monthlyGrowth", 0, "flat traffic; set monthlyGrowth (e.g. 0.05) to compound it");
            }
            traffic = Lifecycle.traffic(req.inference().requestsPerDay(), growth, Math.max(1, horizon - start + 1));
        }
        InferenceEstimator.Result i = req.inference() == null ? null : inference.estimate(model, req.inference(),
                energy, "inference", full, traffic, notes);

        double decline = req.priceDeclinePerYear() != null ? req.priceDeclinePerYear() : 0.0;
        if (req.priceDeclinePerYear() == null) {
            if (notes.on()) notes.assume("priceDeclinePerYear", 0, "today's prices held flat; accelerator-hour prices have fallen "
                    + "15–30 % a year (set priceDeclinePerYear)");
        }
        LifecycleReport life = Lifecycle.project(new Lifecycle.Plan(horizon, t, i, start, traffic, decline,
                req.monthlyBudgetUsd(), full));
        if (i != null && traffic[traffic.length - 1] >= dev.aicost.request.Limits.MAX_REQUESTS_PER_DAY
                && req.inference().requestsPerDay() < dev.aicost.request.Limits.MAX_REQUESTS_PER_DAY) {
            if (notes.on()) notes.warn("Traffic growth passes " + Num.show(dev.aicost.request.Limits.MAX_REQUESTS_PER_DAY)
                    + " requests per day within the horizon; later months are capped there.");
        }
        if (life.budgetExceededMonth() != null) {
            if (notes.on()) notes.warn("Budget alert: month " + life.budgetExceededMonth() + " spends more than the monthly budget of $"
                    + Advisor.usd(req.monthlyBudgetUsd()) + ".");
        }
        Recommendation rec = full ? Advisor.focus(req, life) : null; // what-if runs need only the money
        List<Optimization> levers = List.of();
        BestPlan best = null;

        ModelSummary summary = new ModelSummary(model.id(), model.name(), model.kind() == ModelKind.LLM ? "llm"
                : "other", model.parameters(), model.activeParameters(), model.mixtureOfExperts(),
                llmInt(model, model.layers()), llmInt(model, model.hiddenSize()), llmInt(model, model.kvHeads()),
                llmInt(model, model.headDim()), llmInt(model, model.contextLength()));
        TrainingReport tr = t == null ? null : t.report();
        InferenceReport ir = i == null ? null : i.report();
        return new CostReport(CostReport.SCHEMA_VERSION, summary, new CatalogInfo(catalog.asOfText()),
                tr, ir, life, rec, levers, best, notes.assumptions(), notes.warnings(),
                full ? Summary.markdown(summary, tr, ir, life, rec, levers, best) : "");
    }

    private static Integer llmInt(ModelSpec m, int v) {
        return m.kind() == ModelKind.LLM ? v : null;
    }
}
