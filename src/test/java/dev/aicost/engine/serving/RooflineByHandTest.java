package dev.aicost.engine.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.request.InferenceInput.LatencyTarget;
import org.junit.jupiter.api.Test;

/**
 * One replica's roofline worked by hand from the catalog's datasheet figures and the model's constants:
 * Llama 3.1 8B in bf16 on one and on two H100 SXM, 1,000 prompt tokens (a quarter of them in the prefix
 * cache) and 200 output tokens.
 */
class RooflineByHandTest {
    static final Catalog CATALOG = Catalog.builtIn();
    static final ModelSpec LLAMA = CATALOG.model("llama-3.1-8b").orElseThrow();
    static final Accelerator H100 = CATALOG.accelerator("h100-sxm").orElseThrow();

    static double rel(double v) {
        return Math.abs(v) * 1e-12;
    }

    @Test
    void prefillDecodeAndMemoryAsTheRooflineSays() {
        for (int tp : new int[] {1, 2}) {
            ServingModel m = new ServingModel(LLAMA, H100, Precision.BF16, tp, 1000, 200, 0.25);
            double eff = H100.servingEfficiency();
            double peak = H100.bf16PeakFlops();
            double bw = H100.bandwidthBytesPerSecond();
            double weights = LLAMA.parameters() * 2;
            double kvPerToken = LLAMA.layers() * LLAMA.kvValuesPerTokenPerLayer() * 2;
            assertThat(m.weightsBytes).isEqualTo(weights);
            assertThat(m.kvBytesPerToken).isEqualTo(kvPerToken);

            // Prefill: 750 uncached tokens, each attending on average to the 250 cached and half the new ones.
            double attention = 4.0 * LLAMA.layers() * LLAMA.attentionWidth() * 750 * 625;
            double compute = (2.0 * LLAMA.activeParameters() * 750 + attention) / (tp * peak * 0.5 * eff);
            double weightRead = weights / (tp * bw * 0.7 * eff);
            double link = H100.interconnectBytesPerSecond();
            double comm = tp == 1 ? 0 : 2.0 * LLAMA.layers() * (8e-6 + 750 * LLAMA.hiddenSize() * 2.0 * 2.0 * 1 / 2 / link);
            double prefill = Math.max(compute, weightRead) + comm;

            // A decode step at batch 16: the weights once, every sequence's KV cache at its average context.
            int b = 16;
            double kvTokens = 1000 + 100;
            double memory = (weights + b * kvTokens * kvPerToken) / (tp * bw * 0.7 * eff);
            double flops = b * (2.0 * LLAMA.activeParameters() + 4.0 * LLAMA.layers() * LLAMA.decodeAttentionWidth()
                    * kvTokens) / (tp * peak * 0.5 * eff);
            double stepComm = tp == 1 ? 0 : 2.0 * LLAMA.layers() * 8e-6
                    + b * 2.0 * LLAMA.layers() * LLAMA.hiddenSize() * 2.0 * 2.0 * 1 / 2 / link;
            double step = Math.max(memory, flops) + stepComm + 0.0003 + LLAMA.layers() * 0.000022; // the typical stack's
            assertThat(m.stepSeconds(b)).as("step, tp %d", tp).isCloseTo(step, within(rel(step)));

            ServingModel.Point p = m.at(b);
            double tpot = step + prefill * (b - 1) / 200;
            double ttft = 0.002 + LLAMA.layers() * 0.00028 + prefill + step;
            assertThat(p.tpotMs()).isCloseTo(tpot * 1e3, within(rel(tpot * 1e3)));
            assertThat(p.ttftMs()).isCloseTo(ttft * 1e3, within(rel(ttft * 1e3)));
            assertThat(p.e2eMs()).isCloseTo((ttft + 199 * tpot) * 1e3, within(rel(ttft * 1e6)));
            double perRequest = prefill + 200 * step / b;
            assertThat(p.requestsPerSecond()).isCloseTo(1 / perRequest, within(rel(1 / perRequest)));
            assertThat(p.prefillShare()).isCloseTo(prefill / perRequest, within(1e-12));
            assertThat(p.memoryBound()).isEqualTo(memory >= flops);
            // Alone, a request waits for no other's decode step.
            assertThat(m.at(1).ttftMs()).isCloseTo((0.002 + LLAMA.layers() * 0.00028 + prefill) * 1e3, within(rel(1e3)));

            // Memory: 90 % of each accelerator's memory, less the activations of one forward over 8,192 tokens
            // (the residual's 4,096 values a token, plus 13.5 × 4,096 split over the ranks, 2 bytes each), holds
            // the weights and the KV cache, which takes what the weights leave.
            double usable = tp * (H100.memoryBytes() * 0.9 - 8192 * 2.0 * (4096 + 13.5 * 4096 / tp));
            assertThat(m.usableBytes()).isEqualTo(usable);
            assertThat(m.fits()).isTrue();
            assertThat(m.maxBatch()).isEqualTo((int) Math.min(65_536, Math.floor((usable - weights)
                    / (kvTokens * kvPerToken))));

            // The least accelerator time a request needs, whatever the batch: its FLOPs at the efficiencies.
            double least = 2.0 * LLAMA.activeParameters() * 750 / (peak * 0.5 * eff)
                    + 2.0 * LLAMA.activeParameters() * 200 / (peak * 0.5 * eff);
            assertThat(m.minAcceleratorSecondsPerRequest()).isCloseTo(least, within(rel(least)));
        }
    }

