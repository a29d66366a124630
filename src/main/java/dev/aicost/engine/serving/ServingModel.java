package dev.aicost.engine.serving;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.ModelKind;
import dev.aicost.catalog.ModelSpec;
import dev.aicost.catalog.Precision;
import dev.aicost.engine.core.Gemm;
import dev.aicost.request.InferenceInput.LatencyTarget;
import dev.aicost.request.InferenceInput.Stack;

/**
 * Roofline performance of one serving replica: {@code tensorParallel} accelerators holding the
 * weights. Prefill is compute-bound; a decode step reads the weights once for the whole batch
 * plus every sequence's KV cache, and is the slower of that memory time and its compute time,
 * plus tensor-parallel all-reduces. Efficiencies are calibrated on published benchmarks (docs/calibration.md).
 */
public final class ServingModel {
    /** Memory kept free for the runtime, CUDA graphs and fragmentation (vLLM's gpu_memory_utilization 0.9). */
    static final double MEMORY_RESERVE = 0.10;
    /** Tokens one forward pass may carry: vLLM's max_num_batched_tokens and TensorRT-LLM's max_num_tokens default. */
    static final int BATCHED_TOKENS = 8192;
    static final double PREFILL_EFFICIENCY = 0.5;
    static final double DECODE_COMPUTE_EFFICIENCY = 0.5;
    static final double BANDWIDTH_EFFICIENCY = 0.7;
    /**
     * Mixture-of-experts decode reaches this share of a dense model's efficiencies: routing, token
     * permutation and small grouped expert GEMMs (prefill's large expert GEMMs do not pay it; fitted on TensorRT-LLM Mixtral 8x7B / 8x22B and DeepSeek-R1
     * max-throughput tables).
     */
    static final double MOE_EFFICIENCY = 0.7;
    /** Per all-reduce latency: NVLink-class fabrics vs PCIe/Ethernet and cross-node links. */
    static final double FAST_LINK_LATENCY_S = 8e-6;
    static final double SLOW_LINK_LATENCY_S = 25e-6;
    static final double CROSS_NODE_GBS = 50.0;
    static final int MAX_BATCH_CAP = 65_536;
    /** Non-LLM models: largest batch considered (activations are not modelled). */
    static final int OTHER_MAX_BATCH = 256;
    /**
     * Non-LLM (convolution, small-matrix) models reach a lower share of tensor peak: a T4 at int8
     * runs ResNet-50 at ~5k images/s in published offline results, about 35 % of its 130 TOPS.
     */
    static final double OTHER_EFFICIENCY = 0.35;

    public final ModelSpec model;
    public final Stack stack;
    /** This stack's fixed cost of a request and of a decode step, for this model's layers. */
    final double requestOverheadSeconds;
    final double stepOverheadSeconds;
    public final Accelerator acc;
    final Precision precision;
    public final int tp;
    public final int inputTokens;
    public final double prefixCacheHitRate;
    final double uncachedInputTokens;
    public final int outputTokens;
    public final double weightsBytes;
    public final double kvBytesPerToken;
    final double computeFlops;
    public final boolean computeFallback;
    /** The accelerator's share of the calibrated efficiencies, and (decode only) mixture-of-experts'. */
    private final double efficiency;
    private final double decodeEfficiency;
    final double linkBytesPerSecond;
    // Decode-step constants, computed once: the step time is evaluated at many batches per choice.
    private double routedBytes;
    private double kvBytesPerSequence;
    private double memoryBytesPerSecond;
    private double decodeFlopsPerSequence;
    private double decodeFlopsPerSecond;
    private double allReduceFixedSeconds;
    private double allReduceSecondsPerSequence;
    private final double linkLatency;
    final double prefillSeconds;

    public ServingModel(ModelSpec model, Accelerator acc, Precision precision, int tp, int inputTokens, int outputTokens,
            double prefixCacheHitRate) {
        this(model, acc, precision, tp, inputTokens, outputTokens, prefixCacheHitRate, Stack.TYPICAL);
    }

