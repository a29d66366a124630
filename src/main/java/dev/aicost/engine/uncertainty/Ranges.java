package dev.aicost.engine.uncertainty;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelError;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.engine.billing.Fleet;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.inference.InferenceEstimator;
import dev.aicost.engine.lifecycle.Lifecycle;
import dev.aicost.engine.training.TrainingEstimator;
import dev.aicost.report.InferenceReport.InferenceRanges;
import dev.aicost.report.LifecycleReport.LifecycleRanges;
import dev.aicost.report.LifecycleReport.MonthRange;
import dev.aicost.report.LifecycleReport;
import dev.aicost.report.Range;
import dev.aicost.report.TrainingReport.TrainingRanges;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.InferenceInput;
import dev.aicost.request.InputRange;
import java.util.ArrayList;
import java.util.List;

/**
 * P10–P90 ranges of the headline figures. Three independent sources, each as the figure's value
 * with that source at its own P10 and at its P90 (every other at its point):
 * <ol>
 * <li>the engine's own error, measured on its calibration cases ({@link ModelError});</li>
 * <li>the price: the spread of the catalog's offers for the same accelerator and pricing mode
 * (none where the request fixes the price or the offer);</li>
 * <li>inputs the caller sent as {low, high}, read as the caller's P10 and P90.</li>
 * </ol>
 * They are combined as log-normals: the log deviations' midpoints add, their half-widths add in
 * quadrature (first-order propagation; each source is re-evaluated through the same fleet and
 * lifecycle code, so whole replicas and committed baselines are honoured). Deterministic, and a
 * dozen cheap re-evaluations at most.
 */
public final class Ranges {
    private Ranges() {
    }

    /** The sections' ranges (null where the section is absent). */
    public record Result(TrainingRanges training, InferenceRanges inference, LifecycleRanges lifecycle,
            MonthRange breakEven) {
    }

    /** One way the world could differ: training cost scale, serving months and first-month traffic. */
    private record Variant(double trainingScale, double[] servingMonths, double[] traffic) {
    }

    public static Result compute(Catalog catalog, EstimateRequest req, ModelSpec model, TrainingEstimator.Result t,
            InferenceEstimator.Result i, Lifecycle.Plan plan, LifecycleReport life, Notes notes) {
        List<Variant[]> sources = new ArrayList<>(); // each: the variant at the source's P10 and at its P90
        Variant base = new Variant(1, plan.inferenceByMonth(), plan.traffic());
        TrainingRanges training = null;
        Variant[] trainingPrice = null;
        if (t != null) {
            Factors error = ErrorSources.trainingError(catalog, req.training(), t, model, notes);
            Factors price = ErrorSources.priceSpread(catalog, t.accelerator(), t.pricingMode(), req.training().offer() != null
                    || req.training().pricePerAcceleratorHourUsd() != null || (req.training().accelerator() != null
                            && req.training().accelerator().pricePerHourUsd() != null), t.report().pricing().offer(),
                    "training", notes);
            var d = t.report().duration();
            double variable = t.runCostUsd();
            double point = variable + t.engineeringUsd();
            Spread cost = new Spread();
            // The price spread moves the whole run's cost: a rented run has no power bill of its own, and an
            // owned one has no price spread (its cost follows from the ownership values).
            for (Factors f : List.of(error, price)) {
                cost.add(point, variable * f.p10() + t.engineeringUsd(), variable * f.p90() + t.engineeringUsd());
                sources.add(new Variant[] {new Variant(f.p10(), base.servingMonths(), base.traffic()),
                    new Variant(f.p90(), base.servingMonths(), base.traffic())});
                if (f == price && !price.none()) {
                    trainingPrice = sources.get(sources.size() - 1);
                }
            }
            Spread time = new Spread().add(error);
            training = new TrainingRanges(time.around(d.acceleratorHours(), Num::sig),
                    time.around(d.wallClockDays(), Num::sig), cost.around(t.report().costUsd(), Num::money));
        }
        InferenceRanges inference = null;
        if (i != null) {
            // The same accelerator bought the same way in both phases is bought at the same price: one source.
            Variant[] shared = trainingPrice != null && t.accelerator().id().equals(i.accelerator().id())
                    && t.pricingMode() == i.pricingMode() ? trainingPrice : null;
            inference = inference(catalog, req.inference(), model, i, plan, base, sources, shared, notes);
        }
        if (sources.isEmpty()) {
            return new Result(training, inference, new LifecycleRanges(new Range(life.totalUsd(), life.totalUsd())),
                    null);
        }
        Spread total = new Spread();
        Spread ratio = new Spread(); // inference ÷ training over the horizon, for the break-even months
        double ratio0 = life.trainingUsd() > 0 ? life.inferenceUsd() / life.trainingUsd() : 0;
        for (Variant[] s : sources) {
            LifecycleReport lo = project(plan, s[0]);
            LifecycleReport hi = project(plan, s[1]);
            total.add(life.totalUsd(), lo.totalUsd(), hi.totalUsd());
            if (ratio0 > 0 && lo.trainingUsd() > 0 && hi.trainingUsd() > 0) {
                ratio.add(ratio0, lo.inferenceUsd() / lo.trainingUsd(), hi.inferenceUsd() / hi.trainingUsd());
            }
        }
        MonthRange breakEven = life.breakEvenMonth() == null || life.months().isEmpty() ? null
                : new MonthRange(Math.min(life.breakEvenMonth(), breakEvenMonth(life, Math.max(1, ratio.high()))),
                        latest(life, Math.min(1, ratio.low())));
        return new Result(training, inference, new LifecycleRanges(total.around(life.totalUsd(), Num::money)),
                breakEven);
    }

