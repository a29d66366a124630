package dev.aicost.engine.serving;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.engine.inference.ReplicaChoice;
import dev.aicost.request.InferenceInput.LatencyTarget;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


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
    void aRackScaleNvlinkDomainKeepsWideTensorParallelOnNvlink() {
        // Tensor parallel 16 leaves an 8-GPU B200 server for the scale-out network; a GB200 NVL72 rack keeps
        // all 72 GPUs on NVLink, so the same split's all-reduces run at NVLink speed.
        assertThat(acc("gb200").scaleUpDomain()).isEqualTo(72);
        assertThat(acc("b200").scaleUpDomain()).isEqualTo(8);
        ModelSpec s = model("llama-3.1-405b");
        ServingModel rack = new ServingModel(s, acc("gb200"), Precision.FP8, 16, 1000, 200, 0);
        ServingModel servers = new ServingModel(s, acc("b200"), Precision.FP8, 16, 1000, 200, 0);
        assertThat(rack.linkBytesPerSecond).isEqualTo(acc("gb200").interconnectBytesPerSecond());
        assertThat(servers.linkBytesPerSecond).isEqualTo(ServingModel.CROSS_NODE_GBS * 1e9);
        assertThat(rack.at(64).tpotMs()).isLessThan(servers.at(64).tpotMs());
        // Within one server both stay on NVLink.
        assertThat(new ServingModel(s, acc("b200"), Precision.FP8, 8, 1000, 200, 0).linkBytesPerSecond)
                .isEqualTo(acc("b200").interconnectBytesPerSecond());
    }

    @Test
    void theRuntimesActivationWorkspaceComesOutOfTheKvCache() {
        // One forward over 8,192 batched tokens: 8,192 × 2 bytes × (4,096 + 13.5 × 4,096) = 0.97 GB for an 8B model
        // on one GPU; its sharded part halves with each doubling of tensor parallelism.
        ServingModel one = new ServingModel(model("llama-3.1-8b"), acc("h100-sxm"), Precision.FP8, 1, 500, 250, 0);
        assertThat(one.workspaceBytesPerAccelerator()).isEqualTo(8192 * 2.0 * 14.5 * 4096);
        ServingModel two = new ServingModel(model("llama-3.1-8b"), acc("h100-sxm"), Precision.FP8, 2, 500, 250, 0);
        assertThat(two.workspaceBytesPerAccelerator()).isEqualTo(8192 * 2.0 * (4096 + 13.5 * 4096 / 2));
        assertThat(one.usableBytes()).isEqualTo(80e9 * 0.9 - one.workspaceBytesPerAccelerator());
        // Llama 3.1 70B in fp8 (70.6 GB) no longer fits one H100's 72 GB once the 2 GB of activations for its
        // 8,192-wide forward are kept (vLLM's start-up profile refuses it with default settings); two do.
        assertThat(new ServingModel(model("llama-3.1-70b"), acc("h100-sxm"), Precision.FP8, 1, 500, 250, 0).fits())
                .isFalse();
        assertThat(new ServingModel(model("llama-3.1-70b"), acc("h100-sxm"), Precision.FP8, 2, 500, 250, 0).fits())
                .isTrue();
    }

    @Test
    void fp4SpeedsUpOnlyTheGemmShareOfAComputeBoundStep() {
        // Two thirds of a compute-bound step (0.5 of peak over GEMMs' 0.75) are GEMMs; FP4 runs them 0.9 × 2 = 1.8×
        // faster than FP8 on B200, the rest (attention at FP8, norms, quantisation) not: 1 / (2/3 / 1.8 + 1/3).
        double b200Fp8 = acc("b200").nativePeakFlops(Precision.FP8).getAsDouble();
        assertThat(ServingModel.fp4Flops(acc("b200")) / b200Fp8).isCloseTo(1.0 / (2.0 / 3 / 1.8 + 1.0 / 3), within(1e-9));
        assertThat(ServingModel.fp4Flops(acc("b200")) / b200Fp8).isBetween(1.40, 1.45);
        // B300's FP4 tensor cores are 2.9× its FP8 rate: more of the step speeds up, still not all of it.
        double b300 = ServingModel.fp4Flops(acc("b300")) / acc("b300").nativePeakFlops(Precision.FP8).getAsDouble();
        assertThat(b300).isGreaterThan(1.6).isLessThan(13125.0 / 4500);
        // The replica computes at that rate.
        ServingModel m = new ServingModel(model("llama-3.1-70b"), acc("b200"), Precision.FP4, 1, 500, 250, 0);
        assertThat(m.computeFlops).isEqualTo(ServingModel.fp4Flops(acc("b200")));
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
        // plus one sequence's KV cache and the fixed per-step launch overhead
        assertThat(m.stepSeconds(1) - m.stepOverheadSeconds).isBetween(weightRead, weightRead * 1.01);
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

    @Test
    void mixtureOfExpertsDecodeReadsOnlyTheExpertsTheBatchTouches() {
        ModelSpec mixtral = model("mixtral-8x7b");
        ServingModel m = new ServingModel(mixtral, acc("h100-sxm"), Precision.FP8, 2, 500, 250, 0);
        // 8 experts, 2 per token: one token touches 2 of 8 per layer; 256 tokens touch all of them.
        assertThat(mixtral.expertCoverage(1)).isEqualTo(0.25, within(1e-12));
        assertThat(mixtral.expertCoverage(256)).isGreaterThan(0.999999);
        double routed = mixtral.routedExpertParameters(); // total = shared + routed, active = shared + routed/4
        assertThat(routed).isEqualTo((4.67e10 - 1.29e10) / 0.75, within(1e3));
        assertThat(m.stepWeightBytes(1)).isEqualTo(m.weightsBytes - routed * 0.75, within(1.0));
        assertThat(m.stepWeightBytes(256)).isEqualTo(m.weightsBytes, within(m.weightsBytes * 1e-6));
        // So a single stream decodes far faster than the whole model's bytes would allow.
        assertThat(m.at(1).tpotMs()).isLessThan(0.5 * m.at(256).tpotMs());
        // A dense model reads everything at any batch.
        ServingModel dense = new ServingModel(model("llama-3.1-8b"), acc("h100-sxm"), Precision.FP8, 1, 500, 250, 0);
        assertThat(dense.stepWeightBytes(1)).isEqualTo(dense.weightsBytes);
    }

    @Test
    void latentAttentionSetsDeepSeekV3sKvCacheAndAttentionFlops() {
        ModelSpec ds = model("deepseek-v3");
        // The cache holds a 512-wide latent plus a 64-wide rotary key per token and layer.
        assertThat(ds.kvValuesPerTokenPerLayer()).isEqualTo(576);
        ServingModel m = new ServingModel(ds, acc("h200"), Precision.FP8, 8, 1000, 1000, 0);
        assertThat(m.kvBytesPerToken).isEqualTo(61 * 576 * 1.0);
        // Prefill and training: 128 heads × (128 + 64 query-key + 128 value) / 2 = 20,480 per token attended,
        // where the old 1 KV head × 288 stand-in gave 128 × 288 = 36,864 (training attention overstated).
        assertThat(ds.attentionWidth()).isEqualTo(20_480);
        // Decode with absorbed weights: 128 × (2 · 512 + 64) / 2 = 69,632, 1.9× the stand-in.
        assertThat(ds.decodeAttentionWidth()).isEqualTo(69_632);
        assertThat(ds.decodeAttentionWidth() / (128.0 * 288)).isBetween(1.85, 1.95);
    }

    @Test
    void fp4WeightsAreHalfAByteAndRunOnBlackwellsFp4Cores() {
        ModelSpec s = model("llama-3.1-70b");
        ServingModel b200 = new ServingModel(s, acc("b200"), Precision.FP4, 1, 1000, 200, 0);
        assertThat(b200.weightsBytes).isEqualTo(s.parameters() * 0.5);
        // FP4 tensor cores (9 PFLOPS) run the GEMMs; the step's other third stays at FP8's pace.
        assertThat(b200.computeFlops).isEqualTo(ServingModel.fp4Flops(acc("b200"))).isBetween(4500e12, 9000e12);
        assertThat(b200.computeFallback).isFalse();
        ServingModel fp8 = new ServingModel(s, acc("b200"), Precision.FP8, 1, 1000, 200, 0);
        assertThat(b200.at(64).requestsPerSecond()).isGreaterThan(fp8.at(64).requestsPerSecond());
        // Without FP4 tensor cores, FP4 weights are computed at the FP8 rate.
        assertThat(new ServingModel(s, acc("h100-sxm"), Precision.FP4, 1, 1000, 200, 0).computeFlops).isEqualTo(1979e12);
    }

    @Test
    void aSlidingWindowCapsTheKvCache() {
        ModelSpec mistral = model("mistral-7b"); // 4,096-token window
        ServingModel longPrompt = new ServingModel(mistral, acc("h100-sxm"), Precision.BF16, 1, 16_000, 500, 0);
        assertThat(longPrompt.kvTokens()).isEqualTo(4096);
        ServingModel shortPrompt = new ServingModel(mistral, acc("h100-sxm"), Precision.BF16, 1, 1000, 500, 0);
        assertThat(shortPrompt.kvTokens()).isEqualTo(1250);
        // The same prompt on a model without a window keeps every token and fits far fewer sequences.
        ServingModel llama = new ServingModel(model("llama-3.1-8b"), acc("h100-sxm"), Precision.BF16, 1, 16_000, 500, 0);
        assertThat(llama.kvTokens()).isEqualTo(16_250);
        assertThat(longPrompt.maxBatch()).isGreaterThan(3 * llama.maxBatch());
        assertThat(mistral.causalAttendedTokens(16_000)).isEqualTo(4096 - 4096.0 * 4096 / 32_000, within(1e-9));
    }

    @Test
    void meetsAtAgreesWithThePointItWouldBuild() {
        LatencyTarget[] targets = {null, new LatencyTarget(null, null, null), new LatencyTarget(500.0, null, null),
            new LatencyTarget(null, 40.0, null), new LatencyTarget(2000.0, 50.0, null), new LatencyTarget(null, null, 9000.0),
            new LatencyTarget(300.0, 25.0, 12000.0), new LatencyTarget(5.0, null, 8.0)};
        int checked = 0;
        for (String id : new String[] {"llama-3.1-8b", "llama-3.1-70b", "mixtral-8x7b", "deepseek-v3", "resnet-50"}) {
            for (String acc : new String[] {"h100-sxm", "l4", "a100-80gb"}) {
                for (int tp : new int[] {1, 2, 8}) {
                    ServingModel m = new ServingModel(model(id), acc(acc), Precision.FP8, tp, 1500, 300, 0.2);
                    for (int batch = 1; batch <= 512; batch = batch * 2 + 1) {
                        ServingModel.Point p = m.at(batch);
                        for (LatencyTarget t : targets) {
                            assertThat(m.meetsAt(batch, t)).as(id + " on " + tp + " × " + acc + " at " + batch + ", " + t)
                                    .isEqualTo(ReplicaChoice.meets(p, t));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(2000);
    }
}
