package dev.aicost.engine.training;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.engine.Fixtures;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


class UtilizationTest {
    static Accelerator acc(String id) {
        return Fixtures.ENGINE.catalog().accelerator(id).orElseThrow();
    }

    static ModelSpec model(String id) {
        return Fixtures.ENGINE.catalog().model(id).orElseThrow();
    }

    @Test
    void noModernAcceleratorFallsToAFewPercent() {
        for (Accelerator a : Fixtures.ENGINE.catalog().accelerators()) {
            for (String m : new String[] {"llama-3.2-3b", "llama-3.1-8b", "llama-3.1-70b", "mixtral-8x7b"}) {
                // Training parts (with a published ceiling) stay above 10 %, inference parts above 5 %.
                assertThat(Utilization.typical(a, model(m), Precision.BF16)).as(a.id() + " " + m)
                        .isGreaterThan(a.trainingCeiling() != null ? 0.1 : 0.05);
                assertThat(Utilization.tuned(a, model(m), Precision.BF16)).as(a.id() + " " + m).isBetween(0.2, 0.8);
            }
        }
        // The first fit gave 0.025 here (machine balance × width collapsed on TPUs).
        assertThat(Utilization.typical(acc("tpu-v6e"), model("llama-3.1-8b"), Precision.BF16)).isGreaterThan(0.15);
    }

    @Test
    void fp8SpeedsUpTheMatmulShareOnly() {
        double bf16 = Utilization.tuned(acc("h100-sxm"), model("llama-3.1-70b"), Precision.BF16);
        double fp8 = Utilization.tuned(acc("h100-sxm"), model("llama-3.1-70b"), Precision.FP8) * 2; // vs the bf16 peak
        assertThat(fp8 / bf16).isBetween(1.3, 1.6);
        // Without FP8 tensor cores nothing changes.
        assertThat(Utilization.fp8Gain(acc("a100-80gb"), Precision.FP8, 0.5)).isEqualTo(1.0);
    }

    @Test
    void widerModelsMixtureOfExpertsAndModelParallelismBehaveAsPhysicsSays() {
        Accelerator h100 = acc("h100-sxm");
        // Narrow models lose to memory-bound work on a high-balance chip...
        assertThat(Utilization.tuned(acc("tpu-v6e"), model("llama-3.1-8b"), Precision.BF16))
                .isLessThan(Utilization.tuned(acc("tpu-v6e"), model("llama-3.1-70b"), Precision.BF16));
        // ...mixture-of-experts pays for dispatch, the more so the sparser it is.
        double dense = Utilization.tuned(h100, model("llama-3.1-8b"), Precision.BF16);
        double mixtral = Utilization.tuned(h100, model("mixtral-8x7b"), Precision.BF16);
        double deepseek = Utilization.tuned(h100, model("deepseek-v3"), Precision.BF16);
        assertThat(mixtral).isLessThan(dense);
        assertThat(deepseek).isLessThan(mixtral);
        // A tuned stack is at least what production runs reach on the calibrated hardware.
        assertThat(Utilization.tuned(h100, model("llama-3.1-70b"), Precision.BF16))
                .isGreaterThan(Utilization.typical(h100, model("llama-3.1-70b"), Precision.BF16));
    }

    /** Tuned and typical MFU of a Llama-4-Maverick-shaped model (400B total, 17B active, 48 layers of width 5120). */
    static double[] maverick(String moeLayers) {
        double[] out = new double[2];
        int k = 0;
        for (String efficiency : new String[] {"'tuned'", "'typical'"}) {
            out[k++] = Fixtures.estimate("{'model':{'parameters':4.0e11,'activeParameters':1.7e10,'layers':48,"
                    + "'hiddenSize':5120,'attentionHeads':40,'kvHeads':8,'headDim':128,'experts':128,'expertsPerToken':1"
                    + moeLayers + "},'training':{'tokens':1e12,'accelerator':'h100-sxm','accelerators':512,"
                    + "'precision':'bf16','efficiency':" + efficiency + "}}").training().cluster().mfu();
        }
        return out;
    }

    @Test
    void onlyTheLayersThatRouteToExpertsPayTheMixtureOfExpertsLoss() {
        // Llama 4 Maverick alternates dense and MoE feed-forward layers (interleave_moe_layer_step 2: 24 of 48).
        // Tuned: the loss 1 + C·(total/active − 1) applies to that share of the step only; typical: its 15 %.
        double ratio = 4.0e11 / 1.7e10 - 1;
        double[] half = maverick(",'moeLayers':24");
        double[] all = maverick("");
        assertThat(half[0] / all[0]).isCloseTo((1 + Utilization.MOE_C * ratio) / (1 + Utilization.MOE_C * 0.5 * ratio),
                org.assertj.core.data.Offset.offset(1e-3));
        assertThat(half[1] / all[1]).isCloseTo((1 - 0.5 * (1 - Utilization.MOE_FACTOR)) / Utilization.MOE_FACTOR,
                org.assertj.core.data.Offset.offset(0.02));
        // Every layer routing (Mixtral, or moeLayers equal to layers) is the previous law.
        assertThat(maverick(",'moeLayers':48")[0]).isEqualTo(all[0]);
    }
}
