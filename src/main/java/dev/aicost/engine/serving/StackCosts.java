package dev.aicost.engine.serving;

import dev.aicost.request.InferenceInput.Stack;

/** What the serving stack adds to the roofline: fixed costs per request and per decode step, and its concurrency. */
public final class StackCosts {
    /**
     * Fixed costs of serving, per request (scheduling, tokenisation, the prefill's kernel launches, the first
     * sampling) and per decode step (launches and synchronisation CUDA graphs do not remove): a base for the
     * server plus a cost per layer, whose kernels are launched in both. The typical stack (vLLM, SGLang,
     * LMDeploy behind their HTTP servers) is fitted on published concurrency-1 figures of a 32-layer model
     * (LMDeploy Llama 2 7B on A100: 22 ms TTFT for ~11 ms of prefill, 10.1 ms per token for ~9.4 ms of weight
     * reads): 2 ms + 32 × 0.28 ms ≈ 11 ms a request, 0.3 ms + 32 × 0.022 ms ≈ 1 ms a step. A tuned, compiled
     * runtime (TensorRT-LLM, NIM) launches a few fused kernels a layer from C++ (~5 µs each) and replays decode
     * steps as CUDA graphs: 0.5 ms + 30 µs a layer a request, 0.1 ms + 6 µs a layer a step (estimates from
     * launch latencies, not fitted). A 28-layer 6B model's request overhead is then 1.3 ms tuned, 9.8 ms typical.
     */
    private static final double TYPICAL_REQUEST_BASE_S = 0.002;
    private static final double TYPICAL_REQUEST_PER_LAYER_S = 0.00028;
    private static final double TYPICAL_STEP_BASE_S = 0.0003;
    private static final double TYPICAL_STEP_PER_LAYER_S = 0.000022;
    private static final double TUNED_REQUEST_BASE_S = 0.0005;
    private static final double TUNED_REQUEST_PER_LAYER_S = 0.00003;
    private static final double TUNED_STEP_BASE_S = 0.0001;
    private static final double TUNED_STEP_PER_LAYER_S = 0.000006;

    private StackCosts() {
    }

    /** The fixed cost of a request on {@code stack} for a model of {@code layers} layers, in seconds. */
    static double requestSeconds(Stack stack, int layers) {
        return stack == Stack.TUNED ? TUNED_REQUEST_BASE_S + layers * TUNED_REQUEST_PER_LAYER_S
                : TYPICAL_REQUEST_BASE_S + layers * TYPICAL_REQUEST_PER_LAYER_S;
    }

    /** The fixed cost of a decode step, in seconds. */
    static double stepSeconds(Stack stack, int layers) {
        return stack == Stack.TUNED ? TUNED_STEP_BASE_S + layers * TUNED_STEP_PER_LAYER_S
                : TYPICAL_STEP_BASE_S + layers * TYPICAL_STEP_PER_LAYER_S;
    }

    /**
     * Largest concurrency a serving engine runs by default when no latency target bounds it: vLLM's
     * {@code max_num_seqs} (256, its EngineArgs default) on the typical stack; a tuned runtime is configured for
     * the hardware (TensorRT-LLM's benchmark sets its batch from memory): 1,024.
     */
    public static int maxConcurrency(Stack stack) {
        return stack == Stack.TUNED ? 1024 : 256;
    }
}