    public ServingModel(ModelSpec model, Accelerator acc, Precision precision, int tp, int inputTokens, int outputTokens,
            double prefixCacheHitRate, Stack stack) {
        this.model = model;
        this.stack = stack;
        int layers = model.kind() == ModelKind.LLM ? model.layers() : 0;
        this.requestOverheadSeconds = StackCosts.requestSeconds(stack, layers);
        this.stepOverheadSeconds = StackCosts.stepSeconds(stack, layers);
        this.acc = acc;
        this.precision = precision;
        this.tp = tp;
        this.inputTokens = inputTokens;
        this.prefixCacheHitRate = prefixCacheHitRate;
        this.outputTokens = outputTokens;
        this.uncachedInputTokens = inputTokens * (1.0 - prefixCacheHitRate);
        if (model.kind() == ModelKind.LLM) {
            this.weightsBytes = model.parameters() * precision.bytesPerValue();
            this.kvBytesPerToken = model.layers() * model.kvValuesPerTokenPerLayer() * kvBytes(precision);
        } else {
            this.weightsBytes = model.weightsBytes() * precision.bytesPerValue() / 4.0;
            this.kvBytesPerToken = 0;
        }
        Precision computeAs = switch (precision) {
            case FP8, INT8 -> precision;
            // FP4 runs on FP4 tensor cores where there are some (Blackwell), else dequantised to FP8 or bf16.
            case FP4 -> acc.nativePeakFlops(Precision.FP4).isPresent() ? Precision.FP4
                    : acc.nativePeakFlops(Precision.FP8).isPresent() ? Precision.FP8 : Precision.BF16;
            default -> Precision.BF16;
        };
        this.efficiency = acc.servingEfficiency(stack == Stack.TUNED);
        // Only the layers that route pay the MoE decode loss: their share of the step at the MoE efficiency.
        double moe = model.moeLayerShare();
        this.decodeEfficiency = efficiency / (moe / MOE_EFFICIENCY + (1.0 - moe));
        this.computeFallback = acc.nativePeakFlops(computeAs).isEmpty();
        this.computeFlops = computeAs == Precision.FP4 ? fp4Flops(acc)
                : acc.nativePeakFlops(computeAs).orElse(acc.bf16PeakFlops());
        boolean crossNode = tp > acc.scaleUpDomain();
        this.linkBytesPerSecond = (crossNode ? CROSS_NODE_GBS * 1e9 : acc.interconnectBytesPerSecond());
        this.linkLatency = crossNode || !acc.fastInterconnect() ? SLOW_LINK_LATENCY_S : FAST_LINK_LATENCY_S;
        this.prefillSeconds = computePrefill();
        if (llm()) {
            this.routedBytes = model.routedExpertParameters() * precision.bytesPerValue();
            double kvTokens = kvTokens();
            this.kvBytesPerSequence = kvTokens * kvBytesPerToken;
            this.memoryBytesPerSecond = tp * acc.bandwidthBytesPerSecond() * BANDWIDTH_EFFICIENCY * decodeEfficiency;
            this.decodeFlopsPerSequence = 2.0 * model.activeParameters()
                    + 4.0 * model.layers() * model.decodeAttentionWidth() * kvTokens;
            this.decodeFlopsPerSecond = tp * computeFlops * DECODE_COMPUTE_EFFICIENCY * decodeEfficiency;
            this.allReduceFixedSeconds = 2.0 * model.layers() * linkLatency;
            this.allReduceSecondsPerSequence = 2.0 * model.layers() * model.hiddenSize() * 2.0 * 2.0 * (tp - 1) / tp
                    / linkBytesPerSecond;
        }
    }

    /**
     * The compute rate an FP4 deployment reaches, as an FP8-equivalent peak. The compute efficiencies are
     * calibrated on FP8 and FP16 serving, where a compute-bound step is ~{@link #PREFILL_EFFICIENCY} ÷
     * {@link Gemm#EFFICIENCY} GEMMs and the rest attention (kept at FP8 with an 8-bit cache), norms, activation
     * quantisation and sampling. FP4 runs only the GEMMs faster, by 0.9 of the FP4 ÷ FP8 peak ratio as FP8 does
     * over bf16 in training (1.8× on B200 and GB200, 2.6× on B300): B200 serves 1.42× its FP8 rate, not 2×
     * (MLPerf Inference v4.1, Llama 2 70B offline on one B200 in FP4: 11,264 tokens/s; docs/calibration.md).
     */
    static double fp4Flops(Accelerator acc) {
        double fp4 = acc.nativePeakFlops(Precision.FP4).orElseThrow();
        double fp8 = acc.nativePeakFlops(Precision.FP8).orElse(fp4 / 2);
        return fp8 * Gemm.stepSpeedup(PREFILL_EFFICIENCY / Gemm.EFFICIENCY, Gemm.RATE_REALISED * fp4 / fp8);
    }

