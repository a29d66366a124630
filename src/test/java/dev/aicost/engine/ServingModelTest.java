package dev.aicost.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import org.junit.jupiter.api.Test;

class ServingModelTest {
    static final Catalog CATALOG = Catalog.builtIn();

    static ModelSpec model(String id) {
        return CATALOG.model(id).orElseThrow();
    }

    static Accelerator acc(String id) {
        return CATALOG.accelerator(id).orElseThrow();
    }

    @Test
    void weightsAndKvCacheFollowTheArchitecture() {
        ServingModel m = new ServingModel(model("llama-3.1-8b"), acc("h100-sxm"), Precision.BF16, 1, 1000, 200, 0);
        ModelSpec s = model("llama-3.1-8b");
        assertThat(m.weightsBytes).isEqualTo(s.parameters() * 2);
        // keys and values, every KV head, every layer, 2 bytes each
        assertThat(m.kvBytesPerToken).isEqualTo(2.0 * s.layers() * s.kvHeads() * s.headDim() * 2);
        ServingModel fp8 = new ServingModel(s, acc("h100-sxm"), Precision.FP8, 1, 1000, 200, 0);
        assertThat(fp8.kvBytesPerToken).isEqualTo(m.kvBytesPerToken / 2); // 8-bit cache with fp8
        ServingModel int4 = new ServingModel(s, acc("h100-sxm"), Precision.INT4, 1, 1000, 200, 0);
        assertThat(int4.weightsBytes).isEqualTo(s.parameters() * 0.5);
        assertThat(int4.kvBytesPerToken).isEqualTo(m.kvBytesPerToken); // int4 is weight-only
    }

    @Test
    void fitAndBatchAreBoundedByMemory() {
        ModelSpec big = model("llama-3.1-70b");
        assertThat(new ServingModel(big, acc("a100-80gb"), Precision.BF16, 1, 500, 250, 0).fits()).isFalse();
        ServingModel tp2 = new ServingModel(big, acc("a100-80gb"), Precision.BF16, 2, 500, 250, 0);
        assertThat(tp2.fits()).isTrue();
        assertThat(tp2.maxBatch()).isPositive();
        ServingModel longer = new ServingModel(big, acc("a100-80gb"), Precision.BF16, 2, 4000, 1000, 0);
        assertThat(longer.maxBatch()).isLessThan(tp2.maxBatch());
        assertThat(new ServingModel(big, acc("a100-80gb"), Precision.BF16, 1, 500, 250, 0).maxBatch()).isZero();
    }

    @Test
    void batchOneDecodeIsAWeightReadAtTheBandwidthEfficiency() {
        ModelSpec s = model("llama-3.1-8b");
        Accelerator h100 = acc("h100-sxm");
        ServingModel m = new ServingModel(s, h100, Precision.BF16, 1, 500, 250, 0);
        double weightRead = m.weightsBytes / (h100.bandwidthBytesPerSecond() * ServingModel.BANDWIDTH_EFFICIENCY);
        ServingModel.Point p = m.at(1);
        assertThat(p.memoryBound()).isTrue();
        assertThat(p.tpotMs() / 1e3).isEqualTo(m.stepSeconds(1), within(1e-12));
        assertThat(m.stepSeconds(1)).isBetween(weightRead, weightRead * 1.01); // plus one sequence's KV cache
        assertThat(p.ttftMs()).isLessThan(p.e2eMs());
    }

    @Test
    void prefixCacheHitsShortenPrefill() {
        ModelSpec s = model("llama-3.1-70b");
        ServingModel cold = new ServingModel(s, acc("h100-sxm"), Precision.FP8, 2, 4000, 200, 0);
        ServingModel warm = new ServingModel(s, acc("h100-sxm"), Precision.FP8, 2, 4000, 200, 0.75);
        assertThat(warm.at(1).ttftMs()).isLessThan(cold.at(1).ttftMs() * 0.5);
    }

    @Test
    void noBatchBeatsTheFlopsLowerBoundTheCatalogSearchRelieson() {
        for (String model : new String[] {"llama-3.1-8b", "llama-3.1-70b", "mixtral-8x7b", "resnet-50"}) {
            for (String a : new String[] {"t4", "l4", "a100-80gb", "h100-sxm", "b200", "mi300x"}) {
                for (Precision p : new Precision[] {Precision.BF16, Precision.FP8, Precision.INT4}) {
                    for (int tp : new int[] {1, 2, 8}) {
                        ServingModel m = new ServingModel(model(model), acc(a), p, tp, 700, 300, 0.3);
                        if (!m.fits()) {
                            continue;
                        }
                        double bound = m.minAcceleratorSecondsPerRequest();
                        for (int b = 1; b <= m.maxBatch(); b *= 3) {
                            double actual = tp / m.at(b).requestsPerSecond();
                            assertThat(actual).as(model + " " + a + " " + p + " tp" + tp + " b" + b)
                                    .isGreaterThanOrEqualTo(bound * (1 - 1e-12));
                        }
                    }
                }
            }
        }
    }
}
