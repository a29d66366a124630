package dev.aicost.engine.advice;

import dev.aicost.catalog.Precision;
import dev.aicost.catalog.WireName;
import dev.aicost.engine.estimate.Estimate;
import dev.aicost.engine.estimate.Phase;
import dev.aicost.engine.training.SpotRuns;
import java.util.List;

/**
 * The cost levers the advisor knows: the phase whose spend each changes, the kind of change
 * (one lever of a kind goes into the best plan), and what it costs besides money.
 */
public enum Lever implements WireName {
    QUANTIZATION_FP8(Phase.INFERENCE, Kind.PRECISION, "weights and KV cache 2× smaller; near-lossless with "
            + "calibrated scales on FP8 hardware"),
    QUANTIZATION_INT8(Phase.INFERENCE, Kind.PRECISION, "2× smaller; small quality loss (W8A8/SmoothQuant), "
            + "validate on your evals"),
    QUANTIZATION_FP4(Phase.INFERENCE, Kind.PRECISION, "NVFP4 weights and activations on Blackwell tensor cores: 4× "
            + "smaller than bf16 and twice FP8's rate; small quality loss with calibrated block scales, validate on "
            + "your evals"),
    QUANTIZATION_INT4(Phase.INFERENCE, Kind.PRECISION, "4× smaller weights; measurable quality loss on some "
            + "tasks (AWQ/GPTQ), validate on your evals"),
    BATCHING(Phase.INFERENCE, Kind.BATCHING, "higher per-request latency within the target; needs continuous "
            + "batching (vLLM, TensorRT-LLM, TGI)"),
    RESPONSE_CACHING(Phase.INFERENCE, Kind.CACHE, "only repeated questions hit; stale answers unless invalidated"),
    ROUTING(Phase.INFERENCE, Kind.ROUTING, "needs a router that sends only easy queries to the small model; "
            + "quality risk on misrouted ones"),
    /** The trade-off names the accelerator: see {@link WhatIfs}. */
    CHEAPER_ACCELERATOR(Phase.INFERENCE, Kind.ACCELERATOR, "different hardware"),
    CPU_SERVING(Phase.INFERENCE, Kind.ACCELERATOR, "server CPUs: a fraction of a GPU's memory bandwidth, so slower "
            + "answers and small batches; quantised weights and a CPU serving stack (llama.cpp, OpenVINO, IPEX)"),
    COMMITMENT(Phase.INFERENCE, Kind.PRICING, "pays for the term even if traffic falls"),
    HYBRID_CAPACITY(Phase.INFERENCE, Kind.PRICING, "commits a baseline for the term (paid even if traffic falls); "
            + "the rest autoscales on demand: needs an autoscaler, new replicas take minutes"),
    /** The trade-off names the provider: see {@link WhatIfs}. */
    CHEAPER_PROVIDER(Phase.INFERENCE, Kind.ACCELERATOR, "another provider"),
    HOSTED_API(Phase.INFERENCE, Kind.SOURCING, "prompts and answers leave your cloud; the provider's rate limits "
            + "and model versions; no custom weights"),
    BATCH_API(Phase.INFERENCE, Kind.SOURCING, "answers within hours (usually 24 h), not seconds; prompts leave "
            + "your cloud"),
    OFF_PEAK(Phase.INFERENCE, Kind.PRICING, "jobs queue for quiet hours and spot capacity, which can be reclaimed: "
            + "checkpoint the queue"),
    SERVERLESS(Phase.INFERENCE, Kind.SCALING, "cold starts: a request that finds no warm worker waits for one to "
            + "start and load the weights; per-second rates are dearer than rented hours under steady load") {
        /**
         * Serverless workers are their own provider and billing: no offer of another provider, commitment or
         * other scaling with them, and no CPU (no serverless CPU offers); another accelerator is fine.
         */
        @Override
        boolean excludes(Lever other) {
            return other.kind() == Kind.SCALING || other.kind() == Kind.PRICING || other == CHEAPER_PROVIDER
                    || other == CPU_SERVING;
        }
    },
    AUTOSCALING(Phase.INFERENCE, Kind.SCALING, "new replicas take minutes to start: queueing at sudden peaks; "
            + "needs an autoscaler"),
    // The saving is priced on TensorRT-LLM, which is free (Apache-2.0, github.com/NVIDIA/TensorRT-LLM); NIM in
    // production is licensed per GPU under NVIDIA AI Enterprise (NVIDIA's licensing guide, docs.nvidia.com/
    // ai-enterprise/planning-resource/licensing-guide), with no public list price to add to the bill.
    TUNED_SERVING_STACK(Phase.INFERENCE, Kind.EFFICIENCY, "a compiled runtime: engines built per model, precision and "
            + "GPU (TensorRT-LLM, NIM); new models and features arrive later than in vLLM; priced as open-source "
            + "TensorRT-LLM: NIM in production needs an NVIDIA AI Enterprise licence per GPU, not in this saving"),
    TUNED_STACK(Phase.TRAINING, Kind.EFFICIENCY, "engineering effort: NeMo/Megatron or MaxText-level parallelism "
            + "tuning and fused kernels; production failures still cost the same goodput"),
    SPOT_TRAINING(Phase.TRAINING, Kind.PRICING, "preemptions: checkpoint often; ~10 % of hours redone and longer "
            + "wall-clock time"),
    /** The trade-off names the provider: see {@link WhatIfs}. */
    TRAINING_PROVIDER(Phase.TRAINING, Kind.ACCELERATOR, "another provider"),
    MIXED_PRECISION(Phase.TRAINING, Kind.PRECISION, "halves weight and activation memory; loss scaling is not "
            + "needed with bf16"),
    FP8_TRAINING(Phase.TRAINING, Kind.PRECISION, "needs an FP8 recipe (Transformer Engine, per-block scaling); "
            + "watch loss spikes"),
    ACTIVATION_CHECKPOINTING(Phase.TRAINING, Kind.MEMORY, "recomputes activations: 8·N·D instead of 6·N·D FLOPs") {
        @Override
        String whyNoSaving(Estimate base, Estimate applied) {
            // It never saves compute; it exists to make a plan fit, so say what it did to the memory minimum.
            return base.training() == null || applied.training() == null ? "" : " (8·N·D instead of 6·N·D); it only "
                    + "pays to fit: minimum accelerators " + base.training().memory().minAccelerators() + " → "
                    + applied.training().memory().minAccelerators();
        }
    };

