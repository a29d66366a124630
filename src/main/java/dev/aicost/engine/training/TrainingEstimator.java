package dev.aicost.engine.training;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.EnergyProfile;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.catalog.PricingMode;
import dev.aicost.engine.core.Hardware;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;
import dev.aicost.engine.lifecycle.Lifecycle;
import dev.aicost.report.Money;
import dev.aicost.report.TrainingReport.MemoryPlan;
import dev.aicost.report.TrainingReport.Retraining;
import dev.aicost.report.TrainingReport.TrainingBreakdown;
import dev.aicost.report.TrainingReport;
import dev.aicost.request.Bound;
import dev.aicost.request.InvalidRequestException;
import dev.aicost.request.TrainingInput.Efficiency;
import dev.aicost.request.TrainingInput.Kind;
import dev.aicost.request.TrainingInput;

/**
 * Training: FLOPs ≈ 6·N_active·D (8 with full recomputation, 4 for LoRA) plus the attention term,
 * over peak × MFU × goodput × accelerators; memory from bytes per parameter and activations;
 * money by pricing mode. The default MFU is a physical model fitted to published runs (docs/training-model.md).
 */
public final class TrainingEstimator {
    /** Share of wall-clock that is productive after failures, restarts and checkpoints (Llama 3: ~90 %). */
    static final double GOODPUT = 0.9;
    static final int DEFAULT_SEQUENCE = 4096;
    static final double CHINCHILLA_TOKENS_PER_PARAMETER = 20.0;
    static final double DEFAULT_FINETUNE_TOKENS = 3e8;
    static final double DEFAULT_TARGET_DAYS = 30.0;
    static final double SPOT_RESTART_OVERHEAD = 0.10;
    static final int MAX_DEFAULT_CLUSTER = 100_000;
    /** The most accelerators a request may name, and so the most a deadline is met with. */
    static final int MAX_ACCELERATORS = (int) Bound.ACCELERATORS.max();

    private final Hardware hardware;

    public TrainingEstimator(Hardware hardware) {
        this.hardware = hardware;
    }

    /** The estimate plus what the lifecycle needs to place training spend in time. */
    public record Result(TrainingReport report, double runCostUsd, double engineeringUsd, Double retrainEveryMonths,
            double retrainCostUsd, double wallClockDays, Accelerator accelerator, Precision precision,
            PricingMode pricingMode, MemoryPlan memory) {

        public Lifecycle.TrainingSpend spend() {
            return new Lifecycle.TrainingSpend(runCostUsd, engineeringUsd, retrainEveryMonths, retrainCostUsd);
        }
    }

