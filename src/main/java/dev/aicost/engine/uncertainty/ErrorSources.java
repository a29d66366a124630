package dev.aicost.engine.uncertainty;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelError;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Offer;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.training.TrainingEstimator;
import dev.aicost.request.TrainingInput;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a figure's spread comes from: the engine's measured error against published figures of the
 * same segment, and the spread of the catalog's offers for the same accelerator.
 */
final class ErrorSources {
    private ErrorSources() {
    }

    static Factors trainingError(Catalog catalog, TrainingInput in, TrainingEstimator.Result t,
            ModelSpec model, Notes notes) {
        if (in.mfu() != null || in.acceleratorHours() != null) {
            notes.assume("ranges.training.modelError", "none", () -> "the request gives training."
                    + (in.acceleratorHours() != null ? "acceleratorHours" : "mfu") + ": the error measured for the "
                    + "engine's own utilisation does not apply, and the ranges do not cover that value's uncertainty");
            return Factors.NONE;
        }
        ModelError.Figure figure = in.efficiency() == TrainingInput.Efficiency.TUNED
                ? ModelError.Figure.TRAINING_TUNED : ModelError.Figure.TRAINING_PRODUCTION;
        ModelError.Row row = catalog.modelError().lookup(figure, t.accelerator().id(), t.accelerator().vendor(),
                t.precision().wireName(), model.mixtureOfExperts());
        Factors f = new Factors(row.p10Factor(), row.p90Factor());
        // A model narrower than every calibrated production run: its hours lie anywhere between the tuned
        // figure's and the production fit's extrapolation, and the range says so.
        double[] bounds = figure == ModelError.Figure.TRAINING_PRODUCTION ? TrainingEstimator.typicalMfuBounds(
                t.accelerator(), model, t.precision()).orElse(null) : null;
        if (bounds != null) {
            double mfu = t.report().cluster().mfu();
            f = new Factors(Math.min(f.p10(), mfu / bounds[1]), Math.max(f.p90(), mfu / bounds[0]));
        }
        String why = bounds == null ? "" : "; widened to the hours at the tuned MFU and at the production fit's "
                + "extrapolation: the model is narrower than every calibrated production run";
        notes.assume("ranges.training.modelError", f.shown(), () -> "P10–P90 of published ÷ estimated "
                + "accelerator-hours over " + cases(row, figure == ModelError.Figure.TRAINING_TUNED
                        ? "tuned framework benchmarks" : "production training runs") + why + "; " + table(catalog));
        return f;
    }

    static String cases(ModelError.Row row, String what) {
        if (row.outside()) {
            return row.cases() + " calibration figures estimated without their hardware's own calibration (wide: no "
                    + "published " + what + " on this accelerator among the calibration cases, which ran on "
                    + String.join(", ", row.calibratedOn()) + "; leave-one-source-out, docs/ranges.md)";
        }
        return row.cases() + " published " + what + " (segment: " + row.segment() + ")";
    }

    static String table(Catalog catalog) {
        return "the engine's model-error table, generated " + catalog.modelError().asOf() + " from its calibration "
                + "cases (docs/ranges.md)";
    }

    /**
     * The spread of the catalog's offers for this accelerator in this pricing mode, relative to the
     * price of the offer the estimate used ({@code used}, as {@link Hardware#price} chose it): the mean
     * and standard deviation of ln(offer ÷ price) as a log-normal's P10 and P90.
     */
    static Factors priceSpread(Catalog catalog, Accelerator acc, PricingMode mode, boolean priceGiven, String used,
            String path, Notes notes) {
        String name = "ranges." + path + ".price";
        if (mode == PricingMode.OWNED) {
            notes.assume(name, "none", "owned hardware: its cost follows from the ownership values, not offers");
            return Factors.NONE;
        }
        if (priceGiven || used == null) {
            notes.assume(name, "none", "the request fixes the offer or the price");
            return Factors.NONE;
        }
        // One price per provider, its lowest for this accelerator: a provider selling four instance sizes is one
        // seller, not four votes on what the accelerator costs.
        Map<String, Double> byProvider = new TreeMap<>();
        for (Offer o : catalog.offersFor(acc.id())) {
            if (o.price(mode).isPresent() && !"reference".equals(o.provider())) {
                byProvider.merge(o.provider(), o.price(mode).getAsDouble(), Math::min);
            }
        }
        if (byProvider.size() < 2) {
            notes.assume(name, "none", () -> "the catalog has " + (byProvider.isEmpty() ? "no" : "one") + " "
                    + mode.wireName() + " seller for " + acc.id() + ": no spread to measure");
            return Factors.NONE;
        }
        double p0 = catalog.offer(used).orElseThrow().price(mode).getAsDouble();
        double sum = 0;
        double squares = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double p : byProvider.values()) {
            double d = Math.log(p / p0);
            sum += d;
            squares += d * d;
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        int n = byProvider.size();
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
        Factors f = new Factors(Math.exp(mean - Z90 * sd), Math.exp(mean + Z90 * sd));
        double lo = min;
        double hi = max;
        notes.assume(name, f.shown(), () -> "spread of the " + n + " catalog providers' " + mode.wireName() + " prices for "
                + acc.id() + " ($" + Num.show(lo) + "–" + Num.show(hi) + " per accelerator-hour) around the one used; "
                + "name an offer or give a price to remove it");
        return f;
    }

    /** z of the 90th percentile of a standard normal. */
    static final double Z90 = 1.2815515655446004;
}