    private static InferenceRanges inference(Catalog catalog, InferenceInput in, ModelSpec model,
            InferenceEstimator.Result i, Lifecycle.Plan plan, Variant base, List<Variant[]> sources,
            Variant[] trainingPrice, Notes notes) {
        Fleet fleet = i.fleet();
        boolean hosted = fleet.pricing().hostedApi();
        String vendor = i.accelerator().vendor();
        String precision = i.precision().wireName();
        String acc = i.accelerator().id();
        ModelError.Row tput = catalog.modelError().lookup(ModelError.Figure.SERVING_THROUGHPUT, acc, vendor, precision,
                model.mixtureOfExperts());
        ModelError.Row latency = catalog.modelError().lookup(ModelError.Figure.SERVING_LATENCY, acc, vendor, precision,
                model.mixtureOfExperts());
        Factors capacity = new Factors(tput.p10Factor(), tput.p90Factor());
        Factors slower = new Factors(latency.p10Factor(), latency.p90Factor());
        notes.assume("ranges.inference.modelError", "throughput " + capacity.shown() + ", latency " + slower.shown(),
                () -> "P10–P90 of published ÷ estimated over " + ErrorSources.cases(tput, "throughput figures") + " and "
                        + ErrorSources.cases(latency, "latency figures") + (model.kind() == ModelKind.LLM ? ""
                                : " (measured on language models only)") + "; " + ErrorSources.table(catalog));
        boolean serverless = fleet.pricing().serverless() != null;
        Factors price = hosted || serverless ? Factors.NONE : ErrorSources.priceSpread(catalog, i.accelerator(), i.pricingMode(),
                in.fixesPrice(), i.offer(),
                "inference", notes);
        if (hosted || serverless) {
            notes.assume("ranges.inference.price", "none", hosted ? "bought from a hosted API at its list price"
                    : "serverless workers at the cheapest serverless offer's per-second price");
        }

        double rpd = in.traffic().requestsPerDay();
        double perMonth = rpd * Num.DAYS_PER_MONTH;
        double month0 = base.servingMonths()[0];
        double ops = fleet.pricing().operationsMonthlyUsd();
        Spread monthly = new Spread();
        Spread perRequest = new Spread();
        List<Variant[]> own = new ArrayList<>();
        own.add(new Variant[] {serving(fleet.withCapacity(capacity.p10()), base.traffic()),
            serving(fleet.withCapacity(capacity.p90()), base.traffic())});
        Variant[] pricedServing = price.none() ? null
                : new Variant[] {priced(base, ops, price.p10()), priced(base, ops, price.p90())};
        if (pricedServing != null) {
            own.add(pricedServing);
        }
        InferenceInput.Uncertain u = in.uncertain();
        double growth = in.traffic().monthlyGrowth() == null ? 0 : in.traffic().monthlyGrowth();
        int months = base.traffic().length;
        if (u.requestsPerDay() != null) {
            InputRange r = u.requestsPerDay();
            input(notes, "requestsPerDay", r, rpd, "their geometric mean");
            own.add(new Variant[] {serving(fleet, Lifecycle.traffic(r.low(), growth, months)),
                serving(fleet, Lifecycle.traffic(r.high(), growth, months))});
        }
        if (u.monthlyGrowth() != null) {
            InputRange r = u.monthlyGrowth();
            input(notes, "monthlyGrowth", r, growth, "the geometric mean of the growth factors 1 + g");
            own.add(new Variant[] {serving(fleet, Lifecycle.traffic(rpd, r.low(), months)),
                serving(fleet, Lifecycle.traffic(rpd, r.high(), months))});
        }
        if (u.cacheHitRate() != null) {
            InputRange r = u.cacheHitRate();
            input(notes, "cacheHitRate", r, in.caching().cacheHitRate(),
                    "one minus the geometric mean of the miss rates");
            own.add(new Variant[] {serving(fleet.withCacheHitRate(r.low()), base.traffic()),
                serving(fleet.withCacheHitRate(r.high()), base.traffic())});
        }
        for (Variant[] v : own) {
            monthly.add(month0, v[0].servingMonths()[0], v[1].servingMonths()[0]);
            perRequest.add(month0 / perMonth, v[0].servingMonths()[0] / (v[0].traffic()[0] * Num.DAYS_PER_MONTH),
                    v[1].servingMonths()[0] / (v[1].traffic()[0] * Num.DAYS_PER_MONTH));
        }
        if (pricedServing != null && trainingPrice != null) {
            own.remove(pricedServing);
            for (int k = 0; k < 2; k++) {
                trainingPrice[k] = new Variant(trainingPrice[k].trainingScale(), pricedServing[k].servingMonths(),
                        base.traffic());
            }
            notes.assume("ranges.price", "one factor for both phases", "training and serving buy the same "
                    + "accelerator in the same pricing mode: where it is cheaper for one, it is for the other");
        }
        sources.addAll(own);
        var point = i.report().point();
        var cost = i.report().cost();
        Spread throughput = new Spread().add(capacity);
        Spread time = new Spread().add(slower);
        return new InferenceRanges(throughput.around(point.tokensPerSecondPerAccelerator(), Num::sig),
                time.around(point.ttftMs(), Num::sig), time.around(point.tpotMs(), Num::sig),
                monthly.around(cost.monthlyCostUsd(), Num::money),
                perRequest.around(cost.costPerRequestUsd(), Num::money));
    }

