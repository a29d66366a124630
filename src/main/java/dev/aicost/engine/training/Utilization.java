package dev.aicost.engine.training;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.engine.core.Gemm;
import dev.aicost.engine.core.ModelResolver;

/**
 * Training MFU (model FLOPs per second over the precision's peak), two ways:
 *
 * <p><b>Tuned</b>, the steady state of a tuned framework (NeMo/Megatron, MaxText, TorchTitan tables),
 * from four physical losses on the architecture's ceiling ({@link Accelerator#trainingCeiling}):
 * <ul>
 * <li>width: memory-bound work (norms, activations, softmax, optimizer) grows with the model's width d
 * while matmul work grows with d², so its share is κ · machine balance / d;</li>
 * <li>model parallelism: a model whose bf16 weights need many accelerators' memory pays for tensor and
 * pipeline parallel communication, μ per doubling of the shards it is split over;</li>
 * <li>mixture-of-experts: all-to-all dispatch and small expert matmuls, growing with the activations routed
 * per FLOP (k experts per token × width × routing layers / active parameters);</li>
 * <li>FP8 runs the matmul share of the time (MFU ÷ GEMM efficiency) {@link #FP8_GEMM_SPEEDUP} times faster
 * and the rest at the same speed, so its gain is 1.3–1.5×, not 2×.</li>
 * </ul>
 * Fitted (log-least-squares) on 20 published tuned figures: all within ±19 % (docs/calibration.md).
 *
 * <p><b>Typical</b>, what published full production runs achieved: the original balance-and-width
 * fit on A100/H100 runs (Llama, BLOOM, Falcon, MPT, DeepSeek), which those runs reproduce within ±30 %,
 * never below {@link #TYPICAL_FLOOR} of the tuned figure (the lowest published production/tuned ratio
 * is ~0.32: Llama 3.1 8B on H100), so accelerators outside that envelope (TPUs) keep a plausible figure.
 */
final class Utilization {
    /** Share of the memory-bound work per unit of machine balance over width (fit). */
    static final double WIDTH_KAPPA = 3.9;
    /** Loss per doubling of the accelerators the bf16 weights are split over (fit). */
    static final double MODEL_PARALLEL_MU = 0.039;
    /**
     * Mixture-of-experts loss per unit of {@link ModelSpec#routingPerActiveParameter()} (k · hidden · routing
     * layers / active parameters): the all-to-all dispatch and combine and the smaller expert GEMMs grow with the
     * activations routed per FLOP, not with how many experts sit idle. Log-least-squares fit on the five tuned
     * MoE figures (Mixtral 8x7B on TPU v6e and B200, DeepSeek-V3 on H100 and B200, Llama 4 Scout on GB200).
     * The earlier law in total / active parameters gave Llama 4 (one large expert per token, 16 or 128 of
     * them) the loss of a fine-grained model: Scout +44 % hours.
     */
    static final double MOE_C = 9.0e3;
    /** The weights may take this share of memory before the model is split (the rest: gradients, states). */
    static final double WEIGHTS_SHARE = 0.5;
    /** Large bf16 GEMMs reach ~75 % of peak; FP8 GEMMs 1.8× their throughput (2× peak at lower efficiency). */
    static final double BF16_GEMM_EFFICIENCY = Gemm.EFFICIENCY;
    static final double FP8_GEMM_SPEEDUP = 2 * Gemm.RATE_REALISED;
    /**
     * Ceiling assumed for an accelerator without a published tuned figure (an inference part, a custom one):
     * the geometric mean of the fitted families' (A100 0.60, Hopper 0.66, Blackwell 0.59, TPU 0.69), what a
     * tuned stack has reached on every design measured so far. Each family's ceiling judged against the
     * others' mean is off by 3–12 % (the leave-one-source-out errors in docs/ranges.md); a lower prior (0.5)
     * underestimated all of them by 18–38 %.
     */
    static final double DEFAULT_CEILING = 0.63;
    static final double TYPICAL_FLOOR = 0.35;

    // The typical (production) fit: ceiling / (1 + balance / knee), times a width knee; refitted on the 19
    // published runs with causal attention FLOPs (all within ±30 %, most within ±15 %).
    static final double MFU_CEILING = 0.936;
    static final double BALANCE_KNEE = 174.0;
    static final double SIZE_KNEE = 0.068;
    static final double SIZE_POWER = 6.7;
    static final double MOE_FACTOR = 0.85;
    static final double FP8_SPEEDUP = 1.3;

    private Utilization() {
    }