    public Result estimate(ModelSpec model, TrainingInput in, EnergyProfile energy, Hardware.Owned owned, Notes notes) {
        if (model.kind() != ModelKind.LLM) {
            throw InvalidRequestException.of("training", "training estimates need a language model's parameters and "
                    + "tokens; this model is given by flopsPerRequest/weightsBytes", "a model with parameters");
        }
        Kind kind = notes.orDefault(in.kind(), Kind.PRETRAINING, "training.kind", "pretraining from scratch");
        Accelerator acc = hardware.resolve(in.accelerator(), "h100-sxm", "training.accelerator",
                "the most common accelerator for large training runs", notes);
        Precision precision = notes.orDefault(in.precision(), Precision.BF16, "training.precision",
                "bf16 mixed precision, the standard for LLM training");
        int seq = notes.orDefault(in.sequenceLength(), DEFAULT_SEQUENCE, "training.sequenceLength",
                "typical pretraining context; sets the attention FLOPs");
        boolean ckpt = Boolean.TRUE.equals(in.activationCheckpointing());
        double tokens = tokens(model, in, kind, notes);

        // Compute: model FLOPs per token and the attention term the hardware also executes.
        double perToken = kind == Kind.LORA ? 4 : 6;
        if (ckpt) {
            perToken += 2;
        }
        // Causal attention: QKᵀ and ·V over half the sequence on average (FlashAttention skips the masked half).
        double attentionPerToken = 12.0 * model.layers() * model.attentionWidth() * model.causalAttendedTokens(seq)
                * perToken / 6.0;
        double flops;
        double executed;
        if (in.flops() != null) {
            flops = in.flops();
            executed = flops;
            notes.assume("training.flops", Num.shown(flops), "given in the request; used as the total executed FLOPs");
        } else {
            flops = perToken * model.activeParameters() * tokens;
            executed = flops + attentionPerToken * tokens;
            double perTokenShown = perToken;
            notes.assume("training.flopsPerToken", Notes.text(() -> Num.show(perTokenShown) + "·N_active"),
                    () -> kind == Kind.LORA ? "LoRA: forward 2·N plus activation gradients 2·N; frozen weights need no "
                            + "weight gradients" + (ckpt ? "; +2·N to recompute activations" : "")
                            : "forward 2·N + backward 4·N" + (ckpt ? " + 2·N recomputation (full activation "
                                    + "checkpointing)" : "") + " (Kaplan et al. 2020)");
            notes.assume("training.attentionFlopsPerToken", Num.shown(attentionPerToken),
                    "12·layers·heads·headDim·(sequence / 2): causal attention (QKᵀ and ·V over half the sequence on "
                            + "average, or the sliding window; MLA widths for latent attention), forward and backward, "
                            + "executed on top of the model FLOPs");
        }

        // Throughput: peak for the precision × MFU × goodput.
        double peak = peakFor(acc, precision, notes);
        double mfu;
        Efficiency efficiency = in.mfu() != null ? null : notes.orDefault(in.efficiency(), Efficiency.TYPICAL,
                "training.efficiency", "what published full runs achieved (production stacks); 'tuned' gives the "
                        + "steady state of NeMo/MaxText-class framework benchmarks");
        if (in.mfu() != null) {
            mfu = in.mfu();
            notes.assume("training.mfu", Num.shown(mfu), "given in the request");
        } else {
            mfu = efficiency == Efficiency.TUNED ? Utilization.tuned(acc, model, precision)
                    : Utilization.typical(acc, model, precision);
            notes.assume("training.mfu", Num.shown(mfu), () -> mfuReason(acc, model, precision, efficiency));
        }
        double goodput = efficiency == Efficiency.TUNED
                ? notes.orDefault(in.goodput(), 1.0, "training.goodput", "a tuned benchmark's steady state: no "
                        + "failures, restarts or checkpoint stalls (a production run loses ~10 %)")
                : notes.orDefault(in.goodput(), GOODPUT, "training.goodput", "share of time doing useful work after "
                        + "failures, restarts and checkpointing (Llama 3: >90 % effective training time at 16k GPUs)");
        double effectiveFlops = peak * mfu * goodput;
        double hours;
        if (in.acceleratorHours() != null) {
            hours = in.acceleratorHours();
            notes.assume("training.acceleratorHours", Num.shown(hours), "given in the request; FLOPs and MFU are not used"
                    + " for time");
        } else {
            hours = executed / effectiveFlops / 3600.0;
        }

        MemoryPlan needed = MemoryPlanner.plan(model, kind, precision, in, acc, seq, ckpt, notes);
        int count = acceleratorCount(in, hours, needed.minAccelerators(), notes);
        if (count < needed.minAccelerators()) {
            notes.warn(() -> "Training does not fit: " + count + " × " + acc.id() + " hold less than the "
                    + Num.show(needed.modelStatesGb()) + " GB of weights, gradients and optimizer states plus "
                    + "activations; it needs at least " + needed.minAccelerators() + " (" + needed.strategy() + ").");
        }
        MemoryPlan memory = needed.withFits(count >= needed.minAccelerators());

        // Money.
        PricingMode mode = notes.orDefault(in.pricingMode(), PricingMode.ON_DEMAND, "training.pricingMode",
                "on-demand list price");
        Hardware.Price price = hardware.price(acc, mode, in.offer(), in.pricePerAcceleratorHourUsd(),
                in.accelerator() == null ? null : in.accelerator().pricePerHourUsd(), owned, false, energy, "training",
                notes);
        int instances = SpotRuns.instances(hardware.catalog(), count, price.offer());
        double overheadShare = mode != PricingMode.SPOT ? 0 : in.spotRestartOverhead() != null
                ? in.spotRestartOverhead() : SpotRuns.overhead(instances, notes);
        if (mode == PricingMode.SPOT && instances > SpotRuns.MAX_SPOT_INSTANCES) {
            notes.warn(() -> "training: spot is not recommended for a synchronous run on " + instances
                    + " instances: any one reclaimed stalls all of them, and getting " + instances + " spot instances "
                    + "back at once is not assured (AWS: spot does not suit tightly coupled multi-node work).");
        }
        double overheadHours = hours * overheadShare;
        double days = (hours + overheadHours) / count / 24.0;
        double compute = hours * price.capitalPerHourUsd();
        double restart = overheadHours * price.capitalPerHourUsd();
        double power = (hours + overheadHours) * price.powerPerHourUsd();
        double expShare = in.experimentsOverhead() != null ? in.experimentsOverhead() : 0.0;
        if (in.experimentsOverhead() == null) { // shown as 0, not 0.0, since the first reports
            notes.assume("training.experimentsOverhead", 0, "only the final run is priced, as published "
                    + "training costs are; ablations and failed runs typically add 0.3–1.0× (set experimentsOverhead)");
        }
        double runCost = compute + restart + power;
        if ((mode == PricingMode.COMMIT_1Y || mode == PricingMode.COMMIT_3Y) && price.offer() != null) {
            double termDays = mode == PricingMode.COMMIT_1Y ? 365 : 3 * 365;
            if (days < termDays) {
                double wholeTerm = count * termDays * 24 * price.perHourUsd();
                notes.warn(() -> "training: a " + mode.wireName() + " commitment bills all " + Math.round(termDays)
                        + " days of its term; the run uses " + Num.show(Num.sig(days, 3)) + " of them, so its $"
                        + Money.usd(runCost) + " assumes the " + count + " reserved accelerators stay busy with "
                        + "other work the rest of the term (reserved for this run alone: $" + Money.usd(wholeTerm)
                        + "; on-demand or a capacity block may be cheaper).");
            }
        }
        double experiments = runCost * expShare;
        double engineering = in.engineering() == null ? 0 : in.engineering().people() * in.engineering().months()
                * in.engineering().monthlyCostUsd();
        double total = runCost + experiments + engineering;

        double kwh = (hours + overheadHours) * acc.tdpW() / 1000.0 * Hardware.AVERAGE_POWER_FRACTION * energy.pue();
        double co2 = kwh * energy.carbonKgPerKwh() / 1000.0;
        notes.assume("training.energy", Notes.text(() -> "TDP × " + Hardware.AVERAGE_POWER_FRACTION + " × PUE "
                + energy.pue() + ", " + energy.carbonKgPerKwh() + " kgCO2/kWh"), () -> "energy profile '" + energy.id() + "': "
                + energy.source().cite());

        Retraining retraining = null;
        double retrainCost = 0;
        if (in.retrainEveryMonths() != null) {
            double rTokens = in.retrainTokens() != null ? in.retrainTokens() : tokens;
            if (in.retrainTokens() == null) {
                notes.assume("training.retrainTokens", Num.shown(rTokens), "each retraining run repeats the "
                        + "initial run's tokens");
            }
            double scale = rTokens / tokens;
            retrainCost = (runCost + experiments) * scale;
            retraining = new Retraining(in.retrainEveryMonths(), rTokens, Num.sig(hours * scale),
                    Num.money(retrainCost));
        }

        TrainingReport report = new TrainingReport(kind.wireName(),
                new TrainingReport.Work(Num.sig(tokens), Num.sig(flops), Num.sig(executed)),
                new TrainingReport.Cluster(acc.id(), precision.wireName(), count, Num.sig(mfu), goodput,
                        Num.sig(peak * mfu / 1e12)),
                new TrainingReport.Duration(Num.sig(hours), Num.sig(days)),
                new TrainingReport.Pricing(mode.wireName(), price.offer(), Num.money(price.perHourUsd())),
                Num.money(total), new TrainingBreakdown(Num.money(compute), Num.money(restart), Num.money(power),
                        Num.money(experiments), Num.money(engineering)),
                new TrainingReport.Energy(Num.sig(kwh), Num.sig(co2)), memory, retraining, price.owned());
        return new Result(report, runCost + experiments, engineering, in.retrainEveryMonths(), retrainCost, days,
                acc, precision, mode, memory);
    }

