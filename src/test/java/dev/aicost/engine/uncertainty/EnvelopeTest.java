package dev.aicost.engine.uncertainty;

import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelError;
import dev.aicost.report.CostReport;
import dev.aicost.report.Range;
import org.junit.jupiter.api.Test;

/**
 * A request outside the calibrated envelope (an accelerator none of a figure's calibration cases ran on)
 * gets that figure's outside row of the model-error table: a wider range, and an assumption that says why.
 */
class EnvelopeTest {
    static final Catalog CATALOG = Catalog.builtIn();

    static double width(Range r) {
        return r.p90() / r.p10();
    }

    static CostReport serve(String accelerator) {
        return estimate("{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e6,'accelerator':'"
                + accelerator + "','offer':'" + CATALOG.defaultOffer(accelerator).id() + "'}}");
    }

    @Test
    void servingOnAnAcceleratorNoServingFigureRanOnGetsTheWideRowAndSaysWhy() {
        ModelError.Row outside = CATALOG.modelError().lookup(ModelError.Figure.SERVING_THROUGHPUT, "l40s", "nvidia",
                "bf16", false);
        ModelError.Row inside = CATALOG.modelError().lookup(ModelError.Figure.SERVING_THROUGHPUT, "h100-sxm", "nvidia",
                "bf16", false);
        assertThat(outside.outside()).isTrue();
        assertThat(outside.calibratedOn()).contains("h100-sxm").doesNotContain("l40s");
        assertThat(inside.outside()).isFalse();
        assertThat(outside.p90Factor() / outside.p10Factor()).isGreaterThan(inside.p90Factor() / inside.p10Factor());
        CostReport l40s = serve("l40s");
        CostReport h100 = serve("h100-sxm");
        assertThat(width(l40s.inference().ranges().tokensPerSecondPerAccelerator()))
                .isGreaterThan(width(h100.inference().ranges().tokensPerSecondPerAccelerator()));
        assertThat(assumption(l40s, "ranges.inference.modelError")).contains("wide: no published throughput figures on "
                + "this accelerator").contains("h100-sxm");
        assertThat(assumption(h100, "ranges.inference.modelError")).doesNotContain("wide");
    }

    @Test
    void tunedTrainingOnAnAcceleratorWithAnEstimatedCeilingIsOutsideToo() {
        CostReport mi300x = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e11,'accelerator':"
                + "'mi300x','accelerators':8,'efficiency':'tuned'}}");
        CostReport h100 = estimate("{'model':{'id':'llama-3.1-8b'},'training':{'tokens':1e11,'accelerator':"
                + "'h100-sxm','accelerators':8,'efficiency':'tuned'}}");
        assertThat(assumption(mi300x, "ranges.training.modelError")).contains("wide: no published tuned framework "
                + "benchmarks on this accelerator");
        assertThat(assumption(h100, "ranges.training.modelError")).doesNotContain("wide");
    }

    @Test
    void anAcceleratorNoProviderListsAPriceForIsEstimatedAtAGivenPriceWithAWideRange() {
        // Gaudi 3 (Intel's Hot Chips 2024 figures): no rental offer in the catalog, so a price or ownership is needed.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> estimate("{'model':{'id':'llama-3.1-70b'},"
                + "'inference':{'requestsPerDay':1e6,'accelerator':'gaudi3','precision':'fp8'}}"))
                .hasMessageContaining("gaudi3: no provider in the catalog lists a rental price for it");
        CostReport r = estimate("{'model':{'id':'llama-3.1-70b'},'inference':{'requestsPerDay':1e6,'accelerator':"
                + "'gaudi3','precision':'fp8','pricePerAcceleratorHourUsd':3}}");
        assertThat(r.inference().point().tokensPerSecondPerAccelerator()).isPositive();
        assertThat(width(r.inference().ranges().tokensPerSecondPerAccelerator())).isGreaterThan(2);
        assertThat(assumption(r, "ranges.inference.modelError")).contains("wide: no published throughput figures");
    }

    @Test
    void theServingShareSaysWhetherAFigureSetItOrItIsAnEstimate() {
        // TPUs, Inferentia, Trainium and Gaudi: no calibration case ran on them; their share of the roofline is
        // taken as NVIDIA's, which the report states as an estimate, with the wide range.
        assertThat(assumption(serve("tpu-v5e"), "inference.servingEfficiency"))
                .contains("no published serving figure on tpu-v5e").contains("an estimate for a different design");
        assertThat(assumption(serve("h100-sxm"), "inference.servingEfficiency")).contains("calibration");
        assertThat(assumption(serve("mi300x"), "inference.servingEfficiency")).contains("with published serving figures on it");
        assertThat(assumption(serve("l4"), "inference.servingEfficiency")).contains("the same kernels");
    }
}