    /** Tuned MFU relative to the precision's own peak. */
    static double tuned(Accelerator acc, ModelSpec model, Precision precision) {
        double ceiling = acc.trainingCeiling() != null ? acc.trainingCeiling() : DEFAULT_CEILING;
        double width = 1.0 / (1.0 + WIDTH_KAPPA * acc.machineBalance() / width(model));
        double shards = Math.max(1.0, 2.0 * model.parameters() / (WEIGHTS_SHARE * acc.memoryBytes()));
        double parallel = 1.0 / (1.0 + MODEL_PARALLEL_MU * Math.log(shards) / Math.log(2));
        // Dispatch and small expert GEMMs cost time in the layers that route, in proportion to the activations
        // routed per FLOP; where dense layers alternate with them (Llama 4 Maverick) only those layers count.
        double moe = 1.0 / (1.0 + MOE_C * model.routingPerActiveParameter());
        double bf16 = ceiling * width * parallel * moe;
        return relativeToPeak(acc, precision, bf16 * fp8Gain(acc, precision, bf16));
    }

    /**
     * The narrowest model among the published production runs the typical law is fitted on (Llama 1/2 7B,
     * Llama 3 8B, MPT-7B: 4,096; {@code UtilizationTest} checks it against the calibration cases).
     */
    static final double CALIBRATED_MIN_WIDTH = 4096;

    /**
     * Typical (production) MFU relative to the precision's own peak. Inside the calibrated widths it is the
     * production fit; for a narrower model no published production run pins it, and the fit's steep width
     * term (set by 8B runs on H100 at the edge) would only extrapolate a cliff, while tuned stacks lose far
     * less width (κ · B / d). There the estimate moves geometrically toward the tuned figure, halfway at half
     * the narrowest calibrated width, and {@link #typicalBounds} spans both for the range.
     */
    static double typical(Accelerator acc, ModelSpec model, Precision precision) {
        double w = towardTuned(model);
        return typicalBounds(acc, model, precision).map(b -> Math.pow(b[0], 1 - w) * Math.pow(b[1], w))
                .orElseGet(() -> typicalFit(acc, model, precision));
    }

    /**
     * How far a typical estimate leans toward the tuned one: 0 inside the calibrated widths, then half of
     * log2(narrowest calibrated width / this width), at most one half.
     */
    static double towardTuned(ModelSpec model) {
        double outside = Math.log(CALIBRATED_MIN_WIDTH / width(model)) / Math.log(2);
        return outside <= 0 ? 0 : Math.min(0.5, outside / 2);
    }

    /**
     * For a model narrower than every calibrated production run: the production fit's extrapolation and the
     * tuned figure, between which its typical MFU is not pinned by any published run; empty inside.
     */
    static java.util.Optional<double[]> typicalBounds(Accelerator acc, ModelSpec model, Precision precision) {
        if (towardTuned(model) == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new double[] {typicalFit(acc, model, precision),
            Math.min(0.75, tuned(acc, model, precision))});
    }

    /** The production fit: balance and width, never below {@link #TYPICAL_FLOOR} of the tuned figure. */
    private static double typicalFit(Accelerator acc, ModelSpec model, Precision precision) {
        double balance = acc.machineBalance();
        double hardware = MFU_CEILING / (1.0 + balance / BALANCE_KNEE);
        double size = 1.0 / (1.0 + Math.pow(balance / width(model) / SIZE_KNEE, SIZE_POWER));
        double bf16 = hardware * size * (1.0 - (1.0 - MOE_FACTOR) * model.moeLayerShare());
        if (fp8(acc, precision)) {
            bf16 *= FP8_SPEEDUP;
        }
        double fit = relativeToPeak(acc, precision, bf16);
        return Math.min(0.75, Math.max(fit, TYPICAL_FLOOR * tuned(acc, model, precision)));
    }

    /**
     * The FP8 speed-up over bf16: the matmul share of the time (bf16 MFU over GEMM efficiency) runs
     * {@link #FP8_GEMM_SPEEDUP} times faster, the rest (memory-bound work, communication) does not.
     */
    static double fp8Gain(Accelerator acc, Precision precision, double bf16Mfu) {
        if (!fp8(acc, precision)) {
            return 1.0;
        }
        double matmulShare = Math.min(0.95, bf16Mfu / BF16_GEMM_EFFICIENCY);
        return Gemm.stepSpeedup(matmulShare, FP8_GEMM_SPEEDUP);
    }

    private static boolean fp8(Accelerator acc, Precision precision) {
        return precision == Precision.FP8 && acc.nativePeakFlops(Precision.FP8).isPresent();
    }

    /** A bf16-equivalent utilisation expressed against the peak the run is priced at. */
    private static double relativeToPeak(Accelerator acc, Precision precision, double bf16Equivalent) {
        return fp8(acc, precision) ? bf16Equivalent * acc.bf16PeakFlops() / acc.nativePeakFlops(Precision.FP8)
                .getAsDouble() : bf16Equivalent;
    }

    static double width(ModelSpec model) {
        return model.hiddenSize() > 0 ? model.hiddenSize() : ModelResolver.derivedHidden(model.activeParameters());
    }
}