    private double tokens(ModelSpec model, TrainingInput in, Kind kind, Notes notes) {
        if (in.tokens() != null) {
            return in.tokens();
        }
        if (kind == Kind.PRETRAINING) {
            double t = CHINCHILLA_TOKENS_PER_PARAMETER * model.parameters();
            notes.assume("training.tokens", Num.shown(t), "Chinchilla rule: 20 tokens per parameter (Hoffmann et al. "
                    + "2022), compute-optimal for the model's size");
            return t;
        }
        notes.assume("training.tokens", Num.shown(DEFAULT_FINETUNE_TOKENS), "a typical fine-tuning set: ~100M tokens "
                + "× 3 epochs");
        return DEFAULT_FINETUNE_TOKENS;
    }

    /** Peak FLOP/s for the training precision; falls back (with a warning) where the chip lacks it. */
    static double peakFor(Accelerator acc, Precision precision, Notes notes) {
        switch (precision) {
            case FP8:
                if (acc.nativePeakFlops(Precision.FP8).isPresent()) {
                    return acc.nativePeakFlops(Precision.FP8).getAsDouble();
                }
                notes.warn(() -> acc.id() + " has no FP8 tensor cores: FP8 training runs at the BF16 rate here.");
                return acc.bf16PeakFlops();
            case TF32:
                if (acc.nativePeakFlops(Precision.TF32).isPresent()) {
                    return acc.nativePeakFlops(Precision.TF32).getAsDouble();
                }
                notes.warn(() -> acc.id() + " has no TF32 tensor cores: TF32 runs at the FP32 rate here.");
                return acc.nativePeakFlops(Precision.FP32).orElse(acc.bf16PeakFlops() / 4);
            case FP32:
                notes.assume("training.peak", "fp32 (no tensor cores)", "pure FP32 arithmetic; tf32 or bf16 run on "
                        + "tensor cores and are many times faster");
                return acc.nativePeakFlops(Precision.FP32).orElse(acc.bf16PeakFlops() / 4);
            default:
                return acc.bf16PeakFlops();
        }
    }

