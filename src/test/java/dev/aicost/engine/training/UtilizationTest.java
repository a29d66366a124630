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
        // Tuned: the loss 1 + C·k·hidden·(routing layers)/active counts those 24 layers only; typical: its 15 %.
        double routedAll = 1 * 5120.0 * 48 / 1.7e10;
        double[] half = maverick(",'moeLayers':24");
        double[] all = maverick("");
        assertThat(half[0] / all[0]).isCloseTo((1 + Utilization.MOE_C * routedAll)
                / (1 + Utilization.MOE_C * routedAll / 2), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(half[1] / all[1]).isCloseTo((1 - 0.5 * (1 - Utilization.MOE_FACTOR)) / Utilization.MOE_FACTOR,
                org.assertj.core.data.Offset.offset(0.02));
        // Every layer routing (Mixtral, or moeLayers equal to layers) is the same law.
        assertThat(maverick(",'moeLayers':48")[0]).isEqualTo(all[0]);
    }

    /** Tuned bf16 MFU of a catalog model on 512 H100s. */
    static double tunedMfu(String model) {
        return Fixtures.estimate("{'model':{'id':'" + model + "'},'training':{'tokens':1e12,'accelerator':'h100-sxm',"
                + "'accelerators':512,'precision':'bf16','efficiency':'tuned'}}").training().cluster().mfu();
    }

    @Test
    void theCatalogsLlama4RowsRouteLikeTheirConfigs() {
        // config.json: Scout routes in all 48 layers, Maverick in 24 (interleave_moe_layer_step 2); each token
        // goes to one expert (plus the shared one, inside the 17B active), so both pay far less than DeepSeek-V3,
        // which sends every token to 8 of 256 small experts in 58 of 61 layers.
        assertThat(model("llama-4-maverick").moeLayerShare()).isEqualTo(0.5);
        assertThat(model("llama-4-scout").moeLayerShare()).isEqualTo(1.0);
        double maverick = tunedMfu("llama-4-maverick");
        double scout = tunedMfu("llama-4-scout");
        double deepseek = tunedMfu("deepseek-v3");
        // (Maverick's 400B are split over more GPUs than Scout's 109B: its model-parallel loss offsets its routing.)
        assertThat(deepseek).isLessThan(scout).isLessThan(0.95 * maverick);
        // The loss itself: Maverick's routing share of the step is half of Scout's.
        assertThat(model("llama-4-maverick").routingPerActiveParameter())
                .isCloseTo(model("llama-4-scout").routingPerActiveParameter() / 2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(model("deepseek-v3").routingPerActiveParameter()).isCloseTo(8 * 7168.0 * 58 / 3.7e10,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    /** A 3B model 36 layers deep and 2048 wide (SmolLM-shaped), as the engine resolves it. */
    static final ModelSpec NARROW_3B = new ModelSpec("narrow-3b", "3B, 2048 wide", dev.aicost.catalog.ModelKind.LLM,
            3.0e9, 3.0e9, 36, 2048, 16, 4, 128, 128_256, 65_536, 0, 0, dev.aicost.catalog.Source.request(),
            ModelSpec.Architecture.DENSE);

    static dev.aicost.report.CostReport narrow3b() {
        return Fixtures.estimate("{'model':{'parameters':3.0e9,'layers':36,'hiddenSize':2048,'attentionHeads':16,"
                + "'kvHeads':4,'headDim':128,'vocabSize':128256},'training':{'tokens':1e12,'accelerator':'h100-sxm',"
                + "'accelerators':384,'precision':'bf16'}}");
    }

    @Test
    void aNarrowModelIsNotPushedOffTheProductionFitsCliff() {
        // No calibrated production run is narrower than 4,096: the fit's width term would put a 2048-wide 3B model
        // on H100 at the floor (35 % of tuned, MFU 0.148); it leans halfway (geometrically) to the tuned law.
        Accelerator h100 = acc("h100-sxm");
        double[] bounds = Utilization.typicalBounds(h100, NARROW_3B, Precision.BF16).orElseThrow();
        assertThat(bounds[0]).isCloseTo(Utilization.TYPICAL_FLOOR * bounds[1], org.assertj.core.data.Offset.offset(1e-9));
        dev.aicost.report.CostReport r = narrow3b();
        double mfu = r.training().cluster().mfu();
        assertThat(mfu).isGreaterThanOrEqualTo(0.22).isLessThan(bounds[1])
                .isCloseTo(Math.sqrt(bounds[0] * bounds[1]), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Fixtures.assumption(r, "training.mfu")).contains("narrower than every calibrated production run");
        // The range reaches the hours at the tuned MFU and at the fit's: wide, and the assumption says why.
        assertThat(Fixtures.assumption(r, "ranges.training.modelError")).contains("narrower than every calibrated");
        double hours = r.training().duration().acceleratorHours();
        var range = r.training().ranges().acceleratorHours();
        assertThat(range.p10() / hours).isLessThanOrEqualTo(mfu / bounds[1] + 1e-3);
        assertThat(range.p90() / hours).isGreaterThanOrEqualTo(mfu / bounds[0] - 1e-3);
    }

    @Test
    void insideTheCalibratedWidthsTheProductionFitStands() {
        assertThat(Utilization.typicalBounds(acc("h100-sxm"), model("llama-3.1-8b"), Precision.BF16)).isEmpty();
        assertThat(Utilization.towardTuned(model("llama-3.1-8b"))).isZero();
        // A 3072-wide model is a little outside: a fifth of the way (log2(4096/3072) / 2).
        assertThat(Utilization.towardTuned(model("llama-3.2-3b"))).isCloseTo(Math.log(4096 / 3072.0) / Math.log(2) / 2,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theCalibratedWidthIsTheNarrowestProductionRunCalibratedOn() {
        double narrowest = Double.MAX_VALUE;
        for (String file : java.util.List.of("/reference/training-runs.json", "/reference/extra-training-runs.json")) {
            for (com.fasterxml.jackson.databind.JsonNode c : Fixtures.resource(file).get("cases")) {
                com.fasterxml.jackson.databind.JsonNode in = c.get("inputs");
                if (c.path("published").has("acceleratorHours")) {
                    // The runs give their size only: the engine derives the width as for any such request.
                    narrowest = Math.min(narrowest, dev.aicost.engine.core.ModelResolver.derivedHidden(
                            in.path("activeParameters").asDouble(in.get("parameters").asDouble())));
                }
            }
        }
        assertThat(narrowest).isEqualTo(Utilization.CALIBRATED_MIN_WIDTH);
    }
}
