package dev.aicost.engine.serving;

import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aicost.catalog.Accelerator;
import dev.aicost.catalog.Catalog;
import dev.aicost.catalog.Precision;
import dev.aicost.report.CostReport;
import dev.aicost.request.InferenceInput.Stack;
import org.junit.jupiter.api.Test;

/**
 * The serving stack is an input: a tuned, compiled runtime pays less per request and per decode step than
 * a typical Python-scheduled server, and both pay more the more layers the model launches kernels for.
 */
class ServingStackTest {
    /** A GPT-J-shaped 6B model: 28 layers of width 4096, multi-head attention. */
    static final String SIX_B = "'model':{'parameters':6.05e9,'layers':28,'hiddenSize':4096,'attentionHeads':16,"
            + "'kvHeads':16,'headDim':256,'vocabSize':50400,'contextLength':2048}";

    static CostReport batchOne(String stack) {
        return estimate("{" + SIX_B + ",'inference':{'requestsPerDay':1000,'accelerator':'h100-sxm','precision':"
                + "'fp16','tensorParallel':1,'batchSize':1,'inputTokens':128,'outputTokens':128,'stack':'" + stack
                + "'}}");
    }

    /** A replica of a catalog model on one catalog accelerator with no prefix cache. */
    static ServingModel replica(String model, String accelerator, Precision precision, int tp, int inputTokens,
            int outputTokens, Stack stack) {
        return new ServingModel(ServingModelTest.model(model), ServingModelTest.acc(accelerator), precision, tp,
                inputTokens, outputTokens, 0, stack);
    }

    @Test
    void aSixBillionModelOnAnH100AnswersItsFirstTokenWellUnderTenMillisecondsOnATunedStack() {
        // Reading the 12.1 GB of weights once at 70 % of 3.35 TB/s takes 5.2 ms (the 128-token prefill's
        // compute, 1.5 TFLOP at half of 989 TFLOPS, 3.1 ms, hides under it); a tuned runtime adds 0.5 ms +
        // 28 × 30 µs = 1.34 ms. The typical stack adds 2 ms + 28 × 0.28 ms = 9.84 ms.
        CostReport tuned = batchOne("tuned");
        CostReport typical = batchOne("typical");
        double weightRead = 6.05e9 * 2 / (3350e9 * 0.7) * 1e3;
        assertThat(tuned.inference().point().ttftMs()).isCloseTo(weightRead + 1.34, within(0.05)).isLessThan(10);
        assertThat(typical.inference().point().ttftMs()).isCloseTo(weightRead + 9.84, within(0.05));
        // A decode step: the same weight read plus 0.1 ms + 28 × 6 µs tuned, 0.3 ms + 28 × 22 µs typical.
        assertThat(tuned.inference().point().tpotMs()).isCloseTo(weightRead + 0.268, within(0.05));
        assertThat(typical.inference().point().tpotMs()).isCloseTo(weightRead + 0.916, within(0.05));
        assertThat(tuned.assumptions()).noneMatch(a -> a.name().equals("inference.stack"));
    }

    @Test
    void theDefaultIsTheTypicalStackAndSaysSo() {
        CostReport r = estimate("{" + SIX_B + ",'inference':{'requestsPerDay':1000,'accelerator':'h100-sxm',"
                + "'precision':'fp16','tensorParallel':1,'batchSize':1,'inputTokens':128,'outputTokens':128}}");
        assertThat(r.inference().point().ttftMs()).isEqualTo(batchOne("typical").inference().point().ttftMs());
        assertThat(r.assumptions()).anyMatch(a -> a.name().equals("inference.stack") && a.value().equals("typical")
                && a.reason().contains("vLLM or SGLang"));
    }