    private static String mfuReason(Accelerator acc, ModelSpec model, Precision precision, Efficiency efficiency) {
        String fp8 = precision == Precision.FP8 && acc.nativePeakFlops(Precision.FP8).isPresent()
                ? ", FP8 speeding up the matmul share of the time only" : "";
        String moe = model.mixtureOfExperts() ? ", mixture-of-experts" : "";
        if (efficiency == Efficiency.TUNED) {
            return "tuned-stack default for " + acc.id() + " (ceiling " + Num.show(acc.trainingCeiling() != null
                    ? acc.trainingCeiling() : Utilization.DEFAULT_CEILING) + " of peak, a " + Num.show(Utilization.width(
                    model)) + "-wide model" + moe + fp8 + "); fitted on NeMo, MaxText and TorchTitan throughput tables";
        }
        String typical = "typical default for " + acc.id() + " (machine balance " + Num.show(acc.machineBalance())
                + " FLOP/byte) and a " + Num.show(Utilization.width(model)) + "-wide model" + moe + fp8
                + "; calibrated on published Llama, BLOOM, Falcon, MPT and DeepSeek runs, never below "
                + Math.round(Utilization.TYPICAL_FLOOR * 100) + " % of the tuned figure";
        return typicalMfuBounds(acc, model, precision).map(b -> typical + "; narrower than every calibrated "
                + "production run (" + Num.show(Utilization.CALIBRATED_MIN_WIDTH) + " wide), so no published run pins "
                + "it: taken between the production fit's extrapolation (" + Num.shown(b[0]) + ") and the tuned "
                + "figure (" + Num.shown(b[1]) + "), and the range spans both").orElse(typical);
    }

    /**
     * For a model narrower than every calibrated production run, the typical MFU's bounds: the production fit's
     * extrapolation and the tuned figure (the range spans them); empty for a model inside the calibrated widths.
     */
    public static java.util.Optional<double[]> typicalMfuBounds(Accelerator acc, ModelSpec model, Precision precision) {
        return Utilization.typicalBounds(acc, model, precision);
    }

    private int acceleratorCount(TrainingInput in, double hours, int minimum, Notes notes) {
        if (in.accelerators() != null) {
            return in.accelerators();
        }
        if (in.deadlineDays() != null) {
            int n = roundToNode((int) Math.min(MAX_ACCELERATORS, Math.ceil(hours / (in.deadlineDays() * 24.0))));
            if (hours / (in.deadlineDays() * 24.0) > MAX_ACCELERATORS) {
                notes.warn(() -> "The " + Num.show(in.deadlineDays()) + "-day deadline needs more than "
                        + MAX_ACCELERATORS + " accelerators; the estimate uses that many and runs longer.");
            }
            int count = Math.max(n, minimum);
            notes.assume("training.accelerators", count, () -> "the fewest that finish within the " + Num.show(
                    in.deadlineDays()) + "-day deadline" + (count > n ? " (raised to the memory minimum)" : "")
                    + ", rounded up to whole 8-accelerator nodes");
            return count;
        }
        int n = roundToNode((int) Math.min(MAX_DEFAULT_CLUSTER, Math.ceil(hours / (DEFAULT_TARGET_DAYS * 24.0))));
        int count = Math.max(n, Math.max(1, minimum));
        notes.assume("training.accelerators", count, () -> "neither accelerators nor deadlineDays given: enough to finish in"
                + " about " + (int) DEFAULT_TARGET_DAYS + " days (at most " + MAX_DEFAULT_CLUSTER + ", the largest "
                + "clusters in use), at least the memory minimum, in whole 8-accelerator nodes");
        return count;
    }

    private static int roundToNode(int n) {
        if (n <= 8) {
            return Math.max(1, Integer.highestOneBit(Math.max(1, n - 1)) << (n > 1 ? 1 : 0));
        }
        return (int) Math.min(Integer.MAX_VALUE / 2, (long) Math.ceil(n / 8.0) * 8);
    }
}
