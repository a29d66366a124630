package dev.aicost.engine.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelError;
import dev.aicost.engine.Fixtures;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.training.TrainingEstimator;
import dev.aicost.report.CostReport;
import dev.aicost.report.Range;
import dev.aicost.report.TrainingReport;
import dev.aicost.request.EstimateRequest;
import dev.aicost.request.RequestReader;
import org.junit.jupiter.api.Test;

/**
 * A training run's P10–P90, worked by hand: two independent sources (the engine's measured error for
 * the segment and the spread of the catalog's offers), each a log-normal factor, added in quadrature.
 * The price moves only the rented share of the bill (not power), engineering moves with neither.
 */
class RangesByHandTest {
    static final Catalog CATALOG = Fixtures.ENGINE.catalog();
    static final String REQUEST = "{'model':{'id':'llama-3.1-8b'},'training':{'kind':'full-finetune','tokens':2e9,"
            + "'accelerator':'h100-sxm','accelerators':16}}";

    /** Σ over sources in log space: centre the mean of each source's two ends, spread their half-width. */
    static double[] quadrature(double point, double[][] ends) {
        double centre = 0;
        double variance = 0;
        for (double[] e : ends) {
            double a = Math.log(e[0] / point);
            double b = Math.log(e[1] / point);
            centre += (a + b) / 2;
            variance += (b - a) * (b - a) / 4;
        }
        return new double[] {Math.exp(centre - Math.sqrt(variance)), Math.exp(centre + Math.sqrt(variance))};
    }

    @Test
    void trainingCostAndHoursRangesAreTheTwoSourcesInQuadrature() {
        CostReport report = Fixtures.estimate(REQUEST);
        EstimateRequest req = new RequestReader(CATALOG).read(Fixtures.json(REQUEST));
        Estimate run = Fixtures.ENGINE.whatIf(req, null, null);
        TrainingEstimator.Result t = run.training();
        ModelError.Row row = CATALOG.modelError().lookup(ModelError.Figure.TRAINING_PRODUCTION,
                t.accelerator().vendor(), t.precision().wireName(), false);
        Factors price = ErrorSources.priceSpread(CATALOG, t.accelerator(), t.pricingMode(), false,
                t.report().pricing().offer(), "training", Notes.silent());
        assertThat(price.none()).as("several offers for the accelerator").isFalse();

        TrainingReport.TrainingBreakdown b = t.report().breakdown();
        double rented = b.computeUsd() + b.restartOverheadUsd();
        double capitalShare = rented / (rented + b.powerUsd());
        double variable = t.runCostUsd();
        double eng = t.engineeringUsd();
        double point = variable + eng;
        double priceLow = capitalShare * price.p10() + 1 - capitalShare;
        double priceHigh = capitalShare * price.p90() + 1 - capitalShare;
        double[] cost = quadrature(point, new double[][] {
            {variable * row.p10Factor() + eng, variable * row.p90Factor() + eng},
            {variable * priceLow + eng, variable * priceHigh + eng}});
        double shown = t.report().costUsd();
        Range got = report.training().ranges().costUsd();
        assertThat(got.p10()).isEqualTo(Math.min(Num.money(shown * cost[0]), shown));
        assertThat(got.p90()).isEqualTo(Math.max(Num.money(shown * cost[1]), shown));

        // Hours and days move with the engine's error only (the price does not change time).
        double[] time = quadrature(1, new double[][] {{row.p10Factor(), row.p90Factor()}});
        double hours = t.report().duration().acceleratorHours();
        assertThat(report.training().ranges().acceleratorHours().p10())
                .isEqualTo(Math.min(Num.sig(hours * time[0]), hours));
        assertThat(report.training().ranges().acceleratorHours().p90())
                .isEqualTo(Math.max(Num.sig(hours * time[1]), hours));

        // Over the lifetime (no serving, no retraining) the same two sources move the same bill.
        Range total = report.lifecycle().ranges().totalUsd();
        double life = report.lifecycle().totalUsd();
        assertThat(total.p10()).isCloseTo(Math.min(Num.money(life * cost[0]), life), within(0.02));
        assertThat(total.p90()).isCloseTo(Math.max(Num.money(life * cost[1]), life), within(0.02));
    }

    @Test
    void aGivenPriceRemovesThePriceSourceAndAGivenMfuTheErrorSource() {
        CostReport priced = Fixtures.estimate("{'model':{'id':'llama-3.1-8b'},'training':{'kind':'full-finetune',"
                + "'tokens':2e9,'accelerator':'h100-sxm','accelerators':16,'pricePerAcceleratorHourUsd':2.5}}");
        assertThat(Fixtures.assumption(priced, "ranges.training.price")).startsWith("none");
        CostReport fixed = Fixtures.estimate("{'model':{'id':'llama-3.1-8b'},'training':{'kind':'full-finetune',"
                + "'tokens':2e9,'accelerator':'h100-sxm','accelerators':16,'mfu':0.4,'pricePerAcceleratorHourUsd':2.5}}");
        Range hours = fixed.training().ranges().acceleratorHours();
        assertThat(hours.p10()).isEqualTo(hours.p90()); // no source left: a range of one value
        assertThat(fixed.lifecycle().ranges().totalUsd().p10()).isEqualTo(fixed.lifecycle().totalUsd());
    }
}