    /** What a lever changes: the best plan takes at most one lever of each kind per phase. */
    enum Kind {
        PRECISION, BATCHING, CACHE, ROUTING, ACCELERATOR, PRICING, SCALING, MEMORY,
        /** Buying the tokens instead of running a fleet: excludes every other serving lever. */
        SOURCING,
        EFFICIENCY
    }

    private final Phase phase;
    private final Kind kind;
    private final String tradeOff;

    Lever(Phase phase, Kind kind, String tradeOff) {
        this.phase = phase;
        this.kind = kind;
        this.tradeOff = tradeOff;
    }

    Phase phase() {
        return phase;
    }

    Kind kind() {
        return kind;
    }

    String tradeOff() {
        return tradeOff;
    }

    /** Whether this lever cannot be combined with another in the best plan (one of each kind, for most). */
    boolean excludes(Lever other) {
        return other.kind() == kind;
    }

    /** Whether two levers cannot go into one plan (either excluding the other). */
    boolean conflicts(Lever other) {
        return phase == other.phase() && (excludes(other) || other.excludes(this));
    }

    /** Every lever: the run with it applied must still fit and meet what the run without it met. */
    static final String REFITS = "the run with the change still fits its accelerators and meets the latency target the "
            + "run without it met (re-run, not assumed)";

    /**
     * What must hold for this lever to be bought as described, each checked before it is priced (the report's
     * {@code optimizations[].preconditions}); a lever that fails one is listed as not applicable, saying which.
     */
    List<String> preconditions() {
        String specific = switch (this) {
            case HOSTED_API, BATCH_API -> "the plan trains no weights of its own: a hosted API serves the published "
                    + "weights only";
            case SERVERLESS -> "the peak's concurrent GPUs fit a serverless provider's self-serve cap, its CPU, memory "
                    + "and plan fees included; a fleet that never scales to zero is named a provider switch";
            case SPOT_TRAINING -> "the run spans at most " + SpotRuns.MAX_SPOT_INSTANCES
                    + " instances (a synchronous run stops whenever one is reclaimed)";
            case CHEAPER_PROVIDER, TRAINING_PROVIDER, CHEAPER_ACCELERATOR -> "the offer's instance holds a whole "
                    + "replica (tensor-parallel degree ≤ accelerators per instance), and a capacity block only where "
                    + "the run or fleet fits its longest term and instance count";
            case COMMITMENT, HYBRID_CAPACITY -> "the committed baseline is billed for whole terms: a term the horizon "
                    + "cuts is owed to its end (lifecycle.commitmentsBeyondHorizonUsd)";
            case OFF_PEAK -> "the workload is batch: nobody waits on an answer";
            case TUNED_SERVING_STACK -> "the model is a language model on an NVIDIA GPU, which TensorRT-LLM and NIM "
                    + "compile for";
            default -> null;
        };
        return specific == null ? List.of(REFITS) : List.of(specific, REFITS);
    }

    /** What to add to "saves nothing" / "costs more" for this lever; empty for most. */
    String whyNoSaving(Estimate base, Estimate applied) {
        return "";
    }

    static Lever quantization(Precision p) {
        return switch (p) {
            case FP8 -> QUANTIZATION_FP8;
            case INT8 -> QUANTIZATION_INT8;
            case INT4 -> QUANTIZATION_INT4;
            case FP4 -> QUANTIZATION_FP4;
            default -> throw new IllegalArgumentException("no quantization lever for " + p);
        };
    }
}