    /** KV cache precision: fp8/int8/fp4 deployments keep an 8-bit cache, others 16-bit (int4 is weight-only). */
    static double kvBytes(Precision p) {
        return p == Precision.FP8 || p == Precision.INT8 || p == Precision.FP4 ? 1.0 : 2.0;
    }

    boolean llm() {
        return model.kind() == ModelKind.LLM;
    }

    /** Memory for weights and KV cache: what the runtime leaves after its reserve and activation workspace. */
    public double usableBytes() {
        return tp * (acc.memoryBytes() * (1.0 - MEMORY_RESERVE) - workspaceBytesPerAccelerator());
    }

    /**
     * Activation memory a runtime keeps out of the KV cache on each accelerator: the peak of one forward pass
     * over {@link #BATCHED_TOKENS} tokens, which vLLM profiles at start-up and TensorRT-LLM sizes its workspace
     * for. Per token: the residual stream, q/k/v and the attention output (≈ 4 · d) and the MLP's gate, up and
     * product (≈ 3 · 3.5 · d), in 16 bits, all but the residual split over the tensor-parallel ranks. About
     * 1 GB for an 8B model (d 4,096), more of a 24 GB card than of an 80 GB one.
     */
    double workspaceBytesPerAccelerator() {
        if (!llm()) {
            return 0;
        }
        double d = model.hiddenSize();
        return BATCHED_TOKENS * 2.0 * (d + 13.5 * d / tp);
    }

    /** Weights plus one full-length sequence fit in the replica's usable memory. */
    public boolean fits() {
        return weightsBytes + model.attendedTokens(inputTokens + outputTokens) * kvBytesPerToken <= usableBytes();
    }

    public double averageContext() {
        return inputTokens + outputTokens / 2.0;
    }

    /** KV-cache tokens per sequence on average: its context, or the sliding window. */
    double kvTokens() {
        return llm() ? model.attendedTokens(averageContext()) : 0;
    }

    /**
     * KV-cache tokens a running sequence holds memory for. A tuned runtime admits a request only with room
     * for its whole input and output (TensorRT-LLM's default capacity policy, GUARANTEED_NO_EVICT, reserves
     * them); a typical server pages the cache as sequences grow and runs, on average, at their mean context
     * (vLLM, preempting when memory runs out).
     */
    double admittedTokens() {
        return stack == Stack.TUNED && llm() ? model.attendedTokens(inputTokens + outputTokens) : kvTokens();
    }

    /** The largest batch the KV cache memory holds (per sequence: {@link #admittedTokens()}). */
    public int maxBatch() {
        if (!fits()) {
            return 0;
        }
        if (!llm()) {
            return OTHER_MAX_BATCH;
        }
        double free = usableBytes() - weightsBytes;
        double b = Math.floor(free / (admittedTokens() * kvBytesPerToken));
        return (int) Math.max(1, Math.min(MAX_BATCH_CAP, b));
    }

    private double allReduceSeconds(double bytes) {
        if (tp == 1) {
            return 0;
        }
        return linkLatency + bytes * 2.0 * (tp - 1) / tp / linkBytesPerSecond;
    }

    private double computePrefill() {
        double weightRead = weightsBytes / (tp * acc.bandwidthBytesPerSecond() * BANDWIDTH_EFFICIENCY * efficiency);
        if (!llm()) {
            return Math.max(model.flopsPerRequest() / (tp * computeFlops * OTHER_EFFICIENCY), weightRead);
        }
        double cached = inputTokens - uncachedInputTokens;
        double attended = Math.min(cached + uncachedInputTokens / 2.0, model.attendedTokens(inputTokens));
        double attention = 4.0 * model.layers() * model.attentionWidth() * uncachedInputTokens * attended;
        double flops = 2.0 * model.activeParameters() * uncachedInputTokens + attention;
        double compute = flops / (tp * computeFlops * PREFILL_EFFICIENCY * efficiency);
        double comm = 2.0 * model.layers() * allReduceSeconds(uncachedInputTokens * model.hiddenSize() * 2.0);
        return Math.max(compute, weightRead) + comm;
    }

    /**
     * Accelerator-seconds one request needs at best, whatever the batch: its FLOPs at the prefill
     * and decode efficiencies (a decode step is never faster than its compute). The catalog search
     * uses it as a lower bound.
     */
    public double minAcceleratorSecondsPerRequest() {
        if (!llm()) {
            return model.flopsPerRequest() / (computeFlops * OTHER_EFFICIENCY);
        }
        double perToken = 2.0 * model.activeParameters();
        return perToken * uncachedInputTokens / (computeFlops * PREFILL_EFFICIENCY * efficiency)
                + perToken * outputTokens / (computeFlops * DECODE_COMPUTE_EFFICIENCY * decodeEfficiency);
    }