    @Test
    void fixedCostsGrowWithTheLayersTheirKernelsAreLaunchedFor() {
        ServingModel small = replica("llama-3.1-8b", "h100-sxm", Precision.BF16, 1, 1000, 200, Stack.TYPICAL);
        ServingModel large = replica("llama-3.1-70b", "h100-sxm", Precision.BF16, 4, 1000, 200, Stack.TYPICAL);
        assertThat(small.requestOverheadSeconds).isCloseTo(0.002 + 32 * 0.00028, within(1e-12));
        assertThat(large.requestOverheadSeconds).isCloseTo(0.002 + 80 * 0.00028, within(1e-12));
        assertThat(large.stepOverheadSeconds).isGreaterThan(small.stepOverheadSeconds);
    }

    @Test
    void aTypicalServerRunsAtMostVllmsDefaultConcurrencyATunedOneMore() {
        // Llama 3.1 8B in fp8 on an H100 holds thousands of 1,200-token sequences; vLLM's max_num_seqs (256) caps
        // the typical stack's batch, a tuned runtime's configured limit (1,024) the tuned one's.
        String request = "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':1e7,'accelerator':'h100-sxm',"
                + "'precision':'fp8','tensorParallel':1,'workload':'batch','offer':'aws-p5-h100','stack':'%s'}}";
        CostReport typical = estimate(String.format(request, "typical"));
        CostReport tuned = estimate(String.format(request, "tuned"));
        assertThat(typical.inference().point().maxBatchSize()).isGreaterThan(1024);
        assertThat(typical.inference().point().batchSize()).isEqualTo(256);
        assertThat(tuned.inference().point().batchSize()).isEqualTo(1024);
        assertThat(tuned.inference().point().tokensPerSecondPerAccelerator())
                .isGreaterThan(typical.inference().point().tokensPerSecondPerAccelerator());
        assertThat(typical.assumptions()).anyMatch(a -> a.name().equals("inference.batchSize")
                && a.reason().contains("vLLM's max_num_seqs"));
    }

    @Test
    void theTunedServingStackLeverPricesTheSwitchOnNvidiaOnly() {
        // Llama 3.1 8B at 2M requests a day on H100s, held to 20 ms a token: the typical stack pays 0.3 ms + 32 ×
        // 22 µs ≈ 1 ms a step, a tuned one 0.1 ms + 32 × 6 µs ≈ 0.3 ms, so each replica runs a larger batch within the
        // target and the fleet needs fewer GPUs. The lever re-runs the estimate with the stack switched.
        String request = "{'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2e6,'accelerator':'%s',"
                + "'latencyTargetMs':{'tpotMs':20},'offer':'%s'}}";
        CostReport h100 = estimate(String.format(request, "h100-sxm", "aws-p5-h100"));
        var lever = h100.optimizations().stream().filter(o -> o.lever().equals("tuned-serving-stack")).findFirst()
                .orElseThrow();
        assertThat(lever.change()).isEqualTo("inference.stack: typical → tuned (TensorRT-LLM, NIM)");
        assertThat(lever.requestMergePatch().toString()).contains("\"stack\":\"tuned\"");
        assertThat(lever.preconditions()).anyMatch(p -> p.contains("NVIDIA GPU"));
        // Bought as described: TensorRT-LLM is free; NIM's licence is a cost the saving does not include.
        assertThat(lever.tradeOff()).contains("open-source TensorRT-LLM").contains("NVIDIA AI Enterprise licence");
        CostReport tuned = estimate(String.format(request.replace("'offer'", "'stack':'tuned','offer'"), "h100-sxm",
                "aws-p5-h100"));
        assertThat(lever.savingsUsd()).isCloseTo(h100.lifecycle().totalUsd() - tuned.lifecycle().totalUsd(),
                within(1.0));
        assertThat(tuned.optimizations()).noneMatch(o -> o.lever().equals("tuned-serving-stack"));
        CostReport mi300x = estimate(String.format(request, "mi300x", "azure-nd-mi300x-v5"));
        assertThat(mi300x.optimizations()).noneMatch(o -> o.lever().equals("tuned-serving-stack"));
    }