    @Test
    void aTargetIsMetExactlyAtItsFigures() {
        ServingModel m = new ServingModel(LLAMA, H100, Precision.BF16, 1, 1000, 200, 0);
        for (int b : new int[] {1, 8, 64}) {
            ServingModel.Point p = m.at(b);
            assertThat(m.meetsAt(b, new LatencyTarget(p.ttftMs(), p.tpotMs(), p.e2eMs()))).isTrue();
            assertThat(m.meetsAt(b, new LatencyTarget(Math.nextDown(p.ttftMs()), null, null))).isFalse();
            assertThat(m.meetsAt(b, new LatencyTarget(null, Math.nextDown(p.tpotMs()), null))).isFalse();
            assertThat(m.meetsAt(b, new LatencyTarget(null, null, Math.nextDown(p.e2eMs())))).isFalse();
            assertThat(m.meetsAt(b, null)).isTrue();
        }
    }

    @Test
    void aModelThatDoesNotFitHasNoBatch() {
        ModelSpec big = CATALOG.model("llama-3.1-405b").orElseThrow();
        ServingModel m = new ServingModel(big, H100, Precision.BF16, 1, 1000, 200, 0);
        assertThat(m.fits()).isFalse();
        assertThat(m.maxBatch()).isZero();
        // Exactly at the limit it fits: the weights plus one full-length sequence in the usable memory.
        ServingModel eight = new ServingModel(LLAMA, H100, Precision.BF16, 1, 1000, 200, 0);
        assertThat(eight.fits()).isEqualTo(eight.weightsBytes + 1200 * eight.kvBytesPerToken <= eight.usableBytes());
    }

    @Test
    void mixtureOfExpertsDecodesAtLowerEfficiency() {
        ModelSpec mixtral = CATALOG.model("mixtral-8x7b").orElseThrow();
        ServingModel m = new ServingModel(mixtral, H100, Precision.FP8, 2, 1000, 200, 0);
        double eff = H100.servingEfficiency();
        double peak = H100.nativePeakFlops(Precision.FP8).orElseThrow();
        double least = 2.0 * mixtral.activeParameters() * 1000 / (peak * 0.5 * eff)
                + 2.0 * mixtral.activeParameters() * 200 / (peak * 0.5 * eff * 0.7);
        assertThat(m.minAcceleratorSecondsPerRequest()).isCloseTo(least, within(rel(least)));
        assertThat(m.kvBytesPerToken).isEqualTo(mixtral.layers() * mixtral.kvValuesPerTokenPerLayer() * 1.0);
    }
}