    /** One operating point of the replica at a given concurrency. */
    public record Point(int batch, double ttftMs, double tpotMs, double e2eMs, double requestsPerSecond,
            double prefillShare, boolean memoryBound) {
    }

    public Point at(int batch) {
        if (!llm()) {
            double compute = batch * model.flopsPerRequest() / (tp * computeFlops * OTHER_EFFICIENCY);
            double memory = weightsBytes / (tp * acc.bandwidthBytesPerSecond() * BANDWIDTH_EFFICIENCY);
            double t = otherSeconds(batch);
            return new Point(batch, t * 1e3, 0, t * 1e3, batch / t, 1.0, memory >= compute);
        }
        double step = stepSeconds(batch);
        double prefill = prefillSeconds;
        double perRequest = prefill + outputTokens * step / batch;
        double tpot = tpotSeconds(batch, step);
        double ttft = ttftSeconds(batch, step);
        double e2e = e2eSeconds(ttft, tpot);
        return new Point(batch, ttft * 1e3, tpot * 1e3, e2e * 1e3, 1.0 / perRequest, prefill / perRequest,
                memorySeconds(batch) >= computeSeconds(batch));
    }

    /**
     * Whether {@link #at}{@code (batch)} meets the target, from the same figures without building the
     * point: the batch search asks this about ten times for every replica shape of every run.
     */
    public boolean meetsAt(int batch, LatencyTarget target) {
        if (target == null) {
            return true;
        }
        double ttft;
        double tpot;
        double e2e;
        if (!llm()) {
            double t = otherSeconds(batch);
            ttft = t;
            tpot = 0;
            e2e = t;
        } else {
            double step = stepSeconds(batch);
            tpot = tpotSeconds(batch, step);
            ttft = ttftSeconds(batch, step);
            e2e = e2eSeconds(ttft, tpot);
        }
        return (target.ttftMs() == null || ttft * 1e3 <= target.ttftMs())
                && (target.tpotMs() == null || tpot * 1e3 <= target.tpotMs())
                && (target.e2eMs() == null || e2e * 1e3 <= target.e2eMs());
    }

    // A decode step of the batch delays every running sequence's next token, and each newly admitted
    // request's prefill stalls them once per its output (continuous batching).
    private double tpotSeconds(int batch, double step) {
        return step + prefillSeconds * (batch - 1) / outputTokens;
    }

    private double ttftSeconds(int batch, double step) {
        return requestOverheadSeconds + prefillSeconds + (batch > 1 ? step : 0);
    }

    private double e2eSeconds(double ttft, double tpot) {
        return ttft + Math.max(0, outputTokens - 1) * tpot;
    }

    /** A non-LLM model's batch time: its compute or reading its weights, whichever takes longer. */
    private double otherSeconds(int batch) {
        double compute = batch * model.flopsPerRequest() / (tp * computeFlops * OTHER_EFFICIENCY);
        double memory = weightsBytes / (tp * acc.bandwidthBytesPerSecond() * BANDWIDTH_EFFICIENCY);
        return Math.max(compute, memory);
    }

    /**
     * Weight bytes a decode step of {@code batch} sequences reads: every shared weight, and of the
     * routed experts only those the batch's tokens touch (all of them at large batches).
     */
    double stepWeightBytes(int batch) {
        if (routedBytes == 0) {
            return weightsBytes;
        }
        return weightsBytes - routedBytes * (1.0 - model.expertCoverage(batch));
    }

    private double memorySeconds(int batch) {
        return (stepWeightBytes(batch) + batch * kvBytesPerSequence) / memoryBytesPerSecond;
    }

    private double computeSeconds(int batch) {
        return batch * decodeFlopsPerSequence / decodeFlopsPerSecond;
    }

    double stepSeconds(int batch) {
        // Two all-reduces per layer of the batch's hidden states (bf16) across the tensor-parallel group.
        double comm = tp == 1 ? 0 : allReduceFixedSeconds + batch * allReduceSecondsPerSequence;
        return Math.max(memorySeconds(batch), computeSeconds(batch)) + comm + stepOverheadSeconds;
    }
}