    @Test
    void aTunedRuntimeAdmitsByTheWholeLengthATypicalServerPagesByTheMeanContext() {
        // Llama 3.1 8B in fp8 on one H100: 72 GB (90 %) less the activation workspace of a forward over 8,192
        // tokens (8,192 × 2 bytes × 14.5 × 4,096 = 0.97 GB) and 8.03 GB of weights leaves 63.00 GB for a KV cache
        // of 32 layers × 8 heads × 128 × 2 (keys, values) × 1 byte = 65,536 bytes a token. A tuned runtime reserves
        // a request's whole 128 + 2,048 tokens before admitting it: 63.00e9 / (2,176 × 65,536) = 441 sequences. A
        // typical server pages the cache as sequences grow: at the mean context, 128 + 1,024, it holds 834.
        ServingModel tuned = replica("llama-3.1-8b", "h100-sxm", Precision.FP8, 1, 128, 2048, Stack.TUNED);
        ServingModel typical = replica("llama-3.1-8b", "h100-sxm", Precision.FP8, 1, 128, 2048, Stack.TYPICAL);
        double free = 80e9 * 0.9 - 8192 * 2.0 * 14.5 * 4096 - 8.03e9;
        assertThat(tuned.maxBatch()).isEqualTo(441);
        assertThat(typical.maxBatch()).isEqualTo(834);
        assertThat(tuned.maxBatch()).isEqualTo((int) Math.floor(free / (2176 * 65536.0)));
        assertThat(typical.maxBatch()).isEqualTo((int) Math.floor(free / (1152 * 65536.0)));
        // Long outputs at large batch are where the reservation binds; a long prompt with a short answer barely
        // changes (2,176 reserved against 2,112 of mean context), and its output rate is a fraction of the long
        // output's, as max-throughput tables show (prefill dominates it).
        ServingModel longPrompt = replica("llama-3.1-8b", "h100-sxm", Precision.FP8, 1, 2048, 128, Stack.TUNED);
        assertThat((double) longPrompt.maxBatch()).isCloseTo(free / (2176 * 65536.0), within(1.0));
        double longOutputRate = tuned.at(tuned.maxBatch()).requestsPerSecond() * 2048; // output tokens a second
        double longPromptRate = longPrompt.at(longPrompt.maxBatch()).requestsPerSecond() * 128;
        assertThat(longOutputRate / longPromptRate).isBetween(4.0, 12.0);
    }

    @Test
    void anAcceleratorsServingShareDependsOnTheStack() {
        // MI300X reached 0.3 of NVIDIA's calibrated efficiencies on vLLM as deployed (Oracle Cloud) and 0.74 in AMD's
        // own MLPerf harness: the same silicon, different software. An NVIDIA part has one share on both.
        Accelerator mi300x = Catalog.builtIn().accelerator("mi300x").orElseThrow();
        assertThat(mi300x.servingEfficiency(false)).isEqualTo(0.3);
        assertThat(mi300x.servingEfficiency(true)).isEqualTo(0.74);
        ServingModel tuned = replica("llama-2-70b", "mi300x", Precision.FP8, 1, 294, 294, Stack.TUNED);
        ServingModel typical = replica("llama-2-70b", "mi300x", Precision.FP8, 1, 294, 294, Stack.TYPICAL);
        // A weight read at batch 1 takes the share's inverse: the tuned stack reads them 0.74 / 0.3 times faster.
        double weights = tuned.weightsBytes / (mi300x.bandwidthBytesPerSecond() * ServingModel.BANDWIDTH_EFFICIENCY);
        assertThat(tuned.prefillSeconds).isGreaterThanOrEqualTo(weights / 0.74 - 1e-12);
        assertThat(typical.prefillSeconds / tuned.prefillSeconds).isCloseTo(0.74 / 0.3, within(1e-9));
        Accelerator h100 = Catalog.builtIn().accelerator("h100-sxm").orElseThrow();
        assertThat(h100.servingEfficiency(true)).isEqualTo(h100.servingEfficiency(false)).isEqualTo(1.0);
    }
}