    private static Variant serving(Fleet fleet, double[] traffic) {
        return new Variant(1, fleet.monthlyCosts(traffic), traffic);
    }

    /** Every accelerator-hour at {@code factor} times the price; the people who run the fleet cost the same. */
    private static Variant priced(Variant base, double operations, double factor) {
        double[] m = base.servingMonths().clone();
        for (int k = 0; k < m.length; k++) {
            m[k] = operations + (m[k] - operations) * factor;
        }
        return new Variant(1, m, base.traffic());
    }

    private static void input(Notes notes, String field, InputRange r, double point, String midpoint) {
        notes.assume("inference." + field, Num.shown(point), () -> "midpoint in log space of the range given ("
                + Num.show(r.low()) + "–" + Num.show(r.high()) + "): " + midpoint + "; the range's ends are read as "
                + "your P10 and P90 and carried into the ranges");
    }

    /** The lifecycle totals with one source moved (no month table, no budget). */
    private static LifecycleReport project(Lifecycle.Plan p, Variant v) {
        Lifecycle.TrainingSpend s = p.training();
        Lifecycle.TrainingSpend scaled = s == null ? null : new Lifecycle.TrainingSpend(s.runCostUsd() * v.trainingScale(),
                s.engineeringUsd(), s.retrainEveryMonths(), s.retrainCostUsd() * v.trainingScale());
        Lifecycle.Locked locked = p.locked() == null || v.servingMonths() == null ? null
                : p.locked().scaledTo(p.inferenceByMonth(), v.servingMonths());
        return Lifecycle.project(new Lifecycle.Plan(p.horizon(), scaled, p.inference(), v.servingMonths(),
                p.inferenceStartMonth(), v.traffic(), p.priceDeclinePerYear(), null, false, null, locked));
    }

    /** The first month whose cumulative inference, times {@code k}, reaches cumulative training (0: none). */
    private static int breakEvenMonth(LifecycleReport life, double k) {
        for (LifecycleReport.Month m : life.months()) {
            if (m.cumulativeTrainingUsd() > 0 && m.cumulativeInferenceUsd() * k >= m.cumulativeTrainingUsd()) {
                return m.month();
            }
        }
        return 0;
    }

    private static Integer latest(LifecycleReport life, double k) {
        int m = breakEvenMonth(life, k);
        return m == 0 ? null : Math.max(m, life.breakEvenMonth());
    }
}
